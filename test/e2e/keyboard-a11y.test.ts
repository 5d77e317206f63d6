// The keyboard-only journey, on the real service behind the browser host: create a vault, import,
// open a record and come back to it, make a case, export it to a folder chosen in the host's
// chooser, lock and unlock — asserting where the focus is after each step, and running axe-core on
// every screen on the way (no serious or critical violation; one h1 per screen).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { FileChooser, Page } from 'playwright-core';
import { startHostedApp, isLoopbackUrl, screenshot, unnamedControls, type HostedApp } from './harness.js';
import { axeViolations, expectAccessible, SCREEN_RULES } from './axe.js';

const PASS = 'correct horse battery staple';
let app: HostedApp;

beforeAll(async () => {
  app = await startHostedApp('dossier-keys-');
});
afterAll(async () => {
  await app?.close();
});

interface Focused {
  tag: string;
  id: string;
  name: string;
  text: string;
}

const focused = (page: Page): Promise<Focused> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const labels = el && 'labels' in el ? Array.from((el as HTMLInputElement).labels ?? []).map((l) => l.textContent ?? '').join('') : '';
    const text = el?.textContent?.trim() ?? '';
    return { tag: el?.tagName ?? '', id: el?.id ?? '', name: (el?.getAttribute('aria-label') ?? '') || labels.trim() || text, text };
  });

/** Presses Tab (or Shift+Tab) until the focused element's name matches (fails after `max` presses). */
async function tabTo(page: Page, name: string | RegExp, max = 40, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const now = (await focused(page)).name;
    if (typeof name === 'string' ? now === name : name.test(now)) return;
  }
  throw new Error(`Tab never reached “${String(name)}”`);
}

/** Puts the focus on the page's first Tab stop (the first skip link), as the first Tab would. */
async function focusTop(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelector<HTMLElement>('a.skip')?.focus());
}

/** Tab stops from the top of the page to the first record (the first skip link is stop 1). */
async function stopsToFirstRecord(page: Page): Promise<number> {
  await focusTop(page);
  for (let i = 2; i <= 60; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.classList.contains('record-card') ?? false)) return i;
  }
  throw new Error('Tab never reached a record');
}

async function screen(page: Page, where: string): Promise<void> {
  expect(await unnamedControls(page), `controls without a name on ${where}`).toEqual([]);
  await expectAccessible(page, where, SCREEN_RULES);
}

