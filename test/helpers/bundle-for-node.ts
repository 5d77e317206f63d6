// Bundles a TypeScript file under test/ into one CommonJS file that a plain Node child process
// can run or preload (Node 20 cannot run TypeScript). Once per entry per test process.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const bundles = new Map<string, Promise<string>>();

export function bundleForNode(entry: string, external: string[] = []): Promise<string> {
  let bundle = bundles.get(entry);
  if (!bundle) {
    const outfile = path.join(mkdtempSync(path.join(os.tmpdir(), 'dossier-test-bundle-')), `${path.basename(entry, '.ts')}.cjs`);
    bundle = build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external, logLevel: 'warning' }).then(() => outfile);
    bundles.set(entry, bundle);
  }
  return bundle;
}
