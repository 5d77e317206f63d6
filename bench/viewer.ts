// Viewer benchmark, in headless Debian Chromium through the loopback browser host on the real
// service: a 300-slice 512 × 512 CT (16-bit, uncompressed, with quantum noise) is imported, then
// - time to first image: from the click on the study to image 1 drawn on the canvas;
// - scrolling: ArrowDown through all 300 images, each one drawn before the next key (images/s),
//   first with nothing cached (every frame decrypted, decoded and sent), then back up (cached);
// - wheel fling: a notch per animation frame, the time until the last image is drawn, and how many
//   images were drawn on the way (the viewer skips those the next notch overtakes);
// - the bundle size the viewer images add (export with and without them), and the estimate the
//   export preview shows.
// Prints figures only (no assertions).   node bench/run.mjs viewer [--slices N]
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { Vault } from '../electron/core/vault/vault.js';
import { Importer } from '../electron/core/import/pipeline.js';
import { exportBundle } from '../electron/core/export/export-bundle.js';
import { previewBundle } from '../electron/core/export/bundle-preview.js';
import { startBrowserHost } from '../electron/host/browser-host.js';
import { makeCtSeries } from '../test/fixtures/dicom/ct-series.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/helpers/chromium.js';

const at = process.argv.indexOf('--slices');
const SLICES = at > 0 ? Number(process.argv[at + 1]) : 300;
const PASSPHRASE = 'bench passphrase for the viewer';
const KDF = { N: 2 ** 14, r: 8, p: 1 };

function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).reduce((n, f) => {
    const s = statSync(path.join(dir, f));
    return s.isFile() ? n + s.size : n;
  }, 0);
}
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Waits in the page until the canvas shows image n; returns the time it took (ms). */
function drawn(page: Page, n: number): Promise<number> {
  return page.evaluate(
    (want) =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        const check = (): void => (document.querySelector(`.image-canvas[data-image="${want}"]`) ? resolve(performance.now() - t0) : void requestAnimationFrame(check));
        check();
      }),
    n,
  );
}

/** Presses ArrowDown/Up through every image, each drawn before the next; images per second. */
async function stepThrough(page: Page, key: 'ArrowDown' | 'ArrowUp', from: number, to: number): Promise<number> {
  return page.evaluate(
    async ({ key, from, to }) => {
      const stage = document.querySelector<HTMLElement>('.stage')!;
      stage.focus();
      const t0 = performance.now();
      const step = to > from ? 1 : -1;
      for (let n = from + step; step > 0 ? n <= to : n >= to; n += step) {
        stage.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
        await new Promise<void>((resolve) => {
          const check = (): void => (document.querySelector(`.image-canvas[data-image="${n}"]`) ? resolve() : void requestAnimationFrame(check));
          check();
        });
      }
      return (Math.abs(to - from) / (performance.now() - t0)) * 1000;
    },
    { key, from, to },
  );
}

