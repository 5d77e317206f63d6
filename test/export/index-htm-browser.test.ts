// 11. INDEX.HTM opened from file:// in Debian's Chromium: every link and image resolves inside the
// bundle, the patient's question and questions are on the page, the series previews (uncompressed,
// RLE and JPEG) load, and nothing is fetched from the network. Writes test-results/index-htm.png.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { buildScenario, QUESTION, QUESTIONS, PROVIDER, type Scenario } from './scenario.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.js';

const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) console.log(`SKIPPING test/export/index-htm-browser.test.ts: ${CHROMIUM} is absent (apt-get install chromium)`);

describe.skipIf(!HAS_CHROMIUM)('INDEX.HTM in a real browser', () => {
  let s: Scenario;
  let out: string;
  let browser: Browser;

  beforeAll(async () => {
    s = await buildScenario();
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
    await page.goto(pathToFileURL(path.join(out, 'INDEX.HTM')).href, { waitUntil: 'load' });

    const text = await page.innerText('body');
    for (const expected of ['Jane Doe', QUESTION, PROVIDER, ...QUESTIONS, 'CT CHEST', 'MR BRAIN']) expect(text).toContain(expected);
    // The questions are an ordered list, in the patient's order.
    const listed = await page.$$eval('ol li', (items) => items.map((li) => li.textContent?.trim() ?? ''));
    expect(listed).toEqual(QUESTIONS);

    const targets = await page.evaluate(() => ({
      links: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
      images: [...document.querySelectorAll('img')].map((img) => ({ src: img.src, width: img.naturalWidth, alt: img.alt })),
    }));
    expect(targets.links.length).toBeGreaterThanOrEqual(4); // the 3 PDFs and the photo
    for (const url of [...targets.links, ...targets.images.map((i) => i.src)]) {
      expect(url.startsWith('file://'), url).toBe(true);
      const file = fileURLToPath(url.split('#')[0]!);
      expect(file.startsWith(out + path.sep), url).toBe(true);
      expect(existsSync(file), url).toBe(true);
    }
    // One preview per series: 4 series (explicit LE ×2, RLE, JPEG), all decoded by the browser.
    const previews = targets.images.filter((i) => i.src.includes('/PREVIEW/'));
    expect(previews).toHaveLength(4);
    for (const p of previews) expect(p.width, p.src).toBeGreaterThan(0);

    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/index-htm.png', fullPage: true });
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
