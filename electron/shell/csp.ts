// Content-Security-Policy for the renderer, sent as a response header (a <meta> tag can be
// removed by injected markup; a header cannot). The browser host adds its own WebSocket origin.
const BASE_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
];

/** The CSP of the Electron app: the renderer talks to nothing but the preload bridge. */
export const APP_CSP = BASE_DIRECTIVES.join('; ');

/** The browser host's CSP: same, but the page may reach its own host (WebSocket + upload). */
export function browserHostCsp(port: number): string {
  return BASE_DIRECTIVES.map((d) =>
    d.startsWith('connect-src') ? `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}` : d,
  ).join('; ');
}

/** Headers served with every renderer file, by both the app:// protocol and the browser host. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
