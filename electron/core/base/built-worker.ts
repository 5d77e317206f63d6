// Where the worker-thread scripts built by build/scripts/build.mjs are found at run time.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function moduleDir(): string {
  // CommonJS bundles (Electron's service worker) have __dirname; ES modules have import.meta.url.
  if (typeof __dirname === 'string') return __dirname;
  return path.dirname(fileURLToPath(import.meta.url));
}

/** dist/workers/NAME, seen from a bundle in dist/<x>/ or from the sources; null when not built. */
export function findBuiltWorker(name: string): string | null {
  const here = moduleDir();
  for (const candidate of [path.join(here, '../workers', name), path.join(here, '../../../dist/workers', name)])
    if (existsSync(candidate)) return candidate;
  return null;
}
