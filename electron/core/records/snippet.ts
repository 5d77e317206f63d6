// Where a search matched in a record's text, as plain parts with the matched words marked — made
// here rather than by FTS5's snippet(), which takes minutes on a long text with thousands of hits.
// Looks at the first SNIPPET_SCAN_CHARS of the text only; a match further in shows the text's start.
import type { SnippetPart } from '../../../shared/domain.js';
import { escapeRegExp } from '../../../shared/regexp.js';

export const SNIPPET_SCAN_CHARS = 64 * 1024;
const CONTEXT = 60;

/** The words a search looks for, as the index splits them (letters and digits). */
export function searchWords(input: string): string[] {
  return [...new Set(input.split(/[^\p{L}\p{N}]+/u).filter(Boolean))];
}

/** Around the first matched word: some context, every word of the search marked within it. */
export function makeSnippet(text: string, words: string[]): SnippetPart[] {
  if (!text || !words.length) return [];
  const scan = text.slice(0, SNIPPET_SCAN_CHARS);
  const any = new RegExp(words.map(escapeRegExp).join('|'), 'iu');
  const first = any.exec(scan);
  const start = first ? Math.max(0, first.index - CONTEXT) : 0;
  const window = scan.slice(start, (first?.index ?? 0) + CONTEXT * 2).replace(/\s+/g, ' ');
  const parts: SnippetPart[] = start > 0 ? [{ text: '…', hit: false }] : [];
  let last = 0;
  for (const m of window.matchAll(new RegExp(any.source, 'giu'))) {
    if (m.index > last) parts.push({ text: window.slice(last, m.index), hit: false });
    parts.push({ text: m[0], hit: true });
    last = m.index + m[0].length;
  }
  if (last < window.length) parts.push({ text: window.slice(last), hit: false });
  if (start + window.length < text.length) parts.push({ text: '…', hit: false });
  return parts;
}
