// `npm start`: the native SQLite addon in node_modules is built for Node (CLI, tests). Electron
// has its own ABI, so a second copy is rebuilt for Electron in .electron-native/ (once per
// Electron version) and handed to the core through DOSSIER_SQLITE_BINDING. Packaged apps don't
// need this: electron-builder rebuilds their node_modules for Electron.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const MODULE = 'better-sqlite3-multiple-ciphers';
const buildPath = path.join(root, '.electron-native');
const moduleDir = path.join(buildPath, 'node_modules', MODULE);
const binding = path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
const stamp = path.join(buildPath, 'electron-version');

let electronBinary;
try {
  electronBinary = require('electron'); // the path of the Electron executable (downloaded on first use)
} catch (err) {
  console.error(`Cannot start the desktop app: the Electron binary is not available (${err.message}).`);
  console.error('Try `npm run start:browser` to use Dossier in your browser instead.');
  process.exit(1);
}
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

if (!existsSync(binding) || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== electronVersion) {
  console.log(`Building the encrypted database addon for Electron ${electronVersion} (first start only)…`);
  rmSync(buildPath, { recursive: true, force: true });
  cpSync(path.join(root, 'node_modules', MODULE), moduleDir, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });
  writeFileSync(path.join(buildPath, 'package.json'), JSON.stringify({ name: 'dossier-electron-native', private: true, dependencies: { [MODULE]: '*' } }));
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath, electronVersion, onlyModules: [MODULE], force: true });
  writeFileSync(stamp, electronVersion);
}

const child = spawn(electronBinary, [root, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, DOSSIER_SQLITE_BINDING: binding },
});
child.on('exit', (code) => process.exit(code ?? 0));
