import { API_SCHEMAS } from '../../electron/core/service/api-schemas.js';
import { describe, expect, it } from 'vitest';
import { API_EVENTS, API_METHODS, isApiMethod } from '../../shared/api-methods.js';
import { checkIpcCall } from '../../electron/shell/ipc-policy.js';
import { isAllowedExternalUrl, isAllowedRequestUrl, isAppUrl } from '../../electron/shell/request-policy.js';
import { APP_CSP, browserHostCsp } from '../../electron/shell/csp.js';

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
