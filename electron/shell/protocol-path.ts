// Maps an app://dossier/… URL (or a browser-host URL path) to a file under the renderer folder.
// Pure, so path traversal refusal is unit-tested without Electron.
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'dossier';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * Resolves a URL pathname ("/assets/x.js") to an absolute file inside rootDir, or null when it
 * would escape rootDir, contains encoded separators/NUL, or is otherwise suspicious.
 * "/" maps to index.html.
 */
export function resolveRendererPath(rootDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  // Encoded slashes ("%2F") would let a segment smuggle a separator past the split below.
  if (/%2f|%5c/i.test(pathname)) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.' || /^[a-zA-Z]:$/.test(s))) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const root = path.resolve(rootDir);
  const full = path.resolve(root, relative);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return full;
}

/** Resolves a full app:// URL; null for any other scheme or host. */
export function resolveAppUrl(rootDir: string, url: string): string | null {
  const pathname = appUrlPathname(url);
  return pathname === null ? null : resolveRendererPath(rootDir, pathname);
}

/** The pathname of an app:// URL; null for any other scheme or host. */
export function appUrlPathname(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST ? parsed.pathname : null;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export function mimeTypeFor(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
