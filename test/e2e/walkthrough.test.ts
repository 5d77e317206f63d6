// What a patient's walkthrough found, replayed on the real service behind the browser host: a
// folder with a study whose patient is named in three scripts (with a series of attributes only),
// two other people's reports, a README and a PDF whose metadata title is HTML. Every record names
// its patient; the banner counts the differences and filters to them; records are selected and
// acted on together; two deletions give two Undo offers; the trash restores and empties; the
// timeline filters by type; the case adds a whole import; the bundle says it holds several
// patients. axe-core runs on every screen and on INDEX.HTM. Screenshots in test-results/walk-*.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.js';
import { el } from '../../electron/core/dicom/writer.js';
import { newUid } from '../../electron/core/base/ids.js';
import { makeDicomInstance } from '../fixtures/dicom/instance.js';
import { makePdf } from '../fixtures/documents/pdf.js';
import { chooseDestination, createVaultThroughUi, dropFiles, isLoopbackUrl, screenshot, startHostedApp, type DropFile, type HostedApp } from './harness.js';
import { expectAccessible, SCREEN_RULES } from './axe.js';

const YAMADA = 'Yamada^Tarou=山田^太郎=やまだ^たろう';
const YAMADA_SHOWN = 'Yamada, Tarou (山田 太郎, やまだ たろう)';
const README = 'README\n\nThis disc holds the images from your stay at General Hospital.\nThe discharge summary is in the REPORTS folder.\n';
let app: HostedApp;

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

async function files(): Promise<DropFile[]> {
  const study = newUid();
  const ct = (n: number, series: number, pixels: boolean) =>
    makeDicomInstance({
      studyInstanceUID: study,
      seriesInstanceUID: `${study}.${series}`,
      seriesNumber: series,
      instanceNumber: n,
      patientName: YAMADA,
      charset: 'ISO_IR 192',
      studyDescription: 'CT CHEST',
      rows: 16,
      columns: 16,
      ...(pixels ? {} : { pixels: 'none' as const, extra: [el(0x00280010, 'US', 512)] }),
    });
  const jane = await makePdf({ title: 'CT chest report', pages: [['RADIOLOGY REPORT', 'Patient: Doe, Jane', 'DOB: 1970-01-02', 'Date of exam: 2023-05-04', 'IMPRESSION: clear.']] });
  const john = await makePdf({ title: 'Clinic letter', pages: [['CLINIC LETTER', 'Patient: Roe, John', 'DOB: 1955-06-07', '12 March 2022', 'Dear Dr Meyer, thank you for seeing him.']] });
  const html = await makePdf({ title: '<b>Electronegativity<b><br><p class=manual>Security checks</p>', creationDate: new Date('2024-02-01T10:00:00Z'), pages: [['Notes from my visit', 'We talked about the next appointment.']] });
  return [
    { path: 'CD/IM0001', base64: b64(ct(1, 1, true)) },
    { path: 'CD/IM0002', base64: b64(ct(2, 1, true)) },
    { path: 'CD/IM0003', base64: b64(ct(1, 2, false)) },
    { path: 'CD/README.TXT', base64: b64(README) },
    { path: 'jane-report.pdf', base64: b64(jane), type: 'application/pdf' },
    { path: 'john-letter.pdf', base64: b64(john), type: 'application/pdf' },
    { path: 'visit-notes.pdf', base64: b64(html), type: 'application/pdf' },
  ];
}

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
const card = (page: Page, title: string) => page.locator('.record-card').filter({ has: page.locator('.card-title', { hasText: exactly(title) }) });
const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });

beforeAll(async () => {
  app = await startHostedApp('dossier-walk-');
  await createVaultThroughUi(app.session.page, 'quiet river lantern stone');
});
afterAll(async () => {
  await app?.close();
});

