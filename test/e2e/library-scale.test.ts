// The library with 10,000 records (served by the in-memory stand-in service): only a handful of
// rows exist in the DOM, scrolling reaches the last record, and typing in search stays responsive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host.js';
import { createFakeService } from '../host/fake-service.js';
import { createVaultThroughUi, ensureRendererBuilt, isLoopbackUrl, openChromium, screenshot, type Session } from './harness.js';

const N = 10_000;
let tmp: string;
let host: BrowserHost;
let session: Session;

beforeAll(async () => {
  const dist = ensureRendererBuilt(path.resolve(__dirname, '../..'));
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dossier-scale-'));
  host = await startBrowserHost({ vaultDir: path.join(tmp, 'vault'), distDir: dist, service: createFakeService({ records: N }) });
  session = await openChromium(host.url);
});
afterAll(async () => {
  await session?.close();
  await host?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('library with 10,000 records', () => {
  it('renders few rows, scrolls to the last record and keeps search responsive', async () => {
    const page = session.page;
    await createVaultThroughUi(page, 'correct horse battery staple');
    await page.getByText('10,000 records', { exact: true }).waitFor();
    await page.locator('.record-card').first().waitFor();
    const rendered = await page.locator('.record-row').count();
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(100);

    // Scroll to the very end: the last record appears, and the DOM stays small.
    await page.locator('.record-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.getByRole('button', { name: new RegExp(`^Report ${N},`) }).waitFor({ timeout: 5000 });
    expect(await page.locator('.record-row').count()).toBeLessThan(100);
    await screenshot(page, 'scale-01-last-record');

    // Typing returns promptly, the page answers while the list reloads, and the result is right.
    const search = page.getByLabel('Search your records');
    const t0 = Date.now();
    await search.pressSequentially('Report 9999', { delay: 5 });
    const typingMs = Date.now() - t0;
    const t1 = Date.now();
    expect(await page.evaluate(() => document.querySelectorAll('.record-row').length)).toBeLessThan(100);
    const roundTripMs = Date.now() - t1;
    await page.getByText('1 record found').waitFor({ timeout: 5000 });
    expect(typingMs).toBeLessThan(5000);
    expect(roundTripMs).toBeLessThan(1000);
    await screenshot(page, 'scale-02-search');

    expect(session.requests.filter((u) => !isLoopbackUrl(u))).toEqual([]);
  }, 60_000);
});
