// A C-CDA or FHIR record as readable sections (documents.view): header facts, then each section's
// paragraphs, lists and tables — all plain text from the core's model, rendered by React (which
// escapes it). Nothing from the document is ever inserted as markup.
import { useEffect, useState } from 'react';
import type { DocumentView, ViewBlock, ViewSection } from '../../../shared/document-view.js';
import { DOCUMENT_LABEL_WORDS, viewText } from '../../../shared/words/documents.js';
import { errorMessage, useBridge } from '../bridge-context.js';
import { formatDate } from '../format.js';

const DATE_LABELS = new Set(['date', 'birth-date']);

function Block({ block }: { block: ViewBlock }) {
  if (block.kind === 'paragraph') return <p className="doc-paragraph">{block.text}</p>;
  if (block.kind === 'list') {
    const items = block.items.map((item, i) => <li key={i}>{item}</li>);
    return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
  }
  return (
    <div className="doc-table-wrap">
      <table className="doc-table">
        {block.caption && <caption>{block.caption}</caption>}
        {block.head.length > 0 && <thead><tr>{block.head.map((h, i) => <th key={i} scope="col">{viewText(h)}</th>)}</tr></thead>}
        <tbody>{block.rows.map((row, r) => <tr key={r}>{row.map((cell, c) => <td key={c}>{cell}</td>)}</tr>)}</tbody>
      </table>
    </div>
  );
}

function Section({ section, level }: { section: ViewSection; level: number }) {
  const Heading = level <= 2 ? 'h2' : level === 3 ? 'h3' : 'h4';
  return (
    <section className="doc-section" data-code={section.code}>
      <Heading>{viewText(section.title)}</Heading>
      {section.blocks.map((b, i) => <Block key={i} block={b} />)}
      {section.sections.map((s, i) => <Section key={i} section={s} level={level + 1} />)}
    </section>
  );
}

export function DocumentSections({ recordId }: { recordId: string }) {
  const bridge = useBridge();
  const [view, setView] = useState<DocumentView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    bridge.call('documents.view', { recordId }).then(setView, (e: unknown) => setError(errorMessage(e)));
  }, [bridge, recordId]);
  if (error) return <p className="error" role="alert">{error}</p>;
  if (!view) return <p className="viewer-loading">Opening the document…</p>;
  return (
    <article className="clinical-document panel" aria-label={view.title}>
      {view.facts.length > 0 && (
        <dl className="facts doc-facts">
          {view.facts.map((f) => (
            <div key={f.label}><dt>{DOCUMENT_LABEL_WORDS[f.label]}</dt><dd>{DATE_LABELS.has(f.label) ? formatDate(f.value) : f.value}</dd></div>
          ))}
        </dl>
      )}
      {view.sections.length === 0 && <p className="hint">This document has no readable sections.</p>}
      {view.sections.map((s, i) => <Section key={i} section={s} level={2} />)}
    </article>
  );
}
