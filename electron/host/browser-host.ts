// Loopback browser host: serves the renderer and relays the API over a WebSocket, for the
// end-to-end tests and `npm run start:browser`. Binds 127.0.0.1 only; Host, Origin and a per-run
// token are checked on every request that reaches the vault.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
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

/** What every request handler needs; `port` is known once the server listens. */
interface HostContext {
  service: Awaited<ReturnType<typeof realService>>;
  token: string;
  grants: PathGrants;
  folders: FolderChooser;
  port: number;
}

/** POST /upload: dropped files, checked like a WebSocket connection (host, origin, token). */
async function handleUpload(ctx: HostContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const refused = refuseReason({ host: req.headers.host, origin: req.headers.origin, token: req.headers['x-dossier-token'] }, ctx.port, ctx.token);
  if (refused) return json(res, 403, { code: 'invalid-params', message: `Refused: ${refused}.` });
  try {
    const files = parseUpload(await readBody(req, MAX_UPLOAD_BYTES));
    json(res, 200, await ctx.service.importUploaded(files));
  } catch (err) {
    if (err instanceof UploadFormatError) json(res, 400, { code: 'invalid-params', message: err.message });
    else json(res, 500, errorShapeOf(err));
  }
}

/** /ws upgrades with the right host, origin and token become API connections; others are refused. */
function acceptWebSockets(server: Server, ctx: HostContext): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  wss.on('error', logSocketError('websocket server'));
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const refused =
      url.pathname !== '/ws'
        ? 'wrong path'
        : refuseReason({ host: req.headers.host, origin: req.headers.origin, token: url.searchParams.get('token') }, ctx.port, ctx.token);
    if (refused) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    socket.on('error', logSocketError('upgrade socket'));
    wss.handleUpgrade(req, socket, head, (ws) => {
      // ws reports an oversized message (1009) or invalid UTF-8 (1007) here, then closes the connection.
      ws.on('error', logSocketError('websocket'));
      relayConnection(ws, ctx.service, ctx.token, { grants: ctx.grants, folders: ctx.folders });
    });
  });
  return wss;
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const grants = new PathGrants();
  const ctx: HostContext = { service: await realService(options), token: options.token ?? newToken(), grants, folders: new FolderChooser({ grants }), port: 0 };
  const server = createServer((req, res) => {
    if (!isAllowedHost(req.headers.host, ctx.port)) {
      res.writeHead(421).end('Wrong host');
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    if (pathname === '/upload' && req.method === 'POST') void handleUpload(ctx, req, res);
    else void serveStatic(req, res, options.distDir, browserHostCsp(ctx.port));
  });
  server.on('clientError', (err, socket) => {
    logSocketError('http client')(err);
    socket.destroy();
  });
  const wss = acceptWebSockets(server, ctx);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  ctx.port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${ctx.port}/#token=${ctx.token}`,
    token: ctx.token,
    port: ctx.port,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ctx.service.close();
    },
  };
}
