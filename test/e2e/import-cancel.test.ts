// Stopping an import from the progress panel, on the real core service behind the browser host:
// after a few progress updates "Stop importing" calls import.cancel; the panel then says how many
// files were added and that the rest were not, and every record added before the stop stays listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../fixtures/documents/pdf.js';
import { checkScreen, createVaultThroughUi, dropFiles, isLoopbackUrl, screenshotOf, startHostedApp, type DropFile, type HostedApp } from './harness.js';

const PASS = 'quiet lantern over the harbour';
/** Enough files that the import is still running when the stop arrives. */
const FILES = 160;
/** Progress updates seen on screen before stopping: counted, never timed. */
const STOP_AFTER = 5;
let app: HostedApp;

beforeAll(async () => {
  app = await startHostedApp('dossier-e2e-cancel-');
});
afterAll(async () => {
  await app?.close();
});

async function letters(): Promise<DropFile[]> {
  const out: DropFile[] = [];
  for (let i = 1; i <= FILES; i++) {
    const pdf = await makePdf({ title: `Letter ${i}`, pages: [[`CLINIC LETTER ${i}`, `Patient: Doe, Jane`, `Follow-up visit number ${i}`]] });
    out.push({ path: `letter-${String(i).padStart(3, '0')}.pdf`, base64: Buffer.from(pdf).toString('base64'), type: 'application/pdf' });
  }
  return out;
}

describe('stopping an import', () => {
  it('stops after a few progress updates, says what was added, and keeps it', async () => {
    const page = app.session.page;
    await createVaultThroughUi(page, PASS);
    await page.getByText('No records yet').waitFor();
    const drop = await letters();

    // Every distinct progress line the panel shows is counted in the page as it is drawn.
    await page.evaluate(() => {
      const seen = new Set<string>();
      (window as unknown as { progressLines: Set<string> }).progressLines = seen;
      new MutationObserver(() => {
        const line = document.querySelector('.import-panel progress + p')?.textContent ?? '';
        if (/ of [\d,]+ files — /.test(line)) seen.add(line);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await dropFiles(page, drop);
    await page.getByRole('heading', { name: 'Adding your records…' }).waitFor({ timeout: 30_000 });
    await page.waitForFunction((n) => (window as unknown as { progressLines: Set<string> }).progressLines.size >= n, STOP_AFTER, { timeout: 60_000 });
    const stop = page.getByRole('button', { name: 'Stop importing' });
    await screenshotOf(page.locator('.import-panel'), 'cancel-01-running');
    await stop.click({ timeout: 10_000 });

    await page.getByRole('heading', { name: 'Import stopped' }).waitFor({ timeout: 60_000 });
    const said = (await page.locator('.import-stopped').textContent()) ?? '';
    const match = /You stopped the import: ([\d,]+) files? (?:was|were) added and (?:is|are) kept\. The other ([\d,]+ )?files? (?:was|were) not added/.exec(said);
    expect(match, said).not.toBeNull();
    const added = Number(match![1]!.replace(/,/g, ''));
    const rest = match![2] === undefined ? 1 : Number(match![2].replace(/,/g, ''));
    expect(added).toBeGreaterThan(0);
    expect(added + rest).toBe(FILES);
    expect(rest).toBeGreaterThan(0);
    await checkScreen(page, 'cancel-02-stopped');

    // What was added before the stop is in the library, every record of it, after the panel closes.
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByText(added === 1 ? '1 record' : `${added} records`, { exact: true }).waitFor();
    expect(await page.locator('.record-card').count()).toBeGreaterThan(0);

    // They are in the vault, not just on screen: locked and opened again, the same records are there.
    await page.getByRole('button', { name: 'Lock Dossier' }).click();
    await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByText(added === 1 ? '1 record' : `${added} records`, { exact: true }).waitFor();
    expect(app.session.requests.filter((u) => !isLoopbackUrl(u))).toEqual([]);
  }, 120_000);
});
