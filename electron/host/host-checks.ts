// Request checks for the loopback browser host. Anything on this computer (another user's
// browser tab, a malicious page doing DNS rebinding) can reach 127.0.0.1, so every request must
// name our exact host, come from our own origin, and carry the per-run token.
import { randomBytes, timingSafeEqual } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Host header must be exactly 127.0.0.1:PORT or localhost:PORT (defeats DNS rebinding). */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Origin must be the host's own origin. A missing Origin is refused where we require it. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** Constant-time comparison; anything that is not a string of the right length fails. */
export function tokenMatches(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface RequestFacts {
  host: string | undefined;
  origin: string | undefined;
  token: unknown;
}

/** For /upload and the WebSocket upgrade: host, origin and token all required. Returns a refusal reason or null. */
export function refuseReason(facts: RequestFacts, port: number, expectedToken: string): string | null {
  if (!isAllowedHost(facts.host, port)) return 'wrong Host header';
  if (!isAllowedOrigin(facts.origin, port)) return 'foreign or missing Origin';
  if (!tokenMatches(facts.token, expectedToken)) return 'missing or wrong token';
  return null;
}
