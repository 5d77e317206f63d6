// Content-Security-Policy for the renderer, sent as a response header (a <meta> tag can be
// removed by injected markup; a header cannot) and, as defence in depth, written into the built
// index.html's <meta> by the renderer build (build/vite.renderer.config.ts) from this same list.
// pdf.js needs two things beyond 'self': its worker (a script from 'self') and, inside it,
// WebAssembly for JBIG2/JPEG 2000 images ('wasm-unsafe-eval' allows compiling WASM, nothing else).
// Photos are shown from object URLs made of the bytes the API returned (blob:).
const BASE_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
];

function withConnectSrc(connect: string): string[] {
  return BASE_DIRECTIVES.map((d) => (d.startsWith('connect-src') ? `connect-src ${connect}` : d));
}

/** The CSP of the Electron app: the renderer talks to nothing but the preload bridge. */
export const APP_CSP = BASE_DIRECTIVES.join('; ');

/** The browser host's CSP: same, but the page may reach its own host (WebSocket + upload). */
export function browserHostCsp(port: number): string {
  return withConnectSrc(`'self' ws://127.0.0.1:${port} ws://localhost:${port}`).join('; ');
}

/**
 * The <meta> copy in index.html, which does not know the host's port. frame-ancestors is left out
 * (browsers ignore it in <meta>); both real policies, sent as headers, carry it.
 */
export const RENDERER_META_CSP = withConnectSrc("'self' ws://127.0.0.1:* ws://localhost:*")
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');

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
