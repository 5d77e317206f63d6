// The recovery key: 160 random bits written as 32 Crockford base32 characters in groups of four
// (no I, L, O, U: nothing to confuse when typing it back from paper).
import { hkdfSync, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const KEY_CHARS = 32;

export function newRecoveryKey(): string {
  return formatRecoveryKey(encodeBase32(randomBytes(20)));
}

function encodeBase32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

function formatRecoveryKey(chars: string): string {
  return chars.match(/.{4}/g)!.join('-');
}

export type ParsedRecoveryKey = { ok: true; canonical: string } | { ok: false; problem: string };

/** Accepts any case, spaces or dashes, and the usual look-alikes (O→0, I/L→1). */
export function parseRecoveryKey(input: string): ParsedRecoveryKey {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  const bad = [...cleaned].find((c) => !ALPHABET.includes(c));
  if (bad !== undefined) return { ok: false, problem: `the recovery key contains "${bad}", which is not a recovery-key character` };
  if (cleaned.length !== KEY_CHARS)
    return { ok: false, problem: `a recovery key has ${KEY_CHARS} characters; this one has ${cleaned.length}` };
  return { ok: true, canonical: formatRecoveryKey(cleaned) };
}

/** The recovery key is high-entropy already, so HKDF (not a slow KDF) turns it into a KEK. */
export function recoveryKek(canonicalKey: string, saltB64: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(canonicalKey, 'ascii'), Buffer.from(saltB64, 'base64'), 'dossier/recovery-kek/v1', 32));
}