describe("a patient's walkthrough", () => {
  it('imports, and says how many records came from how many files', async () => {
    const page = app.session.page;
    await dropFiles(page, await files());
    await page.getByRole('heading', { name: 'Finished adding records' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('.summary-line').textContent()).toContain('5 records from 7 files added');
    await expectAccessible(page, 'import summary', SCREEN_RULES);
    await page.getByRole('button', { name: 'Close' }).click();
  });

  it('names every record\'s patient, readably, and marks what was guessed', async () => {
    const page = app.session.page;
    await page.getByText('5 records', { exact: true }).waitFor();
    expect(await card(page, 'CT CHEST').locator('.card-who').textContent()).toBe(`Patient: ${YAMADA_SHOWN}`);
    expect(await card(page, 'CT chest report').locator('.card-who').textContent()).toBe('Patient: Doe, Jane');
    expect(await card(page, 'Clinic letter').locator('.card-who').textContent()).toBe('Patient: Roe, John');
    expect(await card(page, 'README').locator('.card-meta').textContent()).toMatch(/^Other \(guessed\)/);
    expect(await card(page, 'Notes from my visit').count()).toBe(1); // the heading, not the HTML metadata title
    await screenshot(page, 'walk-01-library-several-patients');
    await expectAccessible(page, 'library', SCREEN_RULES);
  });

  it('counts the differences in patient details and shows only the records involved', async () => {
    const page = app.session.page;
    const banner = page.locator('.banner.warn');
    expect(await banner.textContent()).toContain('(1 difference in patient details)');
    expect(await banner.locator('li').first().textContent()).toBe(
      `Different names: ${YAMADA_SHOWN}, born 2 Jan 1970, ID PID12345 (1 record), Doe, Jane, born 2 Jan 1970 (1 record) and Roe, John, born 7 Jun 1955 (1 record).`,
    );
    await banner.getByRole('button', { name: 'Show the 3 records involved' }).click();
    await page.getByText('3 records found').waitFor();
    await screenshot(page, 'walk-02-differences-only');
    await expectAccessible(page, 'library, differences only', SCREEN_RULES);
    await page.getByRole('button', { name: 'Show all records' }).click();
    await page.getByText('5 records', { exact: true }).waitFor();
  });

  it('selects records by click, shift-click and keyboard, and assigns and tags them at once', async () => {
    const page = app.session.page;
    await nav(page, 'People').click();
    await page.getByRole('button', { name: 'Add a person…' }).click();
    await page.getByLabel('Name, as on their medical records').fill('Mary Doe');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByText('Mary Doe', { exact: true }).waitFor();
    await nav(page, 'Records').click();
    await page.getByLabel('Sort').selectOption('title');
    await expect.poll(() => page.locator('.card-title').first().textContent()).toBe('Clinic letter');
    const boxes = page.locator('.record-row .select-box');
    await boxes.nth(4).waitFor();
    await boxes.nth(0).click();
    await boxes.nth(2).click({ modifiers: ['Shift'] });
    await page.getByRole('heading', { name: '3 records selected' }).waitFor();
    await page.getByLabel('Assign to').selectOption({ label: 'Mary Doe' });
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText('3 records assigned to Mary Doe.').waitFor();
    await expect.poll(() => page.locator('.person-tag', { hasText: 'Assigned to Mary Doe' }).count()).toBe(3);
    await page.getByRole('button', { name: 'Clear selection' }).click();

    // Keyboard: Space selects the focused record, Shift+Arrow extends the run.
    await page.locator('.record-card').first().focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Shift+ArrowDown');
    await page.getByRole('heading', { name: '2 records selected' }).waitFor();
    await page.getByLabel('Tag', { exact: true }).last().fill('walkthrough');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await page.getByText('Tag “walkthrough” added to 2 records.').waitFor();
    await screenshot(page, 'walk-03-bulk-actions');
    await expectAccessible(page, 'library with a selection', SCREEN_RULES);
    await page.getByRole('button', { name: 'Clear selection' }).click();
  });

  it('offers Undo for each deletion, not only the last', async () => {
    const page = app.session.page;
    for (const title of ['README', 'Notes from my visit']) {
      await card(page, title).click();
      await page.getByRole('button', { name: 'Delete record…' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Move to trash' }).click();
      await page.getByText('3 records', { exact: true }).or(page.getByText('4 records', { exact: true })).waitFor();
    }
    const toasts = page.locator('.toast');
    expect(await toasts.allTextContents()).toEqual([expect.stringContaining('“README” moved to the trash.'), expect.stringContaining('“Notes from my visit” moved to the trash.')]);
    await screenshot(page, 'walk-04-two-undos');
    await expectAccessible(page, 'library with undo offers', SCREEN_RULES);
    await page.getByRole('button', { name: 'Undo: restore “README”' }).click();
    await page.getByText('4 records', { exact: true }).waitFor();
    expect(await toasts.count()).toBe(1);
  });

  it('lists the trash, restores one, several or all, and empties it', async () => {
    const page = app.session.page;
    // Two more in the trash, together.
    await page.locator('.record-row .select-box').nth(0).click();
    await page.locator('.record-row .select-box').nth(1).click();
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByText('2 records moved to the trash.').waitFor();
    await nav(page, 'Settings').click();
    await page.getByRole('button', { name: 'Open the trash' }).click();
    const rows = page.locator('.trash-row');
    await rows.nth(2).waitFor();
    await screenshot(page, 'walk-05-trash');
    await expectAccessible(page, 'trash', SCREEN_RULES);
    await rows.first().getByRole('button', { name: /^Restore / }).click();
    await page.getByText('1 record put back among your records.').waitFor();
    await rows.first().getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Restore 1 selected record' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByRole('button', { name: 'Restore all 1' }).click();
    await page.getByText('The trash is empty.').first().waitFor();

    await nav(page, 'Records').click();
    await card(page, 'README').click();
    await page.getByRole('button', { name: 'Delete record…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Move to trash' }).click();
    await nav(page, 'Settings').click();
    await page.getByRole('button', { name: 'Open the trash' }).click();
    await page.getByRole('button', { name: 'Empty trash…' }).click();
    await page.getByRole('alertdialog', { name: 'Empty the trash?' }).waitFor();
    await expectAccessible(page, 'empty the trash?', SCREEN_RULES);
    await page.getByRole('button', { name: 'Delete it for good' }).click();
    await page.getByText('Deleted 1 record for good.').waitFor();
    expect(await page.getByRole('button', { name: /^Undo/ }).count()).toBe(0);
  });

  it('shows a timeline, filterable by type, and comes back to the record opened', async () => {
    const page = app.session.page;
    await nav(page, 'Timeline').click();
    await page.getByRole('heading', { name: '2024', level: 2 }).waitFor();
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['2022', '2023', '2024']);
    await screenshot(page, 'walk-06-timeline');
    await expectAccessible(page, 'timeline', SCREEN_RULES);
    const entries = page.locator('.timeline-entry');
    expect(await entries.count()).toBe(4);
    await page.getByLabel('Imaging study').uncheck();
    await expect.poll(() => entries.count()).toBe(3);
    expect(await entries.filter({ has: page.locator('.card-title', { hasText: exactly('CT CHEST') }) }).count()).toBe(0);
    await page.locator('.timeline-entry', { hasText: 'Clinic letter' }).click();
    await page.getByRole('button', { name: '← Back to the timeline' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Clinic letter');
  });

  it('adds a whole import to a case, and exports a bundle that says it holds several patients', async () => {
    const page = app.session.page;
    await nav(page, 'Cases').click();
    await page.getByLabel('New case').fill('Second opinion');
    await page.getByRole('button', { name: 'Create case' }).click();
    const rows = page.locator('.pick-row');
    await rows.first().waitFor();
    expect(await rows.allTextContents()).toContainEqual(expect.stringContaining(`Patient: ${YAMADA_SHOWN}`));
    await rows.first().getByRole('button', { name: /^Add the whole import \(4\): every record imported with/ }).click();
    await page.getByText('4 records selected').waitFor();
    await screenshot(page, 'walk-07-case-picker');
    await expectAccessible(page, 'case editor', SCREEN_RULES);

    const out = path.join(app.tmp, 'stick');
    mkdirSync(out);
    await page.getByRole('button', { name: 'Export bundle…' }).click();
    await page.getByRole('button', { name: 'Next: check contents' }).click();
    await chooseDestination(page, out);
    await page.getByRole('button', { name: 'Write the bundle' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Export anyway' }).click();
    await page.getByRole('heading', { name: 'Bundle ready' }).waitFor({ timeout: 60_000 });

    // The doctor's browser: a fresh one opening the file (the app's page allows only loopback).
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const index = await browser.newPage();
    await index.goto(pathToFileURL(path.join(out, 'INDEX.HTM')).href);
    const text = await index.innerText('body');
    expect(text).toContain('This bundle holds the records of 3 different patients');
    for (const name of [YAMADA_SHOWN, 'Doe, Jane', 'Roe, John']) expect(text).toContain(name);
    await index.screenshot({ path: path.join('test-results', 'walk-08-index-several-patients.png'), fullPage: true });
    await expectAccessible(index, 'INDEX.HTM', ['region', 'landmark-one-main', 'page-has-heading-one']);
    await browser.close();
    expect(readFileSync(path.join(out, 'README.TXT'), 'utf8')).toContain('3 DIFFERENT PATIENTS');
    expect(app.session.requests.filter((u) => !isLoopbackUrl(u) && !u.startsWith('file:'))).toEqual([]);
  });

  it('keeps Close in view when the list of skipped files is long', async () => {
    const page = app.session.page;
    await nav(page, 'Records').click();
    // Binary that is no DICOM, named like DICOM: each skipped with its reason.
    const junk = Array.from({ length: 60 }, (_, i) => ({ path: `damaged-${i}.dcm`, base64: b64(Uint8Array.from({ length: 300 }, (_, k) => (k * 97 + i * 13 + 128) & 0xff)) }));
    await dropFiles(page, junk);
    await page.getByRole('heading', { name: 'Finished adding records' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('.summary-line').textContent()).toContain('60 files skipped');
    await page.getByText('Why some files were not added').click();
    await page.locator('.outcomes li').nth(59).waitFor();
    const close = page.getByRole('button', { name: 'Close', exact: true });
    const box = (await close.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    // Nothing covers it and no scrolled-away panel clips it: the button itself is at its centre.
    expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.textContent, [box.x + box.width / 2, box.y + box.height / 2])).toBe('Close');
    await screenshot(page, 'walk-09-long-skip-list');
    await expectAccessible(page, 'import summary with a long list', SCREEN_RULES);
    await close.click();
  });
});
