// INDEX.HTM's image viewer: each series as an <img> of its first image (VIEWER/SERnnnnn/IMG00001.JPG)
// and one small inline script that swaps the picture's src as the doctor scrolls (wheel, arrow
// keys, Page Up/Down, Home/End, the slider). Pictures are loaded as images from files next to the
// page — never fetched — so it works from file://, offline, in any current browser. The page's
// CSP allows exactly this script, by its SHA-256.
import { createHash } from 'node:crypto';
import { escapeHtml as h } from '../base/text-safety.js';
import type { PlannedSeries } from './plan.js';
import { VIEWER_IMAGE_NAME, viewerImagePath } from './viewer-plan.js';

const { prefix, digits, extension } = VIEWER_IMAGE_NAME;

/** The script, verbatim as it appears in the page (its hash is in the CSP). */
export const VIEWER_SCRIPT = `(function () {
  function name(n) { return '${prefix}' + ('${'0'.repeat(digits - 1)}' + n).slice(-${digits}) + '${extension}'; }
  document.querySelectorAll('figure.viewer').forEach(function (v) {
    var img = v.querySelector('img'), range = v.querySelector('input'), shown = v.querySelector('.n'), note = v.querySelector('.missing');
    var dir = v.getAttribute('data-dir'), count = +v.getAttribute('data-count'), what = v.getAttribute('data-what');
    var missing = (v.getAttribute('data-missing') || '').split(',').filter(Boolean).map(Number);
    var at = 1, wheel = 0;
    function show(n) {
      n = Math.max(1, Math.min(count, n));
      if (n === at) return;
      at = n;
      img.src = dir + name(n);
      img.alt = what + ', image ' + n + ' of ' + count;
      range.value = n;
      shown.textContent = n;
      note.hidden = missing.indexOf(n) < 0;
      for (var k = 1; k <= 3 && n + k <= count; k++) new Image().src = dir + name(n + k);
    }
    range.addEventListener('input', function () { show(+range.value); });
    v.addEventListener('wheel', function (e) {
      e.preventDefault();
      wheel += e.deltaMode ? e.deltaY * 50 : e.deltaY;
      if (Math.abs(wheel) >= 50) { show(at + (wheel > 0 ? 1 : -1)); wheel = 0; }
    }, { passive: false });
    v.addEventListener('keydown', function (e) {
      if (e.target === range) return;
      var step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, PageDown: 10, PageUp: -10 }[e.key];
      if (e.key === 'Home') show(1);
      else if (e.key === 'End') show(count);
      else if (step) show(at + step);
      else return;
      e.preventDefault();
    });
  });
})();`;

export const VIEWER_SCRIPT_HASH = `'sha256-${createHash('sha256').update(VIEWER_SCRIPT, 'utf8').digest('base64')}'`;

/** One series' scrollable images, for its tile in INDEX.HTM. */
export function seriesViewerHtml(planned: PlannedSeries, what: string, missing: number[]): string {
  const viewer = planned.viewer!;
  const first = viewerImagePath(viewer.dir, 1);
  return (
    `<figure class="viewer" tabindex="0" data-dir="${h(viewer.dir)}" data-count="${viewer.count}" data-what="${h(what)}" data-missing="${missing.join(',')}" aria-label="${h(what)}: scroll with the mouse wheel or the arrow keys">` +
    `<img src="${h(first)}" alt="${h(what)}, image 1 of ${viewer.count}">` +
    `<figcaption>Image <span class="n">1</span> / ${viewer.count}<span class="missing"${missing.includes(1) ? '' : ' hidden'}> — this image could not be rendered; see the DICOM original</span></figcaption>` +
    `<input type="range" min="1" max="${viewer.count}" value="1" aria-label="Image of ${h(what)}">` +
    '</figure>'
  );
}
