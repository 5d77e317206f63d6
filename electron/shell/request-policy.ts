// Which URLs the renderer's session may load, and which external links may be opened in the
// user's browser. Pure functions: the Electron wiring calls them, tests exercise them directly.
import { APP_ORIGIN } from './protocol-path.js';

/**
 * Only the app's own files, inline data: images, and object URLs the app itself made (blob: URLs
 * of its own origin: photos shown from bytes the API returned). Everything remote is cancelled.
 */
export function isAllowedRequestUrl(url: string): boolean {
  if (url.startsWith('data:')) return true;
  const target = url.startsWith('blob:') ? url.slice('blob:'.length) : url;
  try {
    const u = new URL(target);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** The renderer's own top-level URL: anything else (navigation, new windows) is refused. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/**
 * Hosts the app may send the user to in their real browser (help pages). Empty for now: the app
 * has no remote pages. Kept explicit so adding one is a reviewed, tested change.
 */
export const EXTERNAL_HOST_ALLOWLIST: readonly string[] = [];

/** Only https:, only allowlisted hosts, no credentials or odd ports. Never file:, never custom schemes. */
export function isAllowedExternalUrl(url: string, allowlist: readonly string[] = EXTERNAL_HOST_ALLOWLIST): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:') return false;
  if (u.username || u.password || u.port) return false;
  return allowlist.includes(u.hostname.toLowerCase());
}
