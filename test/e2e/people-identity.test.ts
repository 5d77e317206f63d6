// On the REAL core service: import a CD for Jane Doe and a PDF whose text names John Doe; the
// summary calls the DICOMDIR an index file, not "skipped"; add a person, assign a record to her,
// filter the library by person, assign the case; the export is refused for the identity mismatch,
// the app shows the conflicts and "Export anyway" writes and verifies the bundle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserHost } from '../../electron/host/browser-host.js';
import { makeStudySet, writeCdFolder } from '../fixtures/dicom/cd-folder.js';
import { makePdf } from '../fixtures/documents/pdf.js';
import { chooseDestination, createVaultThroughUi, dropFiles, isLoopbackUrl, listFiles, checkScreen, startHostedApp, type HostedApp, type Session } from './harness.js';

let app: HostedApp;
let tmp: string;
let host: BrowserHost;
let session: Session;

beforeAll(async () => {
  app = await startHostedApp('dossier-people-');
  ({ tmp, host, session } = app);
});
afterAll(async () => {
  await app?.close();
});

describe('people and identity checks', () => {
  it('assigns records and cases to a person, filters by person, and asks before exporting mixed identities', async () => {
    const page = session.page;
    await createVaultThroughUi(page, 'quiet river lantern stone');

    const cd = path.join(tmp, 'cd');
    writeCdFolder(cd, makeStudySet({ studies: 1, series: 1, instances: 2 }));
    const letter = await makePdf({ title: 'Clinic letter', pages: [['CLINIC LETTER', 'Patient: Doe, John', 'Date of birth: 03/04/1950', 'Thank you for seeing this patient.']] });
    await dropFiles(page, [
      ...listFiles(cd).map((rel) => ({ path: `CD/${rel}`, base64: readFileSync(path.join(cd, rel)).toString('base64') })),
      { path: 'clinic-letter.pdf', base64: Buffer.from(letter).toString('base64'), type: 'application/pdf' },
    ]);
    await page.getByRole('heading', { name: 'Finished adding records' }).waitFor({ timeout: 30_000 });
    // The list behind the summary is already up to date.
    await page.getByText('2 records', { exact: true }).waitFor({ timeout: 5000 });
    const panel = page.locator('.import-panel');
    expect(await panel.textContent()).toMatch(/Read \(index files\): DICOMDIR/);
    expect(await panel.locator('.outcomes').textContent()).not.toMatch(/DICOMDIR/);
    await checkScreen(page, 'people-01-import-summary');
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Add records…');

    // The mismatch is visible in the library, on the odd record out.
    await page.getByText('Some records carry different patient details').waitFor();
    expect(await page.locator('.record-card .badge.warn').count()).toBe(1);

    // Add a person.
    await page.getByRole('button', { name: 'People', exact: true }).click();
    await page.getByRole('button', { name: 'Add a person…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a person' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('p-name');
    await page.getByLabel('Name, as on their medical records').fill('Jane Doe');
    await page.getByLabel(/Date of birth/).fill('1970-01-02');
    await page.getByLabel('Who they are to you').selectOption('Myself');
    await checkScreen(page, 'people-02-add-person');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByText('Jane Doe', { exact: true }).waitFor();
    expect(await dialog.count()).toBe(0);

    // Assign the imaging study to her.
    await page.getByRole('button', { name: 'Records', exact: true }).click();
    await page.locator('.record-card', { hasText: 'Imaging study' }).click();
    await page.getByLabel('Whose record is this?').selectOption({ label: 'Jane Doe (Myself)' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved.').waitFor();
    await checkScreen(page, 'people-03-record-person');
    await page.getByRole('button', { name: /Back to records/ }).click();

    // Filter the library by person.
    await page.getByLabel('Person').selectOption({ label: 'Jane Doe' });
    await page.getByText('1 record found').waitFor();
    expect(await page.locator('.record-card').first().textContent()).toMatch(/Patient: Doe, JaneAssigned to Jane Doe.*Imaging study/);
    await page.getByLabel('Person').selectOption({ label: 'Everyone' });
    await page.getByText('2 records', { exact: true }).waitFor();

    // A case for her with both records.
    await page.getByRole('button', { name: 'Cases', exact: true }).click();
    await page.getByLabel('New case').fill('Second opinion for Jane');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByLabel('The patient', { exact: true }).selectOption({ label: 'Jane Doe (Myself)' });
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByText('Case details saved.').waitFor();
    const boxes = page.locator('.pick-row input[type=checkbox]');
    await boxes.nth(1).waitFor();
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
    await page.getByText('2 records selected').waitFor();
    await page.getByText(/Patient details differ between the selected records/).waitFor();

    // Export to a folder: refused by the core, the app asks, "Export anyway" goes through.
    await page.getByRole('button', { name: 'Export bundle…' }).click();
    await page.getByRole('button', { name: 'Next: check contents' }).click();
    await page.getByText('These records may belong to different people.').waitFor();
    const out = path.join(tmp, 'stick');
    mkdirSync(out);
    await chooseDestination(page, out);
    await page.getByRole('button', { name: 'Write the bundle' }).click();
    const ask = page.getByRole('alertdialog', { name: 'These records may belong to different people' });
    await ask.waitFor({ timeout: 30_000 });
    expect(await ask.locator('.conflicts li').count()).toBeGreaterThan(0);
    expect(await ask.textContent()).toMatch(/DOE|Doe/);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Go back and check');
    await checkScreen(page, 'people-04-identity-ask');
    expect(existsSync(path.join(out, 'DICOMDIR'))).toBe(false);
    await ask.getByRole('button', { name: 'Export anyway' }).click();
    await page.getByRole('heading', { name: 'Bundle ready' }).waitFor({ timeout: 60_000 });
    await page.getByText(/Safe to remove/).waitFor();
    await checkScreen(page, 'people-05-export-done');
    expect(readdirSync(out).length).toBeGreaterThan(0);

    // Exporting again to the same stick: the app asks before replacing the bundle already there.
    const firstManifest = readFileSync(path.join(out, 'MANIFEST.TXT'));
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Export bundle…' }).click();
    await page.getByRole('button', { name: 'Next: check contents' }).click();
    await page.getByRole('heading', { name: 'Check what goes in' }).waitFor();
    await chooseDestination(page, out);
    await page.getByRole('button', { name: 'Write the bundle' }).click();
    await page.getByRole('alertdialog', { name: 'These records may belong to different people' }).getByRole('button', { name: 'Export anyway' }).click();
    const replace = page.getByRole('alertdialog', { name: 'There is already a bundle here' });
    await replace.waitFor({ timeout: 30_000 });
    await checkScreen(page, 'people-06-replace-ask');
    expect(readFileSync(path.join(out, 'MANIFEST.TXT')).equals(firstManifest)).toBe(true);
    await replace.getByRole('button', { name: 'Replace the old bundle' }).click();
    await page.getByRole('heading', { name: 'Bundle ready' }).waitFor({ timeout: 60_000 });
    await page.getByText(/Safe to remove/).waitFor();

    // The wrong patient's letter goes to the trash, and Settings empties the trash for good.
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Records', exact: true }).click();
    await page.locator('.record-card', { hasText: 'Clinic letter' }).click();
    await page.getByRole('button', { name: 'Delete record…' }).click();
    await page.getByRole('alertdialog', { name: 'Delete this record?' }).getByRole('button', { name: 'Move to trash' }).click();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByText('1 record in the trash.').waitFor();
    await checkScreen(page, 'people-06b-settings-trash-count');
    await page.getByRole('button', { name: 'Empty trash…' }).click();
    await page.getByRole('button', { name: 'Delete it for good' }).click();
    await page.getByText('Deleted 1 record for good.').waitFor();
    await page.getByText('The trash is empty.').waitFor();
    expect(await page.getByRole('button', { name: 'Undo' }).count()).toBe(0); // nothing left to undo
    await checkScreen(page, 'people-07-settings-trash');

    // Settings: a backup copy of the encrypted vault, and a new passphrase that then unlocks it.
    const backupDir = path.join(tmp, 'backup');
    mkdirSync(backupDir);
    await chooseDestination(page, backupDir, undefined, page.locator('form', { hasText: 'Back up' }));
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByText(/Backup saved to/).waitFor({ timeout: 20_000 });
    expect(readdirSync(backupDir).length).toBeGreaterThan(0);
    await page.getByLabel('Current passphrase').fill('quiet river lantern stone');
    await page.getByLabel('New passphrase').fill('seven amber kites drifting');
    await page.getByText('Strong').waitFor();
    await page.getByLabel('Type it again').fill('seven amber kites drifting');
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await page.getByText(/Passphrase changed/).waitFor({ timeout: 20_000 });
    await checkScreen(page, 'people-06-settings');
    await page.getByRole('button', { name: 'Lock Dossier' }).click();
    await page.getByLabel('Passphrase', { exact: true }).fill('seven amber kites drifting');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByRole('button', { name: 'Lock Dossier' }).waitFor();

    expect(session.requests.filter((u) => !isLoopbackUrl(u))).toEqual([]);
  }, 90_000);
});
