// The whole product through the browser host and Debian's Chromium, on the REAL core service:
// create a vault, drop a hospital CD folder + PDF + zip, search, build a case, export a zip,
// verify, lock/unlock — and prove no request ever left the loopback interface.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserHost } from '../../electron/host/browser-host.js';
import { makeStudySet, writeCdFolder } from '../fixtures/dicom/cd-folder.js';
import { makePdf } from '../fixtures/documents/pdf.js';
import { buildRawZip } from '../fixtures/bundle/raw-zip.js';
import { chooseDestination, dropFiles, isLoopbackUrl, listFiles, checkScreen, startHostedApp, type DropFile, type HostedApp, type Session } from './harness.js';

const PASS = 'blue harbour quiet morning';
let app: HostedApp;
let tmp: string;
let host: BrowserHost;
let session: Session;

beforeAll(async () => {
  app = await startHostedApp('dossier-e2e-');
  ({ tmp, host, session } = app);
});
afterAll(async () => {
  await app?.close();
});

describe('Dossier in the browser host', () => {
  it('creates a vault, imports, searches, builds a case, exports, verifies, locks and unlocks', async () => {
    const page = session.page;

    // First run: create the vault and acknowledge the recovery key.
    await page.getByLabel('Passphrase', { exact: true }).waitFor();
    // The host's token left the address bar (and so the history) as soon as the page loaded.
    expect(page.url()).not.toContain(host.token);
    expect(await page.evaluate(() => location.hash)).toBe('');
    await checkScreen(page, '01-create-vault');
    await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await page.getByLabel('Type it again').fill(PASS);
    await page.getByRole('button', { name: 'Create my vault' }).click();
    await page.locator('.recovery-key').waitFor();
    expect((await page.locator('.recovery-key span').allTextContents()).join('').length).toBeGreaterThan(16);
    await checkScreen(page, '02-recovery-key');
    const cont = page.getByRole('button', { name: 'Continue' });
    expect(await cont.isDisabled()).toBe(true);
    await page.getByLabel('I saved my recovery key somewhere safe').check();
    await cont.click();
    await page.getByText('No records yet').waitFor();
    await checkScreen(page, '03-empty-library');

    // Import: a hospital CD folder, a PDF and a portal zip, in one synthetic drop.
    const cd = path.join(tmp, 'cd');
    writeCdFolder(cd, makeStudySet({ studies: 1, series: 2, instances: 2 }));
    const pathology = await makePdf({ title: 'Pathology report', pages: [['PATHOLOGY REPORT', 'Patient: Doe, Jane', 'Diagnosis: adenocarcinoma of the right upper lobe']] });
    const labs = await makePdf({ title: 'Blood count', pages: [['LABORATORY RESULTS', 'Haemoglobin 13.2 g/dL']] });
    const zip = buildRawZip([{ name: 'portal/blood-count.pdf', data: labs, deflate: true }]);
    const drop: DropFile[] = [
      ...listFiles(cd).map((rel) => ({ path: `CD/${rel}`, base64: readFileSync(path.join(cd, rel)).toString('base64') })),
      { path: 'pathology.pdf', base64: Buffer.from(pathology).toString('base64'), type: 'application/pdf' },
      { path: 'portal-download.zip', base64: Buffer.from(zip).toString('base64'), type: 'application/zip' },
    ];
    await dropFiles(page, drop);
    await page.getByRole('heading', { name: 'Finished adding records' }).waitFor({ timeout: 30_000 });
    await page.locator('.record-card').nth(2).waitFor({ timeout: 5000 });
    await checkScreen(page, '04-import-summary');
    expect(await page.locator('.import-panel').textContent()).toMatch(/Read \(index files\): DICOMDIR/);
    expect(await page.locator('.summary-line').textContent()).toMatch(/added/);
    expect(await page.locator('.import-panel').textContent()).not.toMatch(/could not be imported/);
    await page.getByRole('button', { name: 'Close' }).click();
    await page.locator('.record-card').nth(2).waitFor();
    await checkScreen(page, '05-library');

    // Full-text search finds the pathology PDF by a word from its text.
    await page.getByLabel('Search your records').fill('adenocarcinoma');
    await page.getByText(/1 record found/).waitFor();
    await checkScreen(page, '06-search');
    await page.locator('.record-card').first().click();
    await page.locator('#detail-title').waitFor();
    await checkScreen(page, '07-record-detail');
    await page.getByRole('button', { name: /Back to records/ }).click();
    await page.getByLabel('Search your records').fill('');

    // Case with questions and every record selected.
    await page.getByRole('button', { name: 'Cases', exact: true }).click();
    await page.getByLabel('New case').fill('Second opinion — lung');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByLabel('Your main question for the doctor').fill('Is surgery the best option?');
    await page.getByLabel('Doctor', { exact: true }).fill('Dr Meyer');
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByText('Case details saved.').waitFor();
    for (const q of ['What stage is this?', 'Are there alternatives to surgery?']) {
      await page.getByLabel('New question').fill(q);
      await page.getByRole('button', { name: 'Add', exact: true }).click();
    }
    await page.getByLabel('Question 2', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Move question 2 up' }).click();
    expect(await page.getByLabel('Question 1', { exact: true }).inputValue()).toBe('Are there alternatives to surgery?');
    const boxes = page.locator('.pick-row input[type=checkbox]');
    await boxes.first().waitFor();
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
    await page.getByText(/records selected/).waitFor();
    await checkScreen(page, '08-case-builder');

    // Export to an AES zip, then the automatic verification.
    await page.getByRole('button', { name: 'Export bundle…' }).click();
    await page.getByLabel('Zip file', { exact: false }).check();
    await page.getByLabel('Password for the zip (optional)').fill('handover-pw');
    await checkScreen(page, '09-export-choose');
    await page.getByRole('button', { name: 'Next: check contents' }).click();
    await page.getByText('Save the zip file as').waitFor();
    mkdirSync(path.join(tmp, 'out'));
    const zipPath = path.join(tmp, 'out', 'second-opinion.zip');
    await chooseDestination(page, path.join(tmp, 'out'), 'second-opinion.zip');
    expect(await page.locator('#dest').textContent()).toBe(zipPath);
    await checkScreen(page, '10-export-preview');
    await page.getByRole('button', { name: 'Write the bundle' }).click();
    await page.getByRole('heading', { name: 'Bundle ready' }).or(page.getByRole('alert')).or(page.getByRole('alertdialog')).waitFor({ timeout: 60_000 });
    // All records are Jane Doe's: the core must not ask about an identity mismatch here.
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    if (await page.getByRole('alert').count()) throw new Error(`export failed: ${await page.getByRole('alert').textContent()}`);
    await page.getByText(/Safe to remove/).waitFor();
    await checkScreen(page, '11-export-done');
    expect(existsSync(zipPath)).toBe(true);
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('heading', { name: 'Share history' }).waitFor();
    await page.locator('.series tbody tr').first().waitFor();
    expect(await page.locator('.series tbody tr').count()).toBe(1);
    expect(await page.locator('.series tbody tr').textContent()).toMatch(/Password zip/);

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Change passphrase' }).waitFor();
    await checkScreen(page, '12-settings');

    // Lock; a wrong passphrase is refused with a clear message; the right one opens the vault.
    await page.getByRole('button', { name: 'Lock Dossier' }).click();
    await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/not right/);
    await checkScreen(page, '13-unlock-wrong');
    await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByRole('button', { name: 'Lock Dossier' }).waitFor();
    await page.locator('.record-card').nth(2).waitFor();

    // Nothing but loopback, ever.
    expect(session.requests.length).toBeGreaterThan(0);
    expect(session.requests.filter((u) => !isLoopbackUrl(u))).toEqual([]);
  }, 120_000);
});
