// A static stand-in for Electronegativity (not installed: it drags in old eslint/typescript).
// Checks the shell sources and, when built, the main/preload bundles for the settings and calls
// that matter in Electron security reviews.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const full = path.join(dir, n);
    return statSync(full).isDirectory() ? sources(full) : /\.(ts|tsx)$/.test(n) ? [full] : [];
  });
}

const shellFiles = [path.join(root, 'electron/main.ts'), path.join(root, 'electron/preload.ts'), ...sources(path.join(root, 'electron/shell'))];
const bundles = ['dist/electron/main.cjs', 'dist/electron/preload.cjs'].map((p) => path.join(root, p)).filter((p) => existsSync(p));
const rendererFiles = sources(path.join(root, 'renderer/src'));
const scanned = [...shellFiles, ...bundles];
const read = (f: string): string => readFileSync(f, 'utf8');
const rel = (f: string): string => path.relative(root, f);

function offenders(pattern: RegExp, files = scanned): string[] {
  return files.filter((f) => pattern.test(read(f))).map(rel);
}

describe('Electron security scan', () => {
  it('scans the shell sources (and the bundles once built)', () => {
    expect(shellFiles.length).toBeGreaterThan(10);
  });
  it('never enables nodeIntegration, disables contextIsolation/sandbox/webSecurity, or allows insecure content', () => {
    expect(offenders(/nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/)).toEqual([]);
    expect(offenders(/contextIsolation\s*:\s*false/)).toEqual([]);
    expect(offenders(/sandbox\s*:\s*false/)).toEqual([]);
    expect(offenders(/webSecurity\s*:\s*false/)).toEqual([]);
    expect(offenders(/allowRunningInsecureContent\s*:\s*true/)).toEqual([]);
    expect(offenders(/webviewTag\s*:\s*true/)).toEqual([]);
  });
  it('uses no experimental features or Blink feature switches', () => {
    expect(offenders(/experimentalFeatures\s*:\s*true/)).toEqual([]);
    expect(offenders(/enableBlinkFeatures/)).toEqual([]);
  });
  it('never injects code or CSS built from variables', () => {
    expect(offenders(/\.(executeJavaScript|insertCSS)\s*\(/)).toEqual([]);
    expect(offenders(/\b(eval|new Function)\s*\(/, [...shellFiles, ...rendererFiles])).toEqual([]);
    expect(offenders(/dangerouslySetInnerHTML|\.innerHTML\s*=/, rendererFiles)).toEqual([]);
  });
  it('calls shell.openExternal only from the allowlist module', () => {
    expect(offenders(/openExternal\s*\(/, shellFiles)).toEqual(['electron/shell/external-links.ts']);
    expect(read(path.join(root, 'electron/shell/external-links.ts'))).toMatch(/if \(!isAllowedExternalUrl\(url\)\) return false;/);
  });
  it('exposes the bridge through contextBridge only, never ipcRenderer itself', () => {
    const preload = read(path.join(root, 'electron/preload.ts'));
    expect(preload).toMatch(/contextBridge\.exposeInMainWorld\('dossier'/);
    expect(offenders(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/)).toEqual([]);
    expect(offenders(/exposeInMainWorld/, shellFiles)).toEqual(['electron/preload.ts']);
  });
  it('sets a CSP header in the protocol handler and denies permissions, navigation and new windows', () => {
    expect(read(path.join(root, 'electron/shell/app-protocol.ts'))).toMatch(/securityHeaders\(APP_CSP\)/);
    const sec = read(path.join(root, 'electron/shell/session-security.ts'));
    for (const needle of ['setPermissionRequestHandler', 'setPermissionCheckHandler', 'onBeforeRequest', 'will-navigate', 'will-attach-webview', "action: 'deny'"]) {
      expect(sec).toContain(needle);
    }
  });
  it('loads no remote content and no file:// pages', () => {
    expect(offenders(/loadURL\(\s*['"`](https?|file):/)).toEqual([]);
    expect(offenders(/loadFile\(/)).toEqual([]);
    expect(offenders(/https?:\/\/(?!127\.0\.0\.1|localhost)[a-z]/i, [...shellFiles, ...rendererFiles])).toEqual([]);
  });
});
