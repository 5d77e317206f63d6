import { API_SCHEMAS } from '../../electron/core/service/api-schemas.js';
import { describe, expect, it } from 'vitest';
import { API_EVENTS, API_METHODS, isApiMethod } from '../../shared/api-methods.js';
import { checkIpcCall } from '../../electron/shell/ipc-policy.js';
import { isAllowedExternalUrl, isAllowedRequestUrl, isAppUrl } from '../../electron/shell/request-policy.js';
import { APP_CSP, RENDERER_META_CSP, browserHostCsp } from '../../electron/shell/csp.js';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

describe('openExternal allowlist', () => {
  const list = ['help.dossier.example'];
  it('allows only https to allowlisted hosts', () => {
    expect(isAllowedExternalUrl('https://help.dossier.example/guide', list)).toBe(true);
    expect(isAllowedExternalUrl('https://HELP.dossier.example/', list)).toBe(true);
    expect(isAllowedExternalUrl('http://help.dossier.example/', list)).toBe(false);
    expect(isAllowedExternalUrl('https://evil.example/', list)).toBe(false);
    expect(isAllowedExternalUrl('https://help.dossier.example.evil.example/', list)).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@help.dossier.example/', list)).toBe(false);
    expect(isAllowedExternalUrl('https://help.dossier.example:8443/', list)).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd', list)).toBe(false);
    expect(isAllowedExternalUrl('smb://server/share', list)).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)', list)).toBe(false);
  });
  it('allows nothing with the shipped (empty) allowlist', () => {
    expect(isAllowedExternalUrl('https://help.dossier.example/')).toBe(false);
  });
});

describe('request policy', () => {
  it('lets through only app:// and data:', () => {
    expect(isAllowedRequestUrl('app://dossier/assets/a.js')).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequestUrl('https://fonts.example/x.woff2')).toBe(false);
    expect(isAllowedRequestUrl('http://127.0.0.1:8080/')).toBe(false);
    expect(isAllowedRequestUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedRequestUrl('app://other/x')).toBe(false);
    expect(isAllowedRequestUrl('devtools://devtools/x')).toBe(false);
    expect(isAppUrl('app://dossier/index.html')).toBe(true);
    expect(isAppUrl('https://dossier/index.html')).toBe(false);
  });

  it('lets through object URLs of the app’s own origin only (photos shown from API bytes)', () => {
    expect(isAllowedRequestUrl('blob:app://dossier/6f1c0d2e-8b7a-4c55-9e0b-1a2b3c4d5e6f')).toBe(true);
    expect(isAllowedRequestUrl('blob:https://evil.example/6f1c0d2e')).toBe(false);
    expect(isAllowedRequestUrl('blob:null/6f1c0d2e')).toBe(false);
    expect(isAllowedRequestUrl('blob:')).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  const directives = (csp: string): Map<string, string> => new Map(csp.split(';').map((d) => d.trim().split(/\s+(.*)/s) as [string, string]));

  it('allows exactly what pdf.js and the photo viewer need beyond the app’s own files', () => {
    const app = directives(APP_CSP);
    expect(app.get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
    expect(app.get('worker-src')).toBe("'self'");
    expect(app.get('img-src')).toBe("'self' data: blob:");
    expect(app.get('connect-src')).toBe("'none'");
    expect(app.get('style-src')).toBe("'self'");
    expect(APP_CSP).not.toMatch(/unsafe-inline|'unsafe-eval'|https?:|\*/);
  });

  it('the browser host differs only by its own WebSocket; the built page’s <meta> is the same policy', () => {
    const app = directives(APP_CSP);
    const host = directives(browserHostCsp(8123));
    expect(host.get('connect-src')).toBe("'self' ws://127.0.0.1:8123 ws://localhost:8123");
    for (const [k, v] of app) if (k !== 'connect-src') expect(host.get(k), k).toBe(v);
    const meta = directives(RENDERER_META_CSP);
    for (const [k, v] of app) if (k !== 'connect-src' && k !== 'frame-ancestors') expect(meta.get(k), k).toBe(v);
    const built = path.resolve('dist/renderer/index.html');
    expect(existsSync(built), 'the renderer is built before the tests (npm test builds)').toBe(true);
    expect(readFileSync(built, 'utf8')).toContain(`content="${RENDERER_META_CSP}"`);
  });
});

describe('IPC policy', () => {
  const main = { isMainWindowTopFrame: true, frameUrl: 'app://dossier/index.html' };
  it('accepts known methods from the app top frame', () => {
    expect(checkIpcCall(main, 'records.list')).toEqual({ ok: true, method: 'records.list' });
    expect(checkIpcCall(main, 'shell.pickImportSources')).toEqual({ ok: true, method: 'shell.pickImportSources' });
  });
  it('refuses subframes, foreign pages and unknown names', () => {
    expect(checkIpcCall(null, 'records.list').ok).toBe(false);
    expect(checkIpcCall({ ...main, isMainWindowTopFrame: false }, 'records.list').ok).toBe(false);
    expect(checkIpcCall({ ...main, frameUrl: 'https://evil.example/' }, 'records.list').ok).toBe(false);
    expect(checkIpcCall(main, 'constructor').ok).toBe(false);
    expect(checkIpcCall(main, '__proto__').ok).toBe(false);
    expect(checkIpcCall(main, 42).ok).toBe(false);
  });
  it('knows every method and event of the contract', () => {
    // The shell's list of callable methods is exactly the set the core validates.
    expect([...API_METHODS].sort()).toEqual(Object.keys(API_SCHEMAS).sort());
    expect(API_EVENTS).toEqual(['import.progress', 'import.outcomes', 'export.progress', 'rebuild.progress', 'vault.status']);
    expect(isApiMethod('hasOwnProperty')).toBe(false);
  });
});
