// Serves the built renderer with the security headers. GET/HEAD only; no directory listings.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { securityHeaders } from '../shell/csp.js';
import { mimeTypeFor, resolveRendererPath } from '../shell/protocol-path.js';
import { resolveVendorFile } from '../shell/vendor-files.js';

export async function serveStatic(req: IncomingMessage, res: ServerResponse, distDir: string, csp: string): Promise<void> {
  const headers = securityHeaders(csp);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, headers).end();
    return;
  }
  const pathname = new URL(req.url ?? '/', 'http://x').pathname;
  const file = resolveVendorFile(pathname) ?? resolveRendererPath(distDir, pathname);
  if (!file) {
    res.writeHead(404, headers).end('Not found');
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { ...headers, 'Content-Type': mimeTypeFor(file), 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, headers).end('Not found');
  }
}
