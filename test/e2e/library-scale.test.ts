// The library with 10,000 records, on the real service over a vault seeded through the core: only
// a handful of rows exist in the DOM, scrolling reaches the last record, and search stays responsive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host.js';
import { seedVault } from '../helpers/seeded-vault.js';
import { FAST_KDF } from '../helpers/temp-vault.js';
import { ensureRendererBuilt, isLoopbackUrl, openChromium, screenshot, type Session } from './harness.js';

const N = 10_000;
const PASSPHRASE = 'correct horse battery staple';
let tmp: string;
let host: BrowserHost;
let session: Session;

beforeAll(async () => {
  const dist = ensureRendererBuilt(path.resolve(__dirname, '../..'));
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dossier-scale-'));
  await seedVault(path.join(tmp, 'vault'), PASSPHRASE, N);
  host = await startBrowserHost({ vaultDir: path.join(tmp, 'vault'), distDir: dist, kdfCost: FAST_KDF });
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
    await page.getByLabel('Passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('10,000 records', { exact: true }).waitFor();
    await page.locator('.record-card').first().waitFor();
    const rendered = await page.locator('.record-row').count();
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(100);

    // Newest first: Report N at the top; scroll to the very end: the oldest, Report 1, appears, and the DOM stays small.
    await page.getByRole('button', { name: new RegExp(`^Report ${N}\\b`) }).waitFor();
    await page.locator('.record-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.getByRole('button', { name: /^Report 1\b/ }).waitFor({ timeout: 15000 });
    expect(await page.locator('.record-row').count()).toBeLessThan(100);
    await screenshot(page, 'scale-01-last-record');

    // Searching narrows 10,000 to the one that matches (speed is measured in bench/, not here).
    const search = page.getByLabel('Search your records');
    await search.pressSequentially('"study number 9999"', { delay: 5 });
    expect(await page.evaluate(() => document.querySelectorAll('.record-row').length)).toBeLessThan(100);
    await page.getByText('1 record found').waitFor({ timeout: 15000 });
    await page.getByRole('button', { name: /^Report 9999\b/ }).waitFor();
    await screenshot(page, 'scale-02-search');

    expect(session.requests.filter((u) => !isLoopbackUrl(u))).toEqual([]);
  }, 120_000);
});
