// The second-opinion journey in the app, on the real service behind the browser host: a health
// summary filled from an imported FHIR summary and by hand, the provider and status of a case, a
// slides shipment, two opinions compared (agree / differ), a difference turned into a question,
// and an export — keyboard-operable, focus managed, axe-core clean, screenshots of each screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { extractPdf } from '../../electron/core/documents/pdf-extract.js';
import { makeHealthBundle } from '../fixtures/documents/fhir.js';
import { makePdf } from '../fixtures/documents/pdf.js';
import { chooseDestination, createVaultThroughUi, dropFiles, screenshot, screenshotOf, seriousAxeViolations, startHostedApp, unnamedControls, type HostedApp } from './harness.js';

let app: HostedApp;
beforeAll(async () => {
  app = await startHostedApp('dossier-journey-e2e-');
});
afterAll(async () => {
  await app?.close();
});

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

async function expectAccessible(page: Page, where: string): Promise<void> {
  expect(await seriousAxeViolations(page), `axe on ${where}`).toEqual([]);
  expect(await unnamedControls(page), `unnamed controls on ${where}`).toEqual([]);
}

async function importFixtures(page: Page): Promise<void> {
  const letter = (who: string, text: string) => makePdf({ title: `Letter from ${who}`, pages: [[`Letter from ${who}`, 'Patient: Testperson, Jane', text]] });
  const files = [
    { path: 'portal-summary.json', base64: Buffer.from(JSON.stringify(makeHealthBundle())).toString('base64'), type: 'application/json' },
    { path: 'letter-local.pdf', base64: Buffer.from(await letter('Dr Local', 'Recommendation: lobectomy.')).toString('base64'), type: 'application/pdf' },
    { path: 'letter-second.pdf', base64: Buffer.from(await letter('Dr Second', 'Recommendation: stereotactic radiotherapy.')).toString('base64'), type: 'application/pdf' },
  ];
  await dropFiles(page, files);
  await page.getByRole('heading', { name: 'Finished adding records' }).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Close' }).click();
}

