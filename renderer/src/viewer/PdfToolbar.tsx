// The PDF viewer's tools: previous/next page and the page number, zoom, and find.
import type { ReactNode } from 'react';
import { ZOOMS, type PdfZoom } from './pdf-layout.js';

export function PdfToolbar({ page, pageCount, onPage, zoom, onZoom, children }: {
  page: number;
  /** null while the document opens. */
  pageCount: number | null;
  onPage: (n: number) => void;
  zoom: PdfZoom;
  onZoom: (zoom: PdfZoom) => void;
  /** The find bar. */
  children: ReactNode;
}) {
  return (
    <div className="viewer-toolbar" role="toolbar" aria-label="Document tools">
      <div className="tool-group" role="group" aria-label="Pages">
        <button type="button" className="tool" aria-label="Previous page" disabled={page <= 1} onClick={() => onPage(page - 1)}>‹</button>
        <label className="inline-label">
          <span>Page</span>
          <input className="page-input" type="number" min={1} max={pageCount ?? 1} value={page} onChange={(e) => onPage(Number(e.target.value))} />
        </label>
        <span>of {pageCount ?? '…'}</span>
        <button type="button" className="tool" aria-label="Next page" disabled={!pageCount || page >= pageCount} onClick={() => onPage(page + 1)}>›</button>
      </div>
      <label className="inline-label">
        <span>Zoom</span>
        <select value={String(zoom)} onChange={(e) => onZoom(e.target.value === 'fit' ? 'fit' : Number(e.target.value))}>
          <option value="fit">Fit width</option>
          {ZOOMS.map((z) => <option key={z} value={z}>{Math.round(z * 100)} %</option>)}
        </select>
      </label>
      {children}
    </div>
  );
}
