// Small pictures of the pages, drawn when they scroll into view; a click goes to the page.
import { useEffect, useRef } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

const WIDTH = 96;

function PageThumb({ doc, number, size }: { doc: PDFDocumentProxy; number: number; size: { width: number; height: number } }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    let task: { cancel(): void } | null = null;
    const observer = new IntersectionObserver(async (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale: WIDTH / size.width });
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      const render = page.render({ canvas, viewport });
      task = render;
      await render.promise.catch(() => undefined);
    });
    observer.observe(canvas);
    return () => {
      observer.disconnect();
      task?.cancel();
    };
  }, [doc, number, size.width]);
  return <canvas ref={ref} className="page-thumb" width={WIDTH} height={Math.round((WIDTH * size.height) / size.width)} aria-hidden="true" />;
}

export function PdfThumbnails({ doc, sizes, current, onPick }: { doc: PDFDocumentProxy; sizes: { width: number; height: number }[]; current: number; onPick: (n: number) => void }) {
  return (
    <nav className="pdf-thumbs" aria-label="Page thumbnails">
      <ol>
        {sizes.map((s, i) => (
          <li key={i}>
            <button type="button" aria-current={current === i + 1 ? 'page' : undefined} aria-label={`Page ${i + 1}`} onClick={() => onPick(i + 1)}>
              <PageThumb doc={doc} number={i + 1} size={s} />
              <span aria-hidden="true">{i + 1}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