async function addOpinion(page: Page, o: { by: string; first?: boolean; diagnosis: string; treatment: string; answers: string[] }): Promise<void> {
  await page.getByRole('button', { name: 'Add an opinion…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Whose opinion').fill(o.by);
  if (o.first) await dialog.getByLabel(/The first opinion/).check();
  await dialog.getByLabel('Diagnosis').fill(o.diagnosis);
  await dialog.getByLabel('Recommended treatment').fill(o.treatment);
  for (const [i, a] of o.answers.entries()) if (a) await dialog.locator(`#op-a${i}`).fill(a);
  const letter = dialog.getByLabel('The letter or report').locator('option', { hasText: `Letter from ${o.by}` });
  await letter.waitFor({ state: 'attached' });
  await dialog.getByLabel('The letter or report').selectOption((await letter.getAttribute('value'))!);
  await dialog.getByRole('button', { name: 'Add opinion' }).click();
  await page.getByRole('listitem', { name: `Opinion of ${o.by}` }).waitFor();
}

describe('the second-opinion journey', () => {
  it('health summary, provider and status, a slides shipment, two opinions compared, a question from a difference, export', async () => {
    const page = app.session.page;
    await createVaultThroughUi(page, 'journey passphrase quiet harbour');
    await page.getByRole('button', { name: 'People', exact: true }).click();
    await page.getByRole('button', { name: 'Add a person…' }).click();
    await page.getByLabel('Name, as on their medical records').fill('Jane Testperson');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByText('Jane Testperson').waitFor();
    await importFixtures(page);

    // Health summary: the imported records belong to nobody yet; their suggestions join Jane's
    // summary in one step, then are confirmed or dismissed from the keyboard.
    await page.getByRole('button', { name: 'Health', exact: true }).click();
    await page.getByRole('heading', { name: 'Health summary' }).waitFor();
    await page.getByRole('button', { name: "Add them to Jane Testperson's summary" }).waitFor();
    await screenshot(page, 'journey-00-health-unassigned');
    await expectAccessible(page, 'the health summary with suggestions nobody is set for');
    await page.getByRole('button', { name: "Add them to Jane Testperson's summary" }).click();
    await page.getByRole('listitem', { name: 'Metformin 500 mg tablet' }).waitFor();
    await expect.poll(() => activeId(page)).toBe('h-person');
    await page.getByRole('button', { name: 'Confirm Metformin 500 mg tablet' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'confirmed' }).waitFor();
    await expect.poll(() => activeId(page)).toMatch(/^health-item-/);
    await page.getByRole('button', { name: 'Dismiss Appendicitis' }).click();
    await page.getByRole('listitem', { name: 'Appendicitis' }).waitFor({ state: 'detached' });
    await expect.poll(() => activeId(page)).toMatch(/^health-item-/); // the next condition, not <body>
    await page.getByRole('button', { name: 'Add an allergy…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Allergic to').fill('Latex');
    await dialog.getByLabel('Reaction').fill('Rash');
    await dialog.getByLabel('Severity').selectOption('mild');
    await screenshot(page, 'journey-01-health-add-allergy');
    await expectAccessible(page, 'the add-allergy dialog');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('listitem', { name: 'Latex' }).waitFor();
    await expect.poll(() => activeId(page)).toMatch(/^health-item-/);
    await page.getByRole('textbox', { name: 'History in your own words' }).fill('Smoker until 2015. Father had lung cancer.');
    await page.getByRole('button', { name: 'Save history' }).click();
    await page.getByText('History saved.').waitFor();
    await screenshotOf(page.locator('.health'), 'journey-02-health-summary');
    await screenshotOf(page.locator('section[aria-labelledby="kind-medication"]'), 'journey-02b-health-medications');
    await expectAccessible(page, 'the health summary');

    // A case: provider, credentials checked today, status, appointment and insurance.
    await page.getByRole('button', { name: 'Cases', exact: true }).click();
    await page.getByLabel('New case').fill('Lung nodule — second opinion');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByLabel('The patient').selectOption({ label: 'Jane Testperson (Myself)' });
    await page.getByLabel('Doctor', { exact: true }).fill('Dr Second');
    await page.getByLabel('Hospital or clinic').fill('University Hospital');
    await page.getByLabel('Specialty').fill('Thoracic oncology');
    await page.getByLabel(/^Credentials/).fill('Board certified, licence 12345');
    await page.getByRole('button', { name: 'I checked them today' }).click();
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByText('Case details saved.').waitFor();
    await page.getByLabel('Where this case stands').selectOption('records-sent');
    await page.getByText('Status saved.').waitFor();
    await page.getByLabel('Appointment').fill('2024-06-14');
    await page.getByLabel('Insurance cover').fill('Covered at 80% after the deductible');
    await page.getByLabel('Your phone or email').fill('jane@example.org');
    await page.getByRole('button', { name: 'Save these details' }).click();
    await page.getByText('Case details saved.').waitFor();
    for (const q of ['Is surgery the right treatment?', 'Do I need a PET scan first?']) {
      await page.getByLabel('New question').fill(q);
      await page.getByRole('button', { name: 'Add', exact: true }).click();
    }
    await page.getByLabel('Question 2', { exact: true }).waitFor();
    const boxes = page.locator('.pick-row input[type=checkbox]');
    await boxes.first().waitFor();
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
    await page.getByText('3 records selected').waitFor();
    await screenshotOf(page.locator('.case-editor > .detail-grid').first(), 'journey-03-case-request');

    // Slides sent separately.
    await page.getByRole('button', { name: 'Add an item…' }).click();
    const item = page.getByRole('dialog');
    await item.getByLabel('What it is').fill('Pathology slides (12, H&E)');
    await item.getByLabel('Requested from').fill('City Pathology Lab');
    await item.getByLabel('Where it is now').selectOption('sent');
    await item.getByLabel('Carrier').fill('UPS');
    await item.getByLabel('Tracking number').fill('1Z999AA10123456784');
    await screenshot(page, 'journey-04-item-dialog');
    await expectAccessible(page, 'the item dialog');
    await item.getByRole('button', { name: 'Add item' }).click();
    await page.getByRole('listitem', { name: 'Pathology slides (12, H&E)' }).waitFor();
    await expect.poll(() => activeId(page)).toMatch(/^case-item-/);
    await screenshotOf(page.locator('.case-editor > .detail-grid').nth(1), 'journey-05-case-journey-items');
    await expectAccessible(page, 'the case editor');

    // Two opinions: the same diagnosis written differently, different treatments; question 2 answered once.
    await addOpinion(page, { by: 'Dr Local', first: true, diagnosis: 'Adenocarcinoma, stage IB', treatment: 'Lobectomy', answers: ['Yes', 'Yes, before surgery'] });
    await addOpinion(page, { by: 'Dr Second', diagnosis: 'adenocarcinoma   STAGE IB', treatment: 'Stereotactic radiotherapy', answers: ['No', ''] });
    const compare = page.locator('table.compare');
    await compare.waitFor();
    const markOf = (topic: string | RegExp) => compare.getByRole('row', { name: topic }).locator('.mark');
    expect(await markOf(/^Diagnosis/).textContent()).toMatch(/Agree/);
    expect(await markOf(/^Recommended treatment/).textContent()).toMatch(/Differ/);
    expect(await markOf(/^Do I need a PET scan first\?/).textContent()).toMatch(/Only one opinion/);
    await screenshotOf(page.locator('section[aria-labelledby="opinions-title"]'), 'journey-06-opinions');
    await screenshotOf(page.locator('#compare-title'), 'journey-06b-comparison');
    await expectAccessible(page, 'the opinions and their comparison');

    // Override a mark, then turn a difference into a question: focus lands on the new question.
    await page.getByLabel('Mark for Is surgery the right treatment?').selectOption('agree');
    await page.getByText('Mark saved.').waitFor();
    expect(await markOf(/^Is surgery the right treatment\?/).textContent()).toMatch(/Agree \(your mark\)/);
    await page.getByRole('button', { name: 'Ask about this: Recommended treatment' }).click();
    await page.getByLabel('Question 3', { exact: true }).waitFor();
    expect(await page.getByLabel('Question 3', { exact: true }).inputValue()).toMatch(/differ on recommended treatment.*Dr Local: “Lobectomy”; Dr Second: “Stereotactic radiotherapy”/);
    await expect.poll(() => activeId(page)).toBe('question-2');
    await screenshot(page, 'journey-06c-question-from-difference');

    // Export: the bundle carries the summary for the doctor.
    await page.getByRole('button', { name: 'Export bundle…' }).click();
    await page.getByRole('button', { name: 'Next: check contents' }).click();
    await page.getByText('USB stick or folder', { exact: true }).waitFor();
    const out = path.join(app.tmp, 'usb');
    mkdirSync(out);
    await chooseDestination(page, out);
    await screenshot(page, 'journey-07-export-preview');
    await page.getByRole('button', { name: 'Write the bundle' }).click();
    await page.getByRole('heading', { name: 'Bundle ready' }).or(page.getByRole('alert')).waitFor({ timeout: 60_000 });
    if (await page.getByRole('alert').count()) throw new Error(`export failed: ${await page.getByRole('alert').textContent()}`);
    await screenshot(page, 'journey-08-export-done');
    for (const f of ['INDEX.HTM', 'SUMMARY.PDF', 'FHIR/IPS.JSN']) expect(existsSync(path.join(out, f)), f).toBe(true);
    // What was entered in the app is what the doctor reads.
    const summary = await extractPdf(new Uint8Array(readFileSync(path.join(out, 'SUMMARY.PDF'))));
    const text = summary.kind === 'content' ? summary.text.replace(/\s+/g, ' ') : '';
    for (const expected of ['Jane Testperson', 'Metformin 500 mg tablet', 'Latex', 'Pathology slides (12, H&E)', '1Z999AA10123456784', 'jane@example.org', 'Which is right for me, and why?'])
      expect(text, expected).toContain(expected);
    expect(text).not.toContain('Appendicitis'); // dismissed
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'All cases' }).click();
    await page.locator('.case-card .status-badge', { hasText: /Records sent · appointment/ }).waitFor();
    await screenshot(page, 'journey-09-case-list');
    await expectAccessible(page, 'the case list');
  }, 180_000);
});
