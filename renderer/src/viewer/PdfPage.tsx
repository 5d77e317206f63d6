// One PDF page: a placeholder of the right size until it scrolls near the screen, then the page
// drawn on a canvas (at the screen's pixel density) with pdf.js's text layer over it, so text can
// be selected and found; found text is marked inside that layer's spans (text nodes, no markup).
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { PDFDocumentProxy, TextLayer } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ItemHighlight } from './pdf-find.js';
import { loadPdfjs } from './pdf-engine.js';

function useNearScreen(ref: RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: '800px 0px' });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return near;
}

/** Rewrites the spans' text with <mark> around the highlighted pieces (and back when none); returns the current match's first mark. */
function markSpans(layer: TextLayer, highlights: ItemHighlight[]): HTMLElement | null {
  let current: HTMLElement | null = null;
  const byItem = new Map<number, ItemHighlight[]>();
  for (const h of highlights) byItem.set(h.item, [...(byItem.get(h.item) ?? []), h]);
  layer.textDivs.forEach((span, item) => {
    const str = layer.textContentItemsStr[item] ?? '';
    const pieces = (byItem.get(item) ?? []).sort((a, b) => a.from - b.from);
    if (!pieces.length && span.childElementCount === 0) return;
    const nodes: Node[] = [];
    let at = 0;
    for (const p of pieces) {
      if (p.from > at) nodes.push(document.createTextNode(str.slice(at, p.from)));
      const mark = document.createElement('mark');
      mark.className = p.current ? 'find-hit current' : 'find-hit';
      mark.textContent = str.slice(p.from, p.to);
      if (p.current) current ??= mark;
      nodes.push(mark);
      at = Math.max(at, p.to);
    }
    if (at < str.length) nodes.push(document.createTextNode(str.slice(at)));
    span.replaceChildren(...nodes);
  });
  return current;
}

export function PdfPage({ doc, number, width, height, scale, highlights, onCurrentMark, label }: {
  doc: PDFDocumentProxy;
  number: number;
  width: number;
  height: number;
  scale: number;
  highlights: ItemHighlight[];
  /** Called with the current match's mark once it is on this page. */
  onCurrentMark: (mark: HTMLElement) => void;
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const textBox = useRef<HTMLDivElement>(null);
  const [layer, setLayer] = useState<TextLayer | null>(null);
  const near = useNearScreen(box);

  useEffect(() => {
    if (!near || !canvas.current || !textBox.current) return;
    let cancelled = false;
    let cancel = (): void => undefined;
    void (async () => {
      const [lib, page] = await Promise.all([loadPdfjs(), doc.getPage(number)]);
      if (cancelled || !canvas.current || !textBox.current) return;
      const viewport = page.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      canvas.current.width = Math.floor(viewport.width * ratio);
      canvas.current.height = Math.floor(viewport.height * ratio);
      const task = page.render({ canvas: canvas.current, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined });
      const text = new lib.TextLayer({ textContentSource: page.streamTextContent(), container: textBox.current, viewport });
      cancel = () => (task.cancel(), text.cancel());
      textBox.current.replaceChildren();
      await Promise.all([task.promise, text.render()]);
      if (!cancelled) setLayer(text);
    })().catch(() => undefined); // a cancelled render (zoom changed) or a damaged page: the placeholder stays
    return () => {
      cancelled = true;
      cancel();
      setLayer(null);
    };
  }, [doc, number, scale, near]);

  const notify = useRef(onCurrentMark);
  notify.current = onCurrentMark;
  useEffect(() => {
    const mark = layer ? markSpans(layer, highlights) : null;
    if (mark) notify.current(mark);
  }, [layer, highlights]);

  return (
    <div ref={box} className="pdf-page" data-page={number} style={{ width: width * scale, height: height * scale, ['--total-scale-factor' as string]: scale }} role="group" aria-label={label}>
      <canvas ref={canvas} className="pdf-canvas" aria-hidden="true" />
      <div ref={textBox} className="textLayer" />
    </div>
  );
}
