// The viewers in Debian's Chromium through the browser host, on the REAL core service: a generated
// CT series, its lossless JPEG-LS copy and a multi-frame cine are imported; opening the study shows
// image 1 at once; ArrowDown moves to image 2; a drag changes window/level — each time the canvas
// holds exactly what renderToRgba computes from the core's decoded frame; the JPEG-LS copy is
// pixel-identical to its original. Then a PDF (find a word on page 3, highlighted), a C-CDA (its
// medication table) and a photo. axe-core finds nothing serious; nothing leaves the machine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { WebSocket } from 'ws';
import type { DecodedFrame } from '../../shared/imaging/frame.js';
import { renderToRgba } from '../../shared/imaging/render-rgba.js';
import { decodeFrameSync } from '../../electron/core/dicom/pixels/index.js';
import { el } from '../../electron/core/dicom/writer.js';
import { newUid } from '../../electron/core/base/ids.js';
import { encapsulatedInstance } from '../fixtures/dicom/pixels.js';
import { makeCtSeries, makeMultiFrame } from '../fixtures/dicom/ct-series.js';
import { makeCcd } from '../fixtures/documents/cda.js';
import { makePdf, makePdfWithJpxImage } from '../fixtures/documents/pdf.js';
import { withExifOrientation } from '../fixtures/documents/images.js';
import { encodeJ2k, encodeJpegBaseline } from '../fixtures/dicom/codec-encoders.js';
import { createVaultThroughUi, seriousAxeViolations, dropFiles, isLoopbackUrl, screenshot, startHostedApp, type DropFile, type HostedApp } from './harness.js';

const SLICES = 12;
const WINDOW = { center: 40, width: 400 };
let app: HostedApp;
let page: Page;
let ct: Uint8Array[];
let ctLs: Uint8Array[];
const pageErrors: string[] = [];

const drop = (name: string, bytes: Uint8Array, type = ''): DropFile => ({ path: name, base64: Buffer.from(bytes).toString('base64'), type });

/** The canvas' pixels (RGBA) as base64, with the window and image number it says it shows. */
async function canvasState(p: Page): Promise<{ image: number; center: number; width: number; rgba: string }> {
  return p.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.image-canvas')!;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let binary = '';
    for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return { image: Number(canvas.dataset.image), center: Number(canvas.dataset.windowCenter), width: Number(canvas.dataset.windowWidth), rgba: btoa(binary) };
  });
}

const expected = (frame: DecodedFrame, window: { center: number; width: number }): string => Buffer.from(renderToRgba(frame, window).buffer).toString('base64');
const overlay = (p: Page): Promise<string> => p.locator('[data-testid="image-overlay"]').innerText();

/** One API call through the browser host, as the page makes them (token, own Origin). */
function callHost(method: string, params: unknown): Promise<unknown> {
  const { port, token } = app.host;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`, { headers: { Origin: `http://127.0.0.1:${port}` } });
    ws.once('open', () => ws.send(JSON.stringify({ token, id: 1, method, params })));
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { id?: number; ok?: boolean; value?: unknown; error?: unknown };
      if (msg.id !== 1) return;
      ws.close();
      if (msg.ok) resolve(msg.value);
      else reject(new Error(JSON.stringify(msg.error)));
    });
    ws.once('error', reject);
  });
}

