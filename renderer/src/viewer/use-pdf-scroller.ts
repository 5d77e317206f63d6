// The PDF's scrolling pages: going to a page, centring the current find match, and following
// which page is in view as the person scrolls. Only the pages' box scrolls, never the screen.
import { useRef, useState } from 'react';
import { clampPage, pageInView } from './pdf-layout.js';

export function usePdfScroller(pageCount: number | null) {
  const scroller = useRef<HTMLDivElement>(null);
  const [page, setPage] = useState(1);

  /** Scrolls the pages (never the screen around them) to page n's top. */
  function goToPage(n: number): void {
    const box = scroller.current;
    if (!pageCount || !box) return;
    const target = clampPage(n, pageCount);
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
  function onScroll(): void {
    const box = scroller.current;
    if (!box || !pageCount) return;
    const pages = Array.from(box.querySelectorAll<HTMLElement>('[data-page]'));
    const seen = pageInView(pages.map((p) => p.offsetTop), box.scrollTop, box.clientHeight);
    if (seen !== null) setPage(Number(pages[seen - 1]?.dataset.page ?? seen));
  }
  return { scroller, page, goToPage, showMark, onScroll };
}
