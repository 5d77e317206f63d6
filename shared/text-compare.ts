// When two pieces of text say the same thing, for merging duplicate health items and for marking
// opinions as agreeing: equal after case, whitespace and punctuation are ignored. Deliberately
// strict — a false "agree" is worse than a false "differ", which the person can override.

/** A sign right after a word ("HER2-", "ER+") changes the meaning: it is kept, as a symbol. */
const TRAILING_SIGN = /([\p{L}\p{N}])[-\u2010-\u2015](?=$|[^\p{L}\p{N}])/gu;

export function normalizeForComparison(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(TRAILING_SIGN, '$1\u2212')
    .replace(/\p{P}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function sameMeaning(a: string, b: string): boolean {
  return normalizeForComparison(a) === normalizeForComparison(b);
}