beforeAll(async () => {
  app = await startHostedApp('dossier-viewer-');
  page = app.session.page;
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const study = newUid();
  ct = await makeCtSeries({ slices: SLICES, rows: 128, columns: 128, studyInstanceUID: study, seriesNumber: 2, description: 'Axial native', window: WINDOW });
  ctLs = await makeCtSeries({ slices: SLICES, rows: 128, columns: 128, studyInstanceUID: study, seriesNumber: 3, description: 'Axial JPEG-LS', window: WINDOW, syntax: 'jpeg-ls' });
  const cine = makeMultiFrame({ frames: 8, studyInstanceUID: study });
  // A series in a syntax the pixel engine does not decode (JPEG XL): its image is a message.
  const jxl = encapsulatedInstance({ rows: 8, columns: 8, bitsAllocated: 8, transferSyntaxUID: '1.2.840.10008.1.2.4.110', frames: [[new Uint8Array([0xff, 0x0a, 0, 0])]], extra: [el(0x0020000d, 'UI', study), el(0x0008103e, 'LO', 'Future format'), el(0x00200011, 'IS', 20)] });
  // A landscape photo (96 × 48) that the camera marked "rotate 90° clockwise" (EXIF orientation 6).
  const landscape = Uint8Array.from({ length: 96 * 48 * 3 }, (_, i) => (i % 3 === 0 ? ((i / 3) % 96) * 2 : i % 3 === 1 ? 80 : 160));
  const photo = withExifOrientation(await encodeJpegBaseline({ width: 96, height: 48, components: 3, bitsPerSample: 8, bytes: landscape }, 90), 6);
  // A "scanned" page: one JPEG 2000 image, which pdf.js draws with its WebAssembly decoder.
  const gradient = Uint8Array.from({ length: 64 * 48 }, (_, i) => (i % 64) * 4);
  const scan = await makePdfWithJpxImage(await encodeJ2k({ width: 64, height: 48, components: 1, bitsPerSample: 8, bytes: gradient }), 64, 48);
  const pdf = await makePdf({ title: 'Oncology letter', pages: [['Oncology clinic letter', 'Page one'], ['Page two', 'Nothing to see'], ['Page three', 'Plan: start zanthoxylum trial next week']] });
  await createVaultThroughUi(page, 'blue harbour quiet morning');
  await dropFiles(page, [
    ...ct.map((b, i) => drop(`CT/NAT${i}.dcm`, b)),
    ...ctLs.map((b, i) => drop(`CT/JLS${i}.dcm`, b)),
    drop('CT/CINE.dcm', cine),
    drop('CT/JXL.dcm', jxl),
    drop('letter.pdf', pdf, 'application/pdf'),
    drop('summary.xml', new TextEncoder().encode(makeCcd()), 'text/xml'),
    drop('wound-photo.jpg', photo, 'image/jpeg'),
    drop('scanned-letter.pdf', scan, 'application/pdf'),
  ]);
  await page.getByRole('heading', { name: 'Finished adding records' }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Close' }).click();
  await page.locator('.record-card').nth(2).waitFor();
}, 180_000);
afterAll(async () => {
  await app?.close();
});

describe('DICOM viewer', () => {
  it('opens the study on image 1 at once, with the file’s window, exactly as renderToRgba maps it', async () => {
    await page.locator('.record-card', { hasText: 'CT CHEST' }).click();
    await page.locator('.image-canvas[data-image="1"]').waitFor({ timeout: 15_000 });
    expect(await overlay(page)).toMatch(/Image 1 \/ 12/);
    expect(await overlay(page)).toMatch(/Testperson, Jane/);
    expect(await overlay(page)).toMatch(/W 400 · L 40/);
    expect(await overlay(page)).toMatch(/Slice 0\.00 mm/);
    const first = await canvasState(page);
    expect(first).toMatchObject({ image: 1, ...WINDOW });
    expect(first.rgba).toBe(expected(decodeFrameSync(ct[0]!, 0), WINDOW));
    await screenshot(page, 'viewer-01-ct-image-1');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('ArrowDown moves to image 2: the overlay and the pixels change', async () => {
    await page.locator('.stage').focus();
    await page.keyboard.press('ArrowDown');
    await page.locator('.image-canvas[data-image="2"]').waitFor();
    expect(await overlay(page)).toMatch(/Image 2 \/ 12/);
    expect(await overlay(page)).toMatch(/Slice -2\.50 mm/);
    const second = await canvasState(page);
    expect(second.rgba).toBe(expected(decodeFrameSync(ct[1]!, 0), WINDOW));
    expect(second.rgba).not.toBe(expected(decodeFrameSync(ct[0]!, 0), WINDOW));
    // End, then Home, through the same keys a keyboard user has.
    await page.keyboard.press('End');
    await page.locator('.image-canvas[data-image="12"]').waitFor();
    await page.keyboard.press('Home');
    await page.locator('.image-canvas[data-image="1"]').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.locator('.image-canvas[data-image="2"]').waitFor();
  });

  it('a drag changes window/level: the canvas is renderToRgba at the new window', async () => {
    const box = (await page.locator('.stage').boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 80, y + 40, { steps: 4 });
    await page.mouse.up();
    const dragged = await canvasState(page);
    expect(dragged.width).toBeGreaterThan(WINDOW.width);
    expect(dragged.center).toBeGreaterThan(WINDOW.center);
    expect(dragged.rgba).toBe(expected(decodeFrameSync(ct[1]!, 0), { center: dragged.center, width: dragged.width }));
    expect(dragged.rgba).not.toBe(expected(decodeFrameSync(ct[1]!, 0), WINDOW));
    expect(await overlay(page)).toContain(`W ${Math.round(dragged.width)} · L ${Math.round(dragged.center)}`);
    await screenshot(page, 'viewer-02-ct-window-dragged');
  });

  it('the lossless JPEG-LS copy renders pixel-identical to its uncompressed original', async () => {
    await page.getByRole('button', { name: /Axial JPEG-LS/ }).click();
    await page.locator('.image-canvas[data-image="1"]').waitFor();
    const ls = await canvasState(page);
    expect(ls.rgba).toBe(expected(decodeFrameSync(ct[0]!, 0), WINDOW));
    await page.locator('.stage').focus();
    await page.keyboard.press('PageDown');
    await page.locator('.image-canvas[data-image="11"]').waitFor();
    expect((await canvasState(page)).rgba).toBe(expected(decodeFrameSync(ct[10]!, 0), WINDOW));
  });

  it('scrolls a multi-frame file frame by frame (wheel and slider), with cine play and pause', async () => {
    await page.getByRole('button', { name: /Cine loop/ }).click();
    await page.locator('.image-canvas[data-image="1"]').waitFor();
    expect(await overlay(page)).toMatch(/Image 1 \/ 8/);
    expect(await overlay(page)).toMatch(/Frame 1 of 8/);
    const box = (await page.locator('.stage').boundingBox())!;
    await page.mouse.move(box.x + 50, box.y + 50);
    await page.mouse.wheel(0, 100);
    await page.locator('.image-canvas[data-image="2"]').waitFor();
    const slider = page.getByRole('slider', { name: 'Image' });
    await slider.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await page.locator('.image-canvas[data-image="6"]').waitFor();
    expect(await slider.getAttribute('aria-valuetext')).toBe('Image 6 of 8');
    await page.getByRole('button', { name: 'Play' }).click();
    await page.locator('.image-canvas[data-image="1"]').waitFor({ timeout: 10_000 }); // looped round
    await page.getByRole('button', { name: 'Pause' }).click();
    await screenshot(page, 'viewer-03-cine');
  });

  it('says why an image cannot be shown, in words, where the image would be (never a black canvas)', async () => {
    await page.getByRole('button', { name: /Future format/ }).click();
    const message = page.locator('.stage .image-error');
    await message.waitFor();
    expect(await message.innerText()).toMatch(/stored in a format Dossier cannot show yet: .*1\.2\.840\.10008\.1\.2\.4\.110.*kept and exported unchanged/s);
    expect(await page.locator('.stage .image-canvas').count()).toBe(0);
    expect(await overlay(page)).toMatch(/Image 1 \/ 1/);
    await screenshot(page, 'viewer-03b-cannot-show');
    await page.getByRole('button', { name: /Cine loop/ }).click();
    await page.locator('.image-canvas[data-image="1"]').waitFor();
  });

  it('full screen covers the window and keeps the tools; Escape-free toggle back', async () => {
    await page.getByRole('button', { name: 'Full screen' }).click();
    expect(await page.locator('.viewer-full').count()).toBe(1);
    await screenshot(page, 'viewer-04-full-screen');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Full screen' }).click();
    expect(await page.locator('.viewer-full').count()).toBe(0);
    await page.getByRole('button', { name: /Back to records/ }).click();
  });
});

describe('document viewers', () => {
  it('shows a PDF page by page and finds a word on page 3, highlighted', async () => {
    await page.locator('.record-card', { hasText: /Oncology/ }).click();
    await page.locator('.pdf-page[data-page="3"]').waitFor({ timeout: 15_000 });
    await page.getByRole('searchbox', { name: 'Find' }).fill('Zanthoxylum');
    await page.keyboard.press('Enter');
    const hit = page.locator('.pdf-page[data-page="3"] mark.find-hit.current');
    await hit.waitFor({ timeout: 15_000 });
    expect(await hit.textContent()).toBe('zanthoxylum');
    expect(await page.locator('.find-status').textContent()).toBe('1 of 1');
    // Scrolled into the pages' view (not just present somewhere on page 3).
    const [at, view] = await Promise.all([hit.boundingBox(), page.locator('.pdf-pages').boundingBox()]);
    expect(at!.y).toBeGreaterThanOrEqual(view!.y);
    expect(at!.y + at!.height).toBeLessThanOrEqual(view!.y + view!.height);
    await screenshot(page, 'viewer-05-pdf-find');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /Back to records/ }).click();
  });

  it('draws a scanned page’s JPEG 2000 image (pdf.js’s WebAssembly decoder, allowed by the CSP, handed over without fetch)', async () => {
    await page.locator('.record-card', { hasText: /scanned-letter/ }).click();
    const canvas = page.locator('.pdf-page[data-page="1"] canvas');
    await canvas.waitFor();
    // A blank page is all white; the gradient image darkens a good part of it.
    await expect
      .poll(() => canvas.evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let dark = 0;
        for (let i = 0; i < d.length; i += 4) if ((d[i] as number) < 128 && (d[i + 3] as number) > 0) dark++;
        return dark / (c.width * c.height);
      }), { timeout: 15_000 })
      .toBeGreaterThan(0.05);
    await screenshot(page, 'viewer-05b-pdf-jpx');
    await page.getByRole('button', { name: /Back to records/ }).click();
  });

  it('shows a C-CDA as sections: the medication list is a table of text', async () => {
    await page.locator('.record-card', { hasText: 'Continuity of Care Document' }).click();
    const meds = page.locator('.doc-section', { has: page.getByRole('heading', { name: 'Medications' }) });
    await meds.waitFor();
    expect(await meds.locator('td').allTextContents()).toEqual(['Tamoxifen 20 mg tablet', '1 daily', '2024-03-01', 'Lisinopril 10 mg', '1 each morning', '2019-06-12']);
    expect(await page.locator('.clinical-document').innerText()).toContain('<script>alert(1)</script> is text');
    expect(await page.locator('.clinical-document script, .clinical-document a').count()).toBe(0);
    await screenshot(page, 'viewer-06-cda');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows a photo turned by its EXIF orientation, with zoom', async () => {
    await page.getByRole('button', { name: /Back to records/ }).click();
    await page.locator('.record-card', { hasText: /wound-photo/ }).click();
    const img = page.locator('.photo');
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
    // Orientation 6: the 96 × 48 picture is shown 48 wide and 96 tall.
    expect(await img.evaluate((i: HTMLImageElement) => [i.naturalWidth, i.naturalHeight])).toEqual([48, 96]);
    expect((await img.getAttribute('src'))!.startsWith('blob:')).toBe(true);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    expect(await img.getAttribute('style')).toContain('scale(1.25)');
    await screenshot(page, 'viewer-07-photo');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('lists records with pictures: the study drawn by the core, the PDF page and the photo drawn here and kept', async () => {
    await page.getByRole('button', { name: /Back to records/ }).click();
    const thumbOf = (title: RegExp) => page.locator('.record-card', { hasText: title }).locator('.thumb img');
    for (const title of [/CT CHEST/, /Oncology/, /wound-photo/]) {
      await thumbOf(title).waitFor({ timeout: 15_000 });
      expect(await thumbOf(title).getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
    }
    // The photo's picture is upright too (taller than wide).
    expect(await thumbOf(/wound-photo/).evaluate((i: HTMLImageElement) => i.naturalHeight > i.naturalWidth)).toBe(true);
    // Kept in the vault: asked again, the core now serves the PDF's and the photo's pictures itself.
    const { records } = (await callHost('records.list', {})) as { records: { id: string; format: string }[] };
    for (const format of ['pdf', 'jpeg']) {
      const thumb = (await callHost('records.thumbnail', { id: records.find((r) => r.format === format)!.id })) as { dataUrl: string | null; needs?: string };
      expect(thumb.needs).toBeUndefined();
      expect(thumb.dataUrl).toMatch(/^data:image\/jpeg;base64,/);
    }
    await screenshot(page, 'viewer-08-library-thumbnails');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('made no request beyond the loopback host, and no page error', () => {
    expect(app.session.requests.filter((u) => !isLoopbackUrl(u))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
