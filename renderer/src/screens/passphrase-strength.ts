// A plain-language strength hint. Not a security boundary: the KDF does the real work.
export const MIN_PASSPHRASE_LENGTH = 10;

export interface Strength {
  score: 0 | 1 | 2 | 3;
  label: string;
}

export function passphraseStrength(p: string): Strength {
  if (p.length < MIN_PASSPHRASE_LENGTH) return { score: 0, label: `Too short — use at least ${MIN_PASSPHRASE_LENGTH} characters` };
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(p)).length;
  const words = p.trim().split(/\s+/).length;
  if (p.length >= 20 || (words >= 4 && p.length >= 16)) return { score: 3, label: 'Strong' };
  if (p.length >= 14 || classes >= 3) return { score: 2, label: 'Good' };
  return { score: 1, label: 'Fair — a few more words would make it stronger' };
}
