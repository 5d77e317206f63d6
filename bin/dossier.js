#!/usr/bin/env node
// Entry point for `dossier` / `npx dossier`: runs the built CLI (npm run build first).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli/dossier.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('dossier: not built yet. Run `npm run build` in the project folder first.\n');
  process.exit(2);
}
await import(built);
