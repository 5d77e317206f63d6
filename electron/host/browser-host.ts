// Loopback browser host: serves the renderer and relays the API over a WebSocket, for the
// end-to-end tests and `npm run start:browser`. Binds 127.0.0.1 only; Host, Origin and a per-run
// token are checked on every request that reaches the vault.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { WebSocketServer } from 'ws';
import { browserHostCsp } from '../shell/csp.js';
import { errorShapeOf } from './error-shape.js';
import { isAllowedHost, newToken, refuseReason } from './host-checks.js';
import type { HostedService } from './hosted-service.js';
import { APP_VERSION } from '../core/base/app-version.js';
import { serveStatic } from './static-files.js';
import { MAX_UPLOAD_BYTES, UploadFormatError, parseUpload } from './upload-format.js';
import { relayConnection } from './ws-relay.js';
import { PathGrants } from '../shell/path-grants.js';
import { FolderChooser } from './folder-chooser.js';
import { parseArgs } from 'node:util';
import { defaultVaultDir } from '../core/vault/default-location.js';

export interface BrowserHostOptions {
  vaultDir: string;
  distDir: string;
  port?: number;
  token?: string;
  appVersion?: string;
  /** Tests only: a cheaper scrypt cost for vaults created through this host. */
  kdfCost?: { N: number; r: number; p: number };
}

/** The largest WebSocket message accepted (an API call's params); larger ones close the connection with 1009. */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

export interface BrowserHost {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

async function realService(options: BrowserHostOptions): Promise<HostedService> {
  const { createDossierService } = await import('../core/service/service.js');
  return createDossierService({ vaultDir: options.vaultDir, appVersion: options.appVersion ?? APP_VERSION, ...(options.kdfCost ? { kdfCost: options.kdfCost } : {}) });
}

/** A bad frame, a reset connection or a full socket must never take the host (and a running import) down. */
function logSocketError(where: string): (err: Error) => void {
  return (err) => console.warn(`[dossier host] ${where}: ${err.message}`);
}

function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    req.on('data', (c: Buffer) => {
      total += c.length;
      if (total > limit) {
        reject(new UploadFormatError('These files are too large to add in one go from the browser. Add them in smaller groups.'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    // A plain Uint8Array view, not a Buffer: some parsers (pdf.js) refuse Buffers.
    req.on('end', () => {
      const all = Buffer.concat(chunks);
      resolve(new Uint8Array(all.buffer, all.byteOffset, all.byteLength));
    });
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? newToken();
  const service = await realService(options);
  const grants = new PathGrants();
  const folders = new FolderChooser({ grants });
  let port = 0;

  async function handleUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refused = refuseReason({ host: req.headers.host, origin: req.headers.origin, token: req.headers['x-dossier-token'] }, port, token);
    if (refused) return json(res, 403, { code: 'invalid-params', message: `Refused: ${refused}.` });
    try {
      const files = parseUpload(await readBody(req, MAX_UPLOAD_BYTES));
      json(res, 200, await service.importUploaded(files));
    } catch (err) {
      if (err instanceof UploadFormatError) json(res, 400, { code: 'invalid-params', message: err.message });
      else json(res, 500, errorShapeOf(err));
    }
  }

  const server = createServer((req, res) => {
    if (!isAllowedHost(req.headers.host, port)) {
      res.writeHead(421).end('Wrong host');
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    if (pathname === '/upload' && req.method === 'POST') void handleUpload(req, res);
    else void serveStatic(req, res, options.distDir, browserHostCsp(port));
  });

  server.on('clientError', (err, socket) => {
    logSocketError('http client')(err);
    socket.destroy();
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  wss.on('error', logSocketError('websocket server'));
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const refused =
      url.pathname !== '/ws'
        ? 'wrong path'
        : refuseReason({ host: req.headers.host, origin: req.headers.origin, token: url.searchParams.get('token') }, port, token);
    if (refused) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    socket.on('error', logSocketError('upgrade socket'));
    wss.handleUpgrade(req, socket, head, (ws) => {
      // ws reports an oversized message (1009) or invalid UTF-8 (1007) here, then closes the connection.
      ws.on('error', logSocketError('websocket'));
      relayConnection(ws, service, token, { grants, folders });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await service.close();
    },
  };
}

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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
