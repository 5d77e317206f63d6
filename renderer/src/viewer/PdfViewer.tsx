// A PDF record, page by page (pdf.js in the renderer): page thumbnails to jump with, page
// navigation, zoom (fit width or a percentage) and find with highlights.
import { useRef, useState } from 'react';
import { useElementSize } from './use-element-size.js';
import { PdfFindBar } from './PdfFindBar.js';
import { PdfPage } from './PdfPage.js';
import { PdfThumbnails } from './PdfThumbnails.js';
import { usePdfFind } from './use-pdf-find.js';
import { usePdf, usePdfText } from './use-pdf.js';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;

export function PdfViewer({ recordId, title }: { recordId: string; title: string }) {
  const { pdf, error } = usePdf(recordId);
  const readText = usePdfText(pdf);
  const scroller = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(scroller);
  const [zoom, setZoom] = useState<'fit' | number>('fit');
  const [page, setPage] = useState(1);

  const first = pdf?.sizes[0];
  const scale = zoom === 'fit' ? (first && width > 0 ? Math.max(0.25, (width - 32) / first.width) : 1) : zoom;

  /** Scrolls the pages (never the screen around them) to page n's top. */
  function goToPage(n: number): void {
    const box = scroller.current;
    if (!pdf || !box) return;
    const target = Math.max(1, Math.min(pdf.sizes.length, n));
    setPage(target);
    const el = box.querySelector<HTMLElement>(`[data-page="${target}"]`);
    if (el) box.scrollTop = el.offsetTop - 16;
  }
  /** Once the current match is marked on its page, centres it in the pages' view. */
  function showMark(mark: HTMLElement): void {
    const box = scroller.current;
    if (!box) return;
    const at = mark.getBoundingClientRect();
    const view = box.getBoundingClientRect();
    box.scrollTop += at.top - view.top - box.clientHeight / 2;
    box.scrollLeft += Math.max(0, at.right - view.right + 32);
  }
  const search = usePdfFind(readText, goToPage);
  function onScroll(): void {
    const box = scroller.current;
    if (!box || !pdf) return;
    const pages = Array.from(box.querySelectorAll<HTMLElement>('[data-page]'));
    const top = box.scrollTop + box.clientHeight / 3;
    const seen = pages.filter((p) => p.offsetTop <= top).pop();
    if (seen) setPage(Number(seen.dataset.page));
  }

  if (error) return <p className="error" role="alert">{error}</p>;
  return (
    <section className="pdf-viewer" aria-label={`Document: ${title}`}>
      <div className="viewer-toolbar" role="toolbar" aria-label="Document tools">
        <div className="tool-group" role="group" aria-label="Pages">
          <button type="button" className="tool" aria-label="Previous page" disabled={page <= 1} onClick={() => goToPage(page - 1)}>‹</button>
          <label className="inline-label">
            <span>Page</span>
            <input className="page-input" type="number" min={1} max={pdf?.sizes.length ?? 1} value={page} onChange={(e) => goToPage(Number(e.target.value))} />
          </label>
          <span>of {pdf?.sizes.length ?? '…'}</span>
          <button type="button" className="tool" aria-label="Next page" disabled={!pdf || page >= pdf.sizes.length} onClick={() => goToPage(page + 1)}>›</button>
        </div>
        <label className="inline-label">
          <span>Zoom</span>
          <select value={String(zoom)} onChange={(e) => setZoom(e.target.value === 'fit' ? 'fit' : Number(e.target.value))}>
            <option value="fit">Fit width</option>
            {ZOOMS.map((z) => <option key={z} value={z}>{Math.round(z * 100)} %</option>)}
          </select>
        </label>
        <PdfFindBar count={search.count} current={search.current} searching={search.searching} onFind={(q) => void search.find(q)} onStep={search.step} />
      </div>
      {!pdf && <p className="viewer-loading">Opening the document…</p>}
      <div className="pdf-body" hidden={!pdf}>
        {pdf && <PdfThumbnails doc={pdf.doc} sizes={pdf.sizes} current={page} onPick={(n) => goToPage(n)} />}
        <div ref={scroller} className="pdf-pages" onScroll={onScroll} tabIndex={0} role="region" aria-label="Pages">
          {pdf?.sizes.map((s, i) => <PdfPage key={i} doc={pdf.doc} number={i + 1} width={s.width} height={s.height} scale={scale} highlights={search.highlights[i] ?? []} onCurrentMark={showMark} label={`Page ${i + 1} of ${pdf.sizes.length}`} />)}
        </div>
      </div>
    </section>
  );
}
