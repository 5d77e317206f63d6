#!/usr/bin/env node
// Runs a benchmark: bundles bench/NAME.ts with esbuild (TypeScript, ESM; packages stay external so
// the native SQLite addon loads from node_modules) and runs it with the remaining arguments.
//   node bench/run.mjs NAME [args]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...args] = process.argv.slice(2);
if (!name || !/^[\w-]+$/.test(name)) {
  console.error('usage: node bench/run.mjs NAME [args]   (runs bench/NAME.ts)');
  process.exit(2);
}
const entry = path.join(root, 'bench', `${name}.ts`);
if (!existsSync(entry)) {
  console.error(`no such benchmark: bench/${name}.ts`);
  process.exit(2);
}
// Inside node_modules so bare imports resolve; outside the source tree so nothing is committed.
const outfile = path.join(root, 'node_modules', '.cache', 'dossier-bench', `${name}.mjs`);
await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', sourcemap: 'inline', logLevel: 'warning' });
const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...args], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);
