// 11. INDEX.HTM opened from file:// in Debian's Chromium: every link and image resolves inside the
// bundle, the patient's question and questions are on the page, every series (uncompressed, RLE
// and JPEG) scrolls through all its images by wheel and keys, the C-CDA's readable copy shows its
// sections, and nothing is fetched but file: URLs. Writes test-results/index-htm*.png.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { buildScenario, QUESTION, QUESTIONS, PROVIDER, type Scenario } from './scenario.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.js';
import { JANE } from './patient-data.js';
import { makeCcd } from '../fixtures/documents/cda.js';

const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) console.log(`SKIPPING test/export/index-htm-browser.test.ts: ${CHROMIUM} is absent (apt-get install chromium)`);

describe.skipIf(!HAS_CHROMIUM)('INDEX.HTM in a real browser', () => {
  let s: Scenario;
  let out: string;
  let browser: Browser;

  beforeAll(async () => {
    s = await buildScenario();
    // A C-CDA of the same patient, added to the case: its readable copy is checked below.
    const ccd = path.join(s.root, 'summary.xml');
    writeFileSync(ccd, makeCcd({ family: 'Doe', given: 'Jane', id: JANE.id, birthTime: JANE.birthDate, gender: 'F' }));
    const imported = JSON.parse(s.run(['import', ccd, '--json']).stdout) as { recordId?: string }[];
    expect(s.run(['case', 'add', s.caseId, imported[0]!.recordId!]).status).toBe(0);
    out = path.join(s.root, 'out', 'usb');
    const res = s.run(['export', '--case', s.caseId, '--out', out]);
    expect(res.status, res.stderr).toBe(0);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the case, resolves every link and image inside the bundle, loads previews, uses no network', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(pathToFileURL(path.join(out, 'INDEX.HTM')).href, { waitUntil: 'load' });

    const text = await page.innerText('body');
    for (const expected of ['Doe, Jane', QUESTION, PROVIDER, ...QUESTIONS, 'CT CHEST', 'MR BRAIN']) expect(text).toContain(expected);
    // The questions are an ordered list, in the patient's order.
    const listed = await page.$$eval('ol li', (items) => items.map((li) => li.textContent?.trim() ?? ''));
    expect(listed).toEqual(QUESTIONS);

    const targets = await page.evaluate(() => ({
      links: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
      images: [...document.querySelectorAll('img')].map((img) => ({ src: img.src, width: img.naturalWidth, alt: img.alt })),
    }));
    expect(targets.links.length).toBeGreaterThanOrEqual(6); // the 3 PDFs, the photo, the C-CDA's copy and its original
    for (const url of [...targets.links, ...targets.images.map((i) => i.src)]) {
      expect(url.startsWith('file://'), url).toBe(true);
      const file = fileURLToPath(url.split('#')[0]!);
      expect(file.startsWith(out + path.sep), url).toBe(true);
      expect(existsSync(file), url).toBe(true);
    }
    // One viewer per series: 4 series (explicit LE ×2, RLE, JPEG), each showing its first image.
    const firsts = targets.images.filter((i) => i.src.includes('/VIEWER/'));
    expect(firsts).toHaveLength(4);
    for (const p of firsts) expect(p.width, p.src).toBeGreaterThan(0);
    expect(await page.locator('.orientation').innerText()).toMatch(/for orientation only.*DICOM files are the diagnostic originals/s);

    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    expect(errors).toEqual([]);

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/index-htm.png', fullPage: true });
    await page.close();
  });

  it('scrolls every series through all its images (wheel, keys and slider), each one loaded', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(path.join(out, 'INDEX.HTM')).href, { waitUntil: 'load' });
    const viewers = page.locator('figure.viewer');
    expect(await viewers.count()).toBe(4);
    for (let v = 0; v < 4; v++) {
      const viewer = viewers.nth(v);
      const count = Number(await viewer.getAttribute('data-count'));
      const seen: string[] = [];
      const img = viewer.locator('img');
      const loaded = async (n: number): Promise<void> => {
        await expect.poll(() => viewer.locator('.n').textContent()).toBe(String(n));
        await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
        seen.push(await img.getAttribute('src') ?? '');
      };
      await loaded(1);
      // Wheel down through the images, then keys back up, then the slider.
      await viewer.scrollIntoViewIfNeeded();
      const box = (await viewer.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
      for (let n = 2; n <= count; n++) {
        await page.mouse.wheel(0, 100);
        await loaded(n);
      }
      await viewer.focus();
      await page.keyboard.press('Home');
      await loaded(1);
      await page.keyboard.press('End');
      await loaded(count);
      if (count > 1) {
        await page.keyboard.press('ArrowUp');
        await loaded(count - 1);
      }
      expect(new Set(seen).size, `series ${v + 1}: every image shown`).toBe(count);
      expect(await img.getAttribute('alt')).toMatch(/image \d+ of \d+/);
    }
    await page.locator('figure.viewer').first().focus();
    await page.screenshot({ path: 'test-results/index-htm-viewer.png' });
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the C-CDA opens as a readable copy with its sections, linked to its original XML', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(path.join(out, 'INDEX.HTM')).href, { waitUntil: 'load' });
    // From the documents table (the timeline links the same copy).
    const links = page.getByRole('link', { name: /Continuity of Care Document/ });
    expect(new Set(await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')))).size).toBe(1);
    await links.last().click();
    await page.waitForURL(/VIEWER\/DOC\d{5}\.HTM$/);
    for (const heading of ['Problems', 'Medications', 'Allergies', 'Results']) await page.getByRole('heading', { name: heading }).waitFor();
    const cells = await page.locator('table').nth(0).locator('td').allTextContents();
    expect(cells).toContain('Tamoxifen 20 mg tablet');
    expect(await page.locator('body').innerText()).toContain('<script>alert(1)</script> is text');
    expect(await page.locator('script').count()).toBe(0);
    const original = await page.getByRole('link', { name: /DOC\d{5}\.XML/ }).getAttribute('href');
    expect(existsSync(fileURLToPath(new URL(original!, page.url())))).toBe(true);
    await page.screenshot({ path: 'test-results/index-htm-cda.png', fullPage: true });
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    await page.close();
  });

  it('prints on A4 without losing the questions', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(out, 'INDEX.HTM')).href);
    await page.emulateMedia({ media: 'print' });
    const visible = await page.innerText('body');
    for (const q of QUESTIONS) expect(visible).toContain(q);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(1000);
    await page.close();
  });
});
