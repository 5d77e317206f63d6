// Turns what a person types into a safe FTS5 query: "quoted phrases" stay phrases, bare words
// match as prefixes (so "hemo" finds "hemoglobin"), and FTS syntax characters cannot inject.
export function toFtsQuery(input: string): string | null {
  const parts: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(input)) !== null) {
    if (m[1] !== undefined) {
      const words = tokens(m[1]);
      if (words.length) parts.push(`"${words.join(' ')}"`);
    } else if (m[2] !== undefined) {
      for (const w of tokens(m[2])) parts.push(`"${w}"*`);
    }
  }
  return parts.length ? parts.join(' AND ') : null;
}

function tokens(text: string): string[] {
  // unicode61 splits on anything that is not a letter or digit; do the same so quoting is exact.
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}
