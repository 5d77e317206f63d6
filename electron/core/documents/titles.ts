// Choosing a human title for a document: its own heading or title when it has one worth showing,
// else the file name. A line that is data (a DICOM attribute dump, a table row) is no heading.
import { hasMarkup, markupText } from './xml.js';

const MAX_TITLE = 120;

/** "scan 0001.PDF" → "scan 0001"; path components are dropped. */
export function fileStem(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  return stem.trim() || base || 'Untitled';
}

/** True when a line says something: enough letters, not just a page number, date or label. */
function isMeaningful(line: string): boolean {
  const letters = line.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 3) return false;
  if (/^page \d+( of \d+)?$/i.test(line)) return false;
  return true;
}

export function clipTitle(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > MAX_TITLE ? `${t.slice(0, MAX_TITLE - 1).trimEnd()}…` : t;
}

/** How many meaningful lines at the top may be passed over looking for a heading. */
const HEADING_LINES = 6;
/** A heading is mostly letters: below this share of its visible characters, it is data. */
const MIN_LETTER_SHARE = 0.4;

/** Starts like a word or a number, is mostly letters, and is not a table row or an attribute dump. */
function isHeadingLike(line: string): boolean {
  if (!/^[\p{L}\p{N}]/u.test(line)) return false; // "(0008, 0005) …", "| a | b |", "# …", "<tag>"
  if (/[|\t]|[=_]{2,}|\([0-9a-f]{4}, ?[0-9a-f]{4}\)/iu.test(line)) return false;
  const visible = line.replace(/\s/g, '');
  const letters = visible.match(/\p{L}/gu)?.length ?? 0;
  return letters / visible.length >= MIN_LETTER_SHARE;
}

/** The document's own heading: the first heading-like line among its first few meaningful lines. */
export function firstHeading(text: string): string | undefined {
  let seen = 0;
  // Only the start of the text is looked at: a title is never deep in a document.
  for (const raw of text.slice(0, 20_000).split(/[\n\f\r]/)) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!isMeaningful(line)) continue;
    if (isHeadingLike(line)) return clipTitle(line);
    if (++seen >= HEADING_LINES) return undefined;
  }
  return undefined;
}

/** A PDF Info /Title, its markup taken out, or undefined when it is empty or only restates a file name. */
export function meaningfulMetadataTitle(title: unknown): string | undefined {
  if (typeof title !== 'string') return undefined;
  const t = (markupText(title) ?? '')
    .replace(/^microsoft (word|excel|powerpoint) - /i, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!isMeaningful(t)) return undefined;
  if (/^(untitled|document\d*|title|unknown|none|null)$/i.test(t)) return undefined;
  if (/\.(docx?|pdf|rtf|txt|odt|tiff?|jpe?g|png)$/i.test(t)) return undefined;
  if (/^(scan|img|image|dsc|doc)[ _-]?\d+$/i.test(t)) return undefined;
  return clipTitle(t);
}

/**
 * A PDF's title: its metadata title when that is a clean one; else (none, or written as HTML by a
 * broken generator) the heading on its first page; else the cleaned metadata title; else the file name.
 */
export function documentTitle(metadataTitle: unknown, headingText: string, fileName: string): string {
  const meta = meaningfulMetadataTitle(metadataTitle);
  if (meta && !(typeof metadataTitle === 'string' && hasMarkup(metadataTitle))) return meta;
  return firstHeading(headingText) ?? meta ?? fileStem(fileName);
}
