// Find in a PDF: each page's text is its text items joined (an item ending a line adds a newline),
// and a match is a range of characters; highlight() cuts those ranges back into the items, which
// are the text layer's spans one for one. Case and accents are ignored, whitespace is loose.
import { escapeRegExp } from '../../../shared/regexp.js';

export interface PageText {
  /** The text items' strings, in order (as the text layer gets them). */
  items: string[];
  /** Where each item starts in `text`. */
  starts: number[];
  text: string;
}

export interface Match {
  page: number; // 1-based
  start: number;
  end: number;
}

/** Pieces of one item to highlight: [from, to) within the item's string. */
export interface ItemHighlight {
  item: number;
  from: number;
  to: number;
  /** Part of the match the person is on now. */
  current: boolean;
}

export function pageText(items: { str: string; hasEOL?: boolean }[]): PageText {
  const starts: number[] = [];
  let text = '';
  for (const item of items) {
    starts.push(text.length);
    text += item.str + (item.hasEOL ? '\n' : '');
  }
  return { items: items.map((i) => i.str), starts, text };
}

/** Folds case and strips accents character by character, keeping every index where it was. */
function fold(s: string): string {
  return Array.from(s, (ch) => {
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    return base.length === ch.length ? base : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  }).join('');
}

/** Every match of `query` in the pages, in reading order. */
export function findMatches(pages: PageText[], query: string): Match[] {
  const words = fold(query.trim()).split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'g');
  const out: Match[] = [];
  pages.forEach((p, i) => {
    for (const m of fold(p.text).matchAll(pattern)) out.push({ page: i + 1, start: m.index, end: m.index + m[0].length });
  });
  return out;
}

/** The item pieces covered by the page's matches. */
export function highlightsOn(page: PageText, matches: Match[], current: Match | null): ItemHighlight[] {
  const out: ItemHighlight[] = [];
  for (const m of matches) {
    page.items.forEach((str, item) => {
      const start = page.starts[item] as number;
      const from = Math.max(m.start, start) - start;
      const to = Math.min(m.end, start + str.length) - start;
      if (to > from) out.push({ item, from, to, current: m === current });
    });
  }
  return out;
}
