// Serves the renderer from app://dossier/ (a privileged, standard, secure scheme) with the CSP as
// a response header. file:// is never used: it would grant the page access to the whole disk.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_CSP, securityHeaders } from './csp.js';
import { APP_SCHEME, appUrlPathname, mimeTypeFor, resolveAppUrl } from './protocol-path.js';
import { resolveVendorFile } from './vendor-files.js';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, stream: false } },
  ]);
}

export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const pathname = appUrlPathname(request.url);
    const file = (pathname !== null ? resolveVendorFile(pathname) : null) ?? resolveAppUrl(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404, headers: securityHeaders(APP_CSP) });
    try {
      const body = await readFile(file);
      return new Response(body, { status: 200, headers: { ...securityHeaders(APP_CSP), 'Content-Type': mimeTypeFor(file) } });
    } catch {
      return new Response('Not found', { status: 404, headers: securityHeaders(APP_CSP) });
    }
  });
}
