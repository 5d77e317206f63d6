// Keyboard and screen-reader basics, on the real service: the first run, "Add
// records…", the import summary and the dialogs work from the keyboard, focus moves into each
// dialog and comes back, and every control on every screen has an accessible name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FileChooser, Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host.js';
import { FAST_KDF } from '../helpers/temp-vault.js';
import { ensureRendererBuilt, isLoopbackUrl, openChromium, screenshot, unnamedControls, type Session } from './harness.js';

let tmp: string;
let host: BrowserHost;
let session: Session;

beforeAll(async () => {
  const dist = ensureRendererBuilt(path.resolve(__dirname, '../..'));
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dossier-keys-'));
  host = await startBrowserHost({ vaultDir: path.join(tmp, 'vault'), distDir: dist, kdfCost: FAST_KDF });
  session = await openChromium(host.url);
});
afterAll(async () => {
  await session?.close();
  await host?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement as HTMLElement | null;
  const labels = el && 'labels' in el ? Array.from((el as HTMLInputElement).labels ?? []).map((l) => l.textContent ?? '').join('') : '';
  const name = (el?.getAttribute('aria-label') ?? '') || labels.trim() || (el?.textContent?.trim() ?? '');
  return { text: el?.textContent?.trim() ?? '', name, id: el?.id ?? '' };
});

/** Presses Tab until the focused element's accessible name matches (fails after `max` presses). */
async function tabTo(page: Page, name: string | RegExp, max = 25): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = (await focused(page)).name;
    if (typeof name === 'string' ? now === name : name.test(now)) return;
  }
  throw new Error(`Tab never reached “${String(name)}”`);
}

async function expectAllNamed(page: Page, where: string): Promise<void> {
  expect(await unnamedControls(page), `controls without a name on ${where}`).toEqual([]);
}

describe('keyboard and accessible names', () => {
  it('runs the main flows from the keyboard with focus managed', async () => {
    const page = session.page;
    // Listen from the start: Playwright turns on file-chooser interception asynchronously.
    const chooserOpened = new Promise<FileChooser>((resolve) => page.once('filechooser', resolve));

    // First run, keyboard only: the passphrase field has focus on arrival.
    await page.getByLabel('Passphrase', { exact: true }).waitFor();
    // The check itself can fail: a bare input is reported.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<input id="probe">'));
    expect(await unnamedControls(page)).toEqual(['<input id="probe">']);
    await page.evaluate(() => document.getElementById('probe')?.remove());
    await expectAllNamed(page, 'create vault');
    expect((await focused(page)).id).toBe('new-pass');
    await page.keyboard.type('correct horse battery staple');
    await page.keyboard.press('Tab');
    await page.keyboard.type('correct horse battery staple');
    await page.keyboard.press('Enter');
    await page.locator('.recovery-key').waitFor();
    await expectAllNamed(page, 'recovery key');
    expect((await focused(page)).id).toBe('rk-title');
    await tabTo(page, 'I saved my recovery key somewhere safe', 6);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Continue');
    await page.keyboard.press('Enter');
    await page.getByText('No records yet', { exact: false }).first().waitFor();
    await expectAllNamed(page, 'library');

    // Tab to "Add records…", Enter opens the file picker; the summary takes focus, Close returns it.
    await page.locator('body').focus();
    await tabTo(page, 'Add records…');
    await page.keyboard.press('Enter');
    const chooser = await chooserOpened;
    await chooser.setFiles([
      { name: 'discharge-letter.txt', mimeType: 'text/plain', buffer: Buffer.from('Discharge summary for Jane Doe') },
      ...[1, 2, 3].map((n) => ({ name: `report-${n}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`Report ${n}\nRADIOLOGY REPORT\nDate of exam: 2024-01-0${n}\nIMPRESSION: Normal.\n`) })),
    ]);
    await page.getByRole('heading', { name: 'Finished adding records' }).waitFor();
    await expect.poll(async () => (await focused(page)).text).toBe('Close');
    await page.getByText('4 records', { exact: true }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).text).toBe('Add records…');

    // Open a record from the keyboard; its heading takes focus.
    await tabTo(page, /^Report 1\s*Radiology report/, 20);
    await page.keyboard.press('Enter');
    await page.locator('#detail-title').waitFor();
    await expect.poll(async () => (await focused(page)).id).toBe('detail-title');
    await expectAllNamed(page, 'record detail');

    // The delete dialog: focus moves in, Escape closes it, focus returns to the button.
    await page.getByRole('button', { name: 'Delete record…' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog', { name: 'Delete this record?' }).waitFor();
    expect((await focused(page)).text).toBe('Move to trash');
    await expectAllNamed(page, 'delete dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    await expect.poll(async () => (await focused(page)).text).toBe('Delete record…');

    // Add a person from the record, keyboard only; focus returns to the opener.
    await page.getByRole('button', { name: 'Add a person…' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Add a person' }).waitFor();
    expect((await focused(page)).id).toBe('p-name');
    await expectAllNamed(page, 'person dialog');
    await screenshot(page, 'keys-01-person-dialog');
    await page.keyboard.type('Mary Doe');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(async () => (await focused(page)).text).toBe('Add a person…');
    expect(await page.getByLabel('Whose record is this?').locator('option:checked').textContent()).toBe('Mary Doe (Myself)');

    // Every other screen: every control named.
    await page.getByRole('button', { name: 'People', exact: true }).click();
    await page.getByText('Mary Doe', { exact: true }).waitFor();
    await expectAllNamed(page, 'people');
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { name: 'Change passphrase' }).waitFor();
    await expectAllNamed(page, 'settings');
    await page.getByRole('button', { name: 'Cases', exact: true }).click();
    await page.getByLabel('New case').fill('For Dr Meyer');
    await page.keyboard.press('Enter');
    await page.getByLabel('Case name').waitFor();
    await page.locator('.pick-row').first().waitFor();
    await expectAllNamed(page, 'case editor');
    await page.locator('.pick-row input').first().check();
    await page.getByRole('button', { name: 'Export bundle…' }).click();
    await page.getByRole('heading', { name: 'How will you hand it over?' }).waitFor();
    expect((await focused(page)).id).toBe('wiz-title');
    await page.getByLabel('Zip file', { exact: false }).check();
    await expectAllNamed(page, 'export wizard');
    await screenshot(page, 'keys-02-export-choose');

    expect(session.requests.filter((u) => !isLoopbackUrl(u))).toEqual([]);
  }, 60_000);
});
