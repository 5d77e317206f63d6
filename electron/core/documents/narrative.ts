// Narrative markup → plain blocks: a C-CDA section's <text> (paragraph, list, table, content, br…)
// or a FHIR resource's XHTML <div> (p, ul/ol, table, span…). Only text survives: element names
// decide the block structure, attributes (styles, links, ids) are dropped, nothing is passed on.
import type { ViewBlock, ViewText } from '../../../shared/document-view.js';
import { childrenNamed, parseXml, textOf, type XmlElement } from './xml.js';

/** Beyond these, a table or list is cut (a narrative is written for people to read). */
export const NARRATIVE_LIMITS = { blocks: 2000, rows: 5000, cells: 64, chars: 20_000 } as const;

const PARAGRAPHS = new Set(['paragraph', 'p', 'div', 'caption', 'footnote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre']);
const LISTS = new Set(['list', 'ul', 'ol']);
const IGNORED = new Set(['renderMultiMedia', 'style', 'script', 'img', 'footnoteRef']);

const clip = (s: string): string => (s.length > NARRATIVE_LIMITS.chars ? `${s.slice(0, NARRATIVE_LIMITS.chars)}…` : s);

/** Whitespace collapsed within lines; empty lines dropped. */
function tidy(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** One cell or list item: all its text on one line. */
function oneLine(el: XmlElement): string {
  return clip(textOf(el).replace(/\s*\n\s*/g, '; '));
}

function listBlock(el: XmlElement): ViewBlock {
  const items = el.children.filter((c): c is XmlElement => typeof c !== 'string' && (c.name === 'item' || c.name === 'li'));
  const ordered = el.name === 'ol' || el.attrs['listType'] === 'ordered';
  return { kind: 'list', ordered, items: items.slice(0, NARRATIVE_LIMITS.rows).map(oneLine) };
}

/** Rows of a table, looking inside thead/tbody/tfoot. */
function tableRows(table: XmlElement, section: 'thead' | 'body'): XmlElement[] {
  if (section === 'thead') return childrenNamed(table, 'thead').flatMap((h) => childrenNamed(h, 'tr'));
  return [...childrenNamed(table, 'tr'), ...childrenNamed(table, 'tbody').flatMap((b) => childrenNamed(b, 'tr')), ...childrenNamed(table, 'tfoot').flatMap((f) => childrenNamed(f, 'tr'))];
}

function cells(row: XmlElement): XmlElement[] {
  return row.children.filter((c): c is XmlElement => typeof c !== 'string' && (c.name === 'td' || c.name === 'th')).slice(0, NARRATIVE_LIMITS.cells);
}

function tableBlock(el: XmlElement): ViewBlock {
  let headRows = tableRows(el, 'thead');
  let bodyRows = tableRows(el, 'body');
  // Without a thead, a first row of header cells only is the head.
  const first = bodyRows[0];
  if (!headRows.length && first && cells(first).length > 0 && cells(first).every((c) => c.name === 'th')) {
    headRows = [first];
    bodyRows = bodyRows.slice(1);
  }
  const head: ViewText[] = headRows[0] ? cells(headRows[0]).map((c) => ({ text: oneLine(c) })) : [];
  const rows = bodyRows.slice(0, NARRATIVE_LIMITS.rows).map((r) => cells(r).map(oneLine)).filter((r) => r.some(Boolean));
  const caption = textOf(childrenNamed(el, 'caption')[0]);
  return { kind: 'table', ...(caption ? { caption: clip(caption) } : {}), head, rows };
}

/** Collects inline text into paragraphs; block elements end the current paragraph. */
class BlockWriter {
  readonly blocks: ViewBlock[] = [];
  private inline: string[] = [];

  text(s: string): void {
    this.inline.push(s);
  }

  flush(): void {
    const text = tidy(this.inline.join(''));
    this.inline = [];
    if (text) this.push({ kind: 'paragraph', text: clip(text) });
  }

  push(block: ViewBlock): void {
    if (this.blocks.length < NARRATIVE_LIMITS.blocks) this.blocks.push(block);
  }
}

/** An inline element's text as written (its spacing kept), on one line. */
function inlineText(el: XmlElement, depth: number): string {
  if (depth > 32) return '';
  return el.children.map((c) => (typeof c === 'string' ? c.replace(/\s+/g, ' ') : IGNORED.has(c.name) ? '' : c.name === 'br' ? ' ' : inlineText(c, depth + 1))).join('');
}

function walk(el: XmlElement, out: BlockWriter, depth: number): void {
  for (const c of el.children) {
    if (typeof c === 'string') {
      out.text(c.replace(/\s+/g, ' '));
      continue;
    }
    if (IGNORED.has(c.name)) continue;
    if (c.name === 'br') out.text('\n');
    else if (LISTS.has(c.name)) (out.flush(), out.push(listBlock(c)));
    else if (c.name === 'table') (out.flush(), out.push(tableBlock(c)));
    else if (PARAGRAPHS.has(c.name) && depth < 32) (out.flush(), walk(c, out, depth + 1), out.flush());
    else out.text(inlineText(c, 0)); // content, span, b, sub, linkHtml…: their text
  }
}

/** The narrative's blocks in document order. */
export function narrativeBlocks(el: XmlElement | undefined): ViewBlock[] {
  if (!el) return [];
  const out = new BlockWriter();
  walk(el, out, 0);
  out.flush();
  return out.blocks;
}

/** A FHIR resource's narrative XHTML `<div>` as blocks; a div that is not well-formed XML gives none. */
export function divBlocks(div: string): ViewBlock[] {
  try {
    return narrativeBlocks(parseXml(div));
  } catch {
    return [];
  }
}

/** Blocks as plain text for search: a line per paragraph, list item and table row (cells tab-separated). */
export function blocksText(blocks: ViewBlock[]): string {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') lines.push(b.text);
    else if (b.kind === 'list') lines.push(...b.items);
    else {
      if (b.caption) lines.push(b.caption);
      lines.push(...b.rows.map((row) => row.join('\t')));
    }
  }
  return lines.join('\n');
}
