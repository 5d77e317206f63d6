// A C-CDA or FHIR document's readable copy in the bundle (VIEWER/DOC00001.HTM): the same sections
// model the app shows (shared/document-view.ts) written as static HTML — every string escaped, no
// markup from the document, no script, a CSP that allows nothing but the inline style.
import type { DocumentView, ViewBlock, ViewSection } from '../../../shared/document-view.js';
import { DOCUMENT_LABEL_WORDS, viewText } from '../../../shared/words/documents.js';
import { escapeHtml as h } from '../base/text-safety.js';
import { clinicalDocumentView } from '../documents/clinical-view.js';
import type { PlannedDocument } from './plan.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const STYLE = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Arial,sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;color:#111}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.15rem;border-bottom:1px solid #999;margin-top:1.6rem}h3,h4{font-size:1rem}
.note{color:#444}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{color:#444}dd{margin:0;font-weight:600}
p{white-space:pre-line}table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#eee}
section section{margin-left:1rem}@media print{body{margin:0;max-width:none}}
`;

function block(b: ViewBlock): string {
  if (b.kind === 'paragraph') return `<p>${h(b.text)}</p>`;
  if (b.kind === 'list') {
    const tag = b.ordered ? 'ol' : 'ul';
    return `<${tag}>${b.items.map((i) => `<li>${h(i)}</li>`).join('')}</${tag}>`;
  }
  const caption = b.caption ? `<caption>${h(b.caption)}</caption>` : '';
  const head = b.head.length ? `<thead><tr>${b.head.map((c) => `<th scope="col">${h(viewText(c))}</th>`).join('')}</tr></thead>` : '';
  const rows = b.rows.map((r) => `<tr>${r.map((c) => `<td>${h(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table>${caption}${head}<tbody>\n${rows}\n</tbody></table>`;
}

function section(s: ViewSection, level: number): string {
  const tag = `h${Math.min(4, level)}`;
  return `<section><${tag}>${h(viewText(s.title))}</${tag}>\n${s.blocks.map(block).join('\n')}\n${s.sections.map((x) => section(x, level + 1)).join('\n')}</section>`;
}

function body(view: DocumentView | null): string {
  if (!view) return '<p>Dossier could not turn this document into a page. Open the original with a system that reads it.</p>';
  const facts = view.facts.map((f) => `<dt>${h(DOCUMENT_LABEL_WORDS[f.label])}</dt><dd>${h(f.value)}</dd>`).join('');
  const sections = view.sections.length ? view.sections.map((s) => section(s, 2)).join('\n') : '<p>This document has no readable sections.</p>';
  return `${facts ? `<dl>${facts}</dl>\n` : ''}${sections}`;
}

/**
 * The page for a document: its view, or null when it could not be read (the planned file is
 * always written). `original` is the relative link to the document as stored, for record systems.
 */
export function documentHtml(doc: { title: string; format: 'cda' | 'fhir-json'; view: DocumentView | null }, original: string): string {
  const title = doc.view?.title ?? doc.title;
  const kind = doc.format === 'cda' ? 'HL7 C-CDA' : 'HL7 FHIR';
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${h(title)}</h1>`,
    `<p class="note">A readable copy of an ${kind} document, made by Dossier. The original, for record systems: <a href="${h(original)}">${h(original.split('/').pop() ?? original)}</a>.</p>`,
    body(doc.view),
    '</body></html>',
    '',
  ].join('\n');
}

/** The readable copy of a planned C-CDA/FHIR document from its bytes (a page saying so when they cannot be read). */
export function renderedDocument(planned: PlannedDocument, bytes: Uint8Array | null): string {
  const format = planned.document.viewFormat ?? 'cda';
  let view: DocumentView | null = null;
  try {
    view = bytes ? clinicalDocumentView(format, bytes, planned.document.title) : null;
  } catch {
    view = null;
  }
  // The copy sits in VIEWER/, the original in IHE_XDM/SUBSET01/.
  return documentHtml({ title: planned.document.title, format, view }, `../${planned.path}`);
}
