// The packages package.json's `dependencies` can reach, resolved the way Node does (nested
// node_modules first, then upwards) over package-lock.json. What esbuild bundles into dist/ is a
// devDependency and so outside this set.
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface LockEntry {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** "node_modules/a/node_modules/@s/b" → "@s/b". */
export function packageNameOf(lockPath: string): string {
  return lockPath.slice(lockPath.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

function resolveFrom(packages: Record<string, LockEntry>, fromPath: string, name: string): string | null {
  let dir = fromPath;
  for (;;) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!dir) return null;
    const up = dir.lastIndexOf('/node_modules/');
    dir = up < 0 ? '' : dir.slice(0, up);
  }
}

/** Lock paths ("node_modules/x", nested ones too) of every package the runtime dependencies reach. */
export function runtimeClosure(root: string): Set<string> {
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const { packages } = lock;
  const seen = new Set<string>();
  const visit = (lockPath: string): void => {
    if (seen.has(lockPath)) return;
    seen.add(lockPath);
    const entry = packages[lockPath] ?? {};
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies })) {
      const found = resolveFrom(packages, lockPath, name);
      if (found) visit(found);
    }
  };
  const rootEntry = packages[''] ?? {};
  for (const name of Object.keys(rootEntry.dependencies ?? {})) {
    const found = resolveFrom(packages, '', name);
    if (found) visit(found);
  }
  return seen;
}

/** The required (not optional) dependencies package.json files declare, by package name. */
export function declaredDependencies(root: string): Map<string, string[]> {
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const byName = new Map<string, string[]>();
  for (const [lockPath, entry] of Object.entries(lock.packages)) {
    if (!lockPath) continue;
    const name = packageNameOf(lockPath);
    byName.set(name, [...new Set([...(byName.get(name) ?? []), ...Object.keys(entry.dependencies ?? {})])]);
  }
  return byName;
}