const work = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-viewer-'));
try {
  const src = path.join(work, 'src');
  mkdirSync(src);
  const t = Date.now();
  const files = await makeCtSeries({ slices: SLICES, rows: 512, columns: 512, window: { center: 40, width: 400 }, noise: 12, description: 'Axial 1mm' });
  files.forEach((f, i) => writeFileSync(path.join(src, `IM${String(i).padStart(4, '0')}`), f));
  const sourceBytes = files.reduce((n, f) => n + f.byteLength, 0);
  console.log(`source: ${SLICES} CT slices, 512 × 512 × 16 bit, ${mb(sourceBytes)} (made in ${((Date.now() - t) / 1000).toFixed(1)} s; ${os.cpus().length} CPUs)`);

  const vaultDir = path.join(work, 'vault');
  const { vault } = await Vault.create(vaultDir, PASSPHRASE, { kdfCost: KDF });
  await new Importer(vault).importPaths([src]);
  const recordId = (vault.db.prepare(`SELECT id FROM records WHERE kind = 'imaging'`).get() as { id: string }).id;

  // Bundle size: the same study with and without the viewer images.
  const estimate = previewBundle(vault, { recordIds: [recordId] }, 'bench').viewerImages;
  const sizes: Record<string, number> = {};
  for (const [label, viewerImages] of [['with', true], ['without', false]] as const) {
    const out = path.join(work, `bundle-${label}`);
    const started = Date.now();
    await exportBundle(vault, { recordIds: [recordId], destination: { kind: 'folder', path: out }, viewerImages, appVersion: 'bench' });
    sizes[label] = folderBytes(out);
    console.log(`export ${label} viewer images: ${mb(sizes[label]!)} in ${((Date.now() - started) / 1000).toFixed(1)} s (write + verify)`);
  }
  const added = sizes.with! - sizes.without!;
  console.log(`viewer images add ${mb(added)} for ${estimate.count} images (${(added / estimate.count / 1024).toFixed(1)} KiB each, ${((added / sizes.without!) * 100).toFixed(0)} % of the bundle); the export preview estimated ${mb(estimate.estimatedBytes)}`);
  vault.close();

  const host = await startBrowserHost({ vaultDir, distDir: path.resolve('dist/renderer'), kdfCost: KDF });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(host.url);
    await page.getByLabel('Passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    const card = page.locator('.record-card', { hasText: 'CT CHEST' });
    await card.waitFor();
    const firstImage = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const t0 = performance.now();
          document.querySelector<HTMLElement>('.record-card')!.click();
          const check = (): void => (document.querySelector('.image-canvas[data-image="1"]') ? resolve(performance.now() - t0) : void requestAnimationFrame(check));
          check();
        }),
    );
    console.log(`time to first image (click → image 1 drawn): ${firstImage.toFixed(0)} ms`);
    const cold = await stepThrough(page, 'ArrowDown', 1, SLICES);
    console.log(`scrolling, ArrowDown through ${SLICES} images, each drawn (nothing cached): ${cold.toFixed(1)} images/s`);
    const warm = await stepThrough(page, 'ArrowUp', SLICES, 1);
    console.log(`scrolling back up (frames cached in the page): ${warm.toFixed(1)} images/s`);
    // A fresh page (nothing cached) for a fling: one wheel notch per animation frame (~60/s).
    await page.reload();
    await page.locator('.record-card', { hasText: 'CT CHEST' }).click();
    await drawn(page, 1);
    const fling = await page.evaluate(async (count) => {
      const stage = document.querySelector<HTMLElement>('.stage')!;
      const seen = new Set<string>();
      const watch = new MutationObserver(() => seen.add(document.querySelector('.image-canvas')?.getAttribute('data-image') ?? ''));
      watch.observe(stage, { attributes: true, subtree: true, attributeFilter: ['data-image'] });
      const t0 = performance.now();
      for (let i = 1; i < count; i++) {
        stage.dispatchEvent(new WheelEvent('wheel', { deltaY: 100, bubbles: true, cancelable: true }));
        await new Promise((r) => requestAnimationFrame(r));
      }
      const notches = performance.now() - t0;
      await new Promise<void>((resolve) => {
        const check = (): void => (document.querySelector(`.image-canvas[data-image="${count}"]`) ? resolve() : void requestAnimationFrame(check));
        check();
      });
      watch.disconnect();
      return { notches, total: performance.now() - t0, drawn: seen.size };
    }, SLICES);
    console.log(
      `wheel fling (one notch per animation frame, nothing cached): ${SLICES - 1} notches in ${(fling.notches / 1000).toFixed(2)} s, ` +
        `last image drawn after ${(fling.total / 1000).toFixed(2)} s; ${fling.drawn} images drawn on the way (${((fling.drawn / fling.total) * 1000).toFixed(1)} images/s)`,
    );
  } finally {
    await browser.close();
    await host.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
