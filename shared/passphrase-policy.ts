// The one policy for secrets a person chooses: the vault passphrase and a zip password. The core
// enforces it, the app shows the same words while typing, the CLI prints them.

export const MIN_PASSPHRASE_LENGTH = 10;
/** Fewer distinct characters than this is a pattern ("aaaaaaaaaa", "1212121212"), not a secret. */
const MIN_DISTINCT_CHARACTERS = 5;
const COMMON = ['password', 'passwort', 'qwerty', 'azerty', '123456', 'letmein', 'iloveyou', 'welcome', 'dossier', 'admin'];

export type PassphraseProblem = 'too-short' | 'too-predictable';
export type PassphraseVerdict = { ok: true } | { ok: false; problem: PassphraseProblem; message: string };

export interface Strength {
  score: 0 | 1 | 2 | 3;
  label: string;
}

export function checkPassphrase(p: string): PassphraseVerdict {
  if ([...p].length < MIN_PASSPHRASE_LENGTH)
    return { ok: false, problem: 'too-short', message: `Use at least ${MIN_PASSPHRASE_LENGTH} characters. A few unrelated words work well.` };
  if (isPredictable(p))
    return { ok: false, problem: 'too-predictable', message: 'That is too easy to guess (a common word or a repeated pattern). A few unrelated words work well.' };
  return { ok: true };
}

/** A plain-language strength estimate for the meter; 0 means the policy refuses it. */
export function passphraseStrength(p: string): Strength {
  const verdict = checkPassphrase(p);
  if (!verdict.ok) return { score: 0, label: verdict.message };
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{N}/u, /[^\p{L}\p{N}]/u].filter((r) => r.test(p)).length;
  const words = p.trim().split(/\s+/).length;
  if (p.length >= 20 || (words >= 4 && p.length >= 16)) return { score: 3, label: 'Strong' };
  if (p.length >= 14 || classes >= 3) return { score: 2, label: 'Good' };
  return { score: 1, label: 'Fair — a few more words would make it stronger' };
}

function isPredictable(p: string): boolean {
  if (new Set(p.toLowerCase()).size < MIN_DISTINCT_CHARACTERS) return true;
  // A common password padded with digits or symbols ("password2024!") is still a common password.
  const letters = p.toLowerCase().replace(/[^\p{L}]/gu, '');
  const digits = p.replace(/\D/g, '');
  return COMMON.some((w) => letters === w || digits === w) || /^(0123456789|1234567890|9876543210)/.test(digits);
}
