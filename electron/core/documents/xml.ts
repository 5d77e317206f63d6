// Safe XML reading for CDA and XDM metadata. The DTD is cut out before parsing and the parser's
// entity machinery is off, so external entities and "billion laughs" expansions cannot happen;
// only the five predefined entities and numeric character references are decoded, by us.
import { XMLParser } from 'fast-xml-parser';

export interface XmlElement {
  name: string; // local name (namespace prefix removed)
  attrs: Record<string, string>;
  children: XmlChild[];
}
export type XmlChild = XmlElement | string;

/** Beyond this, a "document" is not something a person wrote by hand or a portal exported. */
const MAX_XML_CHARS = 50 * 1024 * 1024;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

// Markup inside a short string (a PDF's metadata title written as HTML): read leniently, for its text.
const markupParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: true,
  unpairedTags: ['br', 'hr', 'img', 'wbr', 'meta', 'link', 'input', 'col', 'area', 'source'],
  processEntities: true,
  htmlEntities: true,
  trimValues: false,
  parseTagValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const SKIPPED_ELEMENTS = new Set(['script', 'style', 'head', 'title']);

/** True when a string holds at least one tag (`<b>`, `</p>`, `<br/>`). */
export function hasMarkup(s: string): boolean {
  return /<\/?[a-z][^<>]*>/i.test(s);
}

/** The text of a markup fragment, tags taken out by the parser (never a pattern); undefined if it cannot be read. */
export function markupText(fragment: string): string | undefined {
  if (!hasMarkup(fragment)) return fragment.replace(/\s+/g, ' ').trim();
  try {
    const parts: string[] = [];
    const walk = (nodes: unknown): void => {
      if (!Array.isArray(nodes)) return;
      for (const node of nodes as Record<string, unknown>[]) {
        if (typeof node['#text'] === 'string') parts.push(node['#text']);
        const name = Object.keys(node).find((k) => k !== ':@' && k !== '#text');
        if (name && !SKIPPED_ELEMENTS.has(name.toLowerCase())) {
          parts.push(' ');
          walk(node[name]);
          parts.push(' ');
        }
      }
    };
    walk(markupParser.parse(`<markup>${stripDoctype(fragment)}</markup>`));
    return parts.join('').replace(/\s+/g, ' ').trim();
  } catch {
    return undefined;
  }
}

/** Parses XML into a small element tree; throws an Error with a readable message on failure. */
export function parseXml(xml: string): XmlElement {
  if (xml.length > MAX_XML_CHARS) throw new Error('XML file is too large to read');
  const raw: unknown = parser.parse(stripDoctype(xml));
  const roots = Array.isArray(raw) ? raw.map(toChild).filter(isElement) : [];
  const root = roots[0];
  if (!root) throw new Error('no root element found');
  return root;
}

/** Removes `<!DOCTYPE …>` including an internal subset `[ … ]`. */
export function stripDoctype(xml: string): string {
  let out = xml;
  for (;;) {
    const start = out.search(/<!DOCTYPE/i);
    if (start < 0) return out;
    let depth = 0;
    let quote = '';
    let end = -1;
    for (let i = start + 9; i < out.length; i++) {
      const ch = out[i];
      if (quote) {
        if (ch === quote) quote = '';
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '[') depth++;
      else if (ch === ']') depth--;
      else if (ch === '>' && depth <= 0) {
        end = i;
        break;
      }
    }
    // An unterminated DOCTYPE: drop the rest, it cannot contain a usable document.
    out = end < 0 ? out.slice(0, start) : out.slice(0, start) + out.slice(end + 1);
  }
}

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (whole, ref: string) => {
    const lower = ref.toLowerCase();
    if (lower === 'amp') return '&';
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'quot') return '"';
    if (lower === 'apos') return "'";
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
      ? String.fromCodePoint(code)
      : whole;
  });
}

function isElement(c: XmlChild | null): c is XmlElement {
  return c !== null && typeof c !== 'string';
}

function toChild(node: unknown): XmlChild | null {
  if (!node || typeof node !== 'object') return null;
  const rec = node as Record<string, unknown>;
  if (typeof rec['#text'] === 'string') return decodeEntities(rec['#text']);
  const name = Object.keys(rec).find((k) => k !== ':@');
  if (!name || name.startsWith('?') || name === '#comment') return null;
  const attrs: Record<string, string> = {};
  const rawAttrs = rec[':@'];
  if (rawAttrs && typeof rawAttrs === 'object') {
    for (const [k, v] of Object.entries(rawAttrs as Record<string, unknown>)) {
      if (typeof v === 'string') attrs[k] = decodeEntities(v);
    }
  }
  const kids = rec[name];
  const children = Array.isArray(kids)
    ? kids.map(toChild).filter((c): c is XmlChild => c !== null)
    : [];
  return { name, attrs, children };
}

/** Direct child elements with this local name. */
export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  if (!el) return [];
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** Follows a path of local names through first matches: child(el, 'a', 'b'). */
export function child(el: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let cur = el;
  for (const name of path) cur = childrenNamed(cur, name)[0];
  return cur;
}

/** All text inside an element, block-ish elements separated by newlines, whitespace tidied. */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return '';
  const parts: string[] = [];
  const walk = (node: XmlElement): void => {
    for (const c of node.children) {
      if (typeof c === 'string') parts.push(c);
      else {
        walk(c);
        if (BLOCK_ELEMENTS.has(c.name)) parts.push('\n');
        else if (c.name === 'td' || c.name === 'th') parts.push('\t');
      }
    }
  };
  walk(el);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\r]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

const BLOCK_ELEMENTS = new Set(['paragraph', 'p', 'br', 'tr', 'item', 'list', 'table', 'caption', 'title', 'text', 'div', 'li']);
