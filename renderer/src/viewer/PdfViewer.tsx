// A PDF record, page by page (pdf.js in the renderer): page thumbnails to jump with, page
// navigation, zoom (fit width or a percentage) and find with highlights.
import { useState } from 'react';
import { useElementSize } from './use-element-size.js';
import { PdfFindBar } from './PdfFindBar.js';
import { PdfPage } from './PdfPage.js';
import { PdfThumbnails } from './PdfThumbnails.js';
import { PdfToolbar } from './PdfToolbar.js';
import { pdfScale, type PdfZoom } from './pdf-layout.js';
import { usePdfFind } from './use-pdf-find.js';
import { usePdfScroller } from './use-pdf-scroller.js';
import { usePdf, usePdfText } from './use-pdf.js';

export function PdfViewer({ recordId, title }: { recordId: string; title: string }) {
  const { pdf, error } = usePdf(recordId);
  const readText = usePdfText(pdf);
  const { scroller, page, goToPage, showMark, onScroll } = usePdfScroller(pdf ? pdf.sizes.length : null);
  const { width } = useElementSize(scroller);
  const [zoom, setZoom] = useState<PdfZoom>('fit');
  const scale = pdfScale(zoom, pdf?.sizes[0]?.width, width);
  const search = usePdfFind(readText, goToPage);

  if (error) return <p className="error" role="alert">{error}</p>;
  return (
    <section className="pdf-viewer" aria-label={`Document: ${title}`}>
      <PdfToolbar page={page} pageCount={pdf?.sizes.length ?? null} onPage={goToPage} zoom={zoom} onZoom={setZoom}>
        <PdfFindBar count={search.count} current={search.current} searching={search.searching} onFind={(q) => void search.find(q)} onStep={search.step} />
      </PdfToolbar>
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
