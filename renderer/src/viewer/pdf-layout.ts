// PDF viewer arithmetic (no React): the scale for a zoom choice, the page asked for kept in range,
// and which page the scrolled view is on.

export const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;
export type PdfZoom = 'fit' | number;

/** "Fit width": the first page fills the pages' width less its margins (never below 25 %); 1 until sizes are known. */
export function pdfScale(zoom: PdfZoom, firstPageWidth: number | undefined, viewWidth: number): number {
  if (zoom !== 'fit') return zoom;
  return firstPageWidth && viewWidth > 0 ? Math.max(0.25, (viewWidth - 32) / firstPageWidth) : 1;
}

export function clampPage(n: number, pageCount: number): number {
  return Math.max(1, Math.min(pageCount, n));
}

/** The page whose top is above the first third of the view (the last such page), or null. */
export function pageInView(pageTops: number[], scrollTop: number, viewHeight: number): number | null {
  const line = scrollTop + viewHeight / 3;
  let seen: number | null = null;
  pageTops.forEach((top, i) => {
    if (top <= line) seen = i + 1;
  });
  return seen;
}
