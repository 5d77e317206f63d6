// `npm run start:browser`: the browser host from the command line. Its own entry file, so that
// importing browser-host.ts (tests, benchmarks, a bundle of either) never starts a host.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { APP_VERSION } from '../core/base/app-version.js';
import { defaultVaultDir } from '../core/vault/default-location.js';
import { startBrowserHost } from './browser-host.js';

/** `--vault DIR` (else DOSSIER_VAULT, else the app's own vault folder) and `--port N` (else any free port). */
function hostArgs(argv: string[]): { vaultDir: string; port: number | undefined } {
  const { values } = parseArgs({ args: argv, options: { vault: { type: 'string' }, port: { type: 'string' } }, strict: true });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) throw new Error(`--port must be a port number (0–65535), not "${values.port}"`);
  return { vaultDir: path.resolve(values.vault ?? process.env.DOSSIER_VAULT ?? defaultVaultDir()), port };
}

async function main(): Promise<void> {
  const { vaultDir, port } = hostArgs(process.argv.slice(2));
  const here = path.dirname(fileURLToPath(import.meta.url));
  const host = await startBrowserHost({ vaultDir, distDir: path.join(here, '..', 'renderer'), port, appVersion: APP_VERSION });
  console.log(`Dossier is running on this computer only.\nOpen ${host.url}\nPress Ctrl+C to stop.`);
  const stop = (): void => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