describe('keyboard-only journey', () => {
  it('the accessibility check fails on a violation (it is not a check that cannot fail)', async () => {
    const page = app.session.page;
    await page.getByLabel('Passphrase', { exact: true }).waitFor();
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<button id="probe" aria-label="Close">Open the vault</button><img id="probe-img" src="data:,">'));
    const ids = (await axeViolations(page)).map((v) => v.id);
    expect(ids).toContain('label-content-name-mismatch');
    expect(ids).toContain('image-alt');
    await page.evaluate(() => ['probe', 'probe-img'].forEach((id) => document.getElementById(id)?.remove()));
  });

  it('goes from a new vault to an exported case and back, by keyboard, with focus where it belongs', async () => {
    const page = app.session.page;
    const chooserOpened = new Promise<FileChooser>((resolve) => page.once('filechooser', resolve));

    // Create the vault: the passphrase field has focus on arrival; the recovery key's heading next.
    expect((await focused(page)).id).toBe('new-pass');
    await screen(page, 'create vault');
    await page.keyboard.type(PASS);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASS);
    await page.keyboard.press('Enter');
    await page.locator('.recovery-key').waitFor();
    expect((await focused(page)).id).toBe('rk-title');
    await screen(page, 'recovery key');
    await tabTo(page, 'I saved my recovery key somewhere safe', 6);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // The library opens with its heading focused (never <body>).
    await expect.poll(async () => (await focused(page)).id).toBe('library-title');
    await screen(page, 'empty library');

    // Import: "Add records…" opens the file picker; the summary's Close takes focus, then gives it back.
    await tabTo(page, 'Add records…');
    await page.keyboard.press('Enter');
    await (await chooserOpened).setFiles([
      { name: 'discharge-letter.txt', mimeType: 'text/plain', buffer: Buffer.from('DISCHARGE SUMMARY\nPatient: Doe, Jane\nHospital course: uneventful.') },
      ...[1, 2, 3].map((n) => ({ name: `report-${n}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`Report ${n}\nRADIOLOGY REPORT\nDate of exam: 2024-01-0${n}\nIMPRESSION: Normal.\n`) })),
    ]);
    await page.getByRole('heading', { name: 'Finished adding records' }).waitFor();
    await expect.poll(async () => (await focused(page)).text).toBe('Close');
    await screen(page, 'import summary');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).text).toBe('Add records…');
    await page.getByText('4 records', { exact: true }).waitFor();
    await screen(page, 'library');

    // The list is one Tab stop, reached after the page's controls (each date filter is one stop,
    // not four); the second skip link jumps straight to it.
    expect(await stopsToFirstRecord(page)).toBeLessThanOrEqual(18);
    await focusTop(page);
    expect((await focused(page)).text).toBe('Skip to content');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Skip to the list of records');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('record-card'))).toBe(true);

    // Arrow keys move in the list; Enter opens; "Back to records" returns to the same record.
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => document.activeElement?.getAttribute('data-record-id'));
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).id).toBe('detail-title');
    await screen(page, 'record');
    await page.getByRole('button', { name: '← Back to records' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-record-id'))).toBe(second);

    // A case: its heading takes the focus when created.
    await tabTo(page, 'Cases');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).text).toBe('Second-opinion cases');
    await screen(page, 'cases');
    await tabTo(page, 'New case');
    await page.keyboard.type('For Dr Meyer');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).text).toBe('For Dr Meyer');
    await page.locator('.pick-row').first().waitFor();
    await screen(page, 'case editor');
    await tabTo(page, /^Report 1(?!\d)/);
    await page.keyboard.press('Space');
    await page.getByText('1 record selected').waitFor();

    // Export to a folder chosen in the host's chooser, by keyboard.
    const out = path.join(app.tmp, 'usb');
    mkdirSync(out);
    await tabTo(page, 'Export bundle…');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).id).toBe('wiz-title');
    await screen(page, 'export: choose');
    await tabTo(page, 'Next: check contents');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Check what goes in' }).waitFor();
    expect((await focused(page)).id).toBe('wiz-title');
    await screen(page, 'export: preview');
    await tabTo(page, /^Choose…/);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Choose the USB stick or folder' }).waitFor();
    await expect.poll(async () => (await focused(page)).text).toMatch(/^Home folder/);
    await screen(page, 'folder chooser');
    await tabTo(page, 'Go to a folder by its whole path');
    await page.keyboard.type('my usb stick');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Type the whole path' }).waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(out);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).text).toBe(out);
    await screenshot(page, 'keys-01-folder-chooser');
    await tabTo(page, 'Use this folder');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(async () => (await focused(page)).text).toBe('Change…');
    expect(await page.locator('#dest').textContent()).toBe(out);
    await tabTo(page, 'Write the bundle');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Bundle ready' }).waitFor({ timeout: 60_000 });
    expect((await focused(page)).id).toBe('wiz-title');
    await screen(page, 'export: done');
    expect(readdirSync(out)).toContain('INDEX.HTM');
    await tabTo(page, 'Done');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).text).toBe('For Dr Meyer');

    // Lock, and unlock: the passphrase field, then the library's heading.
    await tabTo(page, 'Lock Dossier', 10, 'Shift+Tab'); // back up from the case's title to the header
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Unlock your records' }).waitFor();
    expect((await focused(page)).id).toBe('unlock-pass');
    await screen(page, 'unlock');
    await page.keyboard.type(PASS);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).id).toBe('library-title');

    expect(app.session.requests.filter((u) => !isLoopbackUrl(u))).toEqual([]);
    // Nothing the page asked for was missing (a favicon is shipped: no 404 on every load).
    expect(app.session.failedResponses).toEqual([]);
    expect(app.session.requests.some((u) => u.endsWith('/favicon.svg'))).toBe(true);
  }, 120_000);
});
