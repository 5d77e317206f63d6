// Damaged and hostile files between good ones: the import never crashes; each bad file is skipped
// with a reason a person can act on, and the good ones still arrive.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { makeDicomInstance } from '../fixtures/dicom/instance.js';
import { makeEncryptedPdf, makeGarbagePdf, makePdf, truncatePdf } from '../fixtures/documents/pdf.js';
import { cliVault, type CliVault, type Listed, type Outcome } from './cli-vault.js';

let cli: CliVault;
let outcomes: Outcome[];
let listed: Listed[];
const byName = (name: string): Outcome => {
  const o = outcomes.find((x) => path.basename(x.path) === name);
  if (!o) throw new Error(`no outcome for ${name}`);
  return o;
};

beforeAll(async () => {
  cli = await cliVault('dossier-malformed-');
  const dir = path.join(cli.root, 'in');
  mkdirSync(dir);
  const good = makeDicomInstance({ rows: 16, columns: 16, studyDescription: 'GOOD CT' });
  const report = await makePdf({ pages: [['Radiology Report', 'FINDINGS: No nodules.', 'IMPRESSION: Normal study.']] });
  // Names sort so that bad files sit between good ones.
  writeFileSync(path.join(dir, 'a-good.dcm'), good);
  const nameAt = Buffer.from(good).indexOf('Doe^Jane');
  writeFileSync(path.join(dir, 'b-truncated.dcm'), good.slice(0, nameAt + 3)); // cut inside Patient's Name
  writeFileSync(path.join(dir, 'c-random.dcm'), randomBytes(4096));
  writeFileSync(path.join(dir, 'd-good-report.pdf'), report);
  writeFileSync(path.join(dir, 'e-truncated.pdf'), truncatePdf(await makePdf({ pages: [['Pathology report'], ['Page two']] })));
  writeFileSync(path.join(dir, 'f-garbage.pdf'), makeGarbagePdf());
  writeFileSync(path.join(dir, 'g-locked.pdf'), makeEncryptedPdf());
  writeFileSync(path.join(dir, 'h-random.pdf'), randomBytes(4096));
  writeFileSync(path.join(dir, 'i-good2.dcm'), makeDicomInstance({ rows: 16, columns: 16, studyDescription: 'SECOND CT' }));
  const result = cli.run(['import', dir, '--json']);
  expect(result.status, result.stderr).toBe(0);
  outcomes = JSON.parse(result.stdout) as Outcome[];
  listed = cli.list();
});

describe('malformed input', () => {
  it('skips a truncated DICOM file saying where it ends', () => {
    expect(byName('b-truncated.dcm')).toMatchObject({ status: 'skipped', skip: { code: 'truncated-dicom', where: 'inside-element', element: '(0010,0010)' } });
    expect(byName('b-truncated.dcm').reason).toMatch(/^truncated DICOM file \(ends inside element \(0010,0010\)/);
  });

  it('skips random bytes named .dcm as not DICOM', () => {
    expect(byName('c-random.dcm')).toMatchObject({ status: 'skipped' });
    expect(byName('c-random.dcm').reason).toMatch(/not a DICOM file/);
  });

  it('skips random bytes named .pdf as not a PDF', () => {
    expect(byName('h-random.pdf')).toMatchObject({ status: 'skipped' });
    expect(byName('h-random.pdf').reason).toMatch(/not a PDF/);
  });

  it('skips a truncated PDF and a garbage PDF with what is wrong', () => {
    expect(byName('e-truncated.pdf')).toEqual(expect.objectContaining({ status: 'skipped', reason: expect.stringMatching(/^damaged PDF: the file is truncated/) }));
    expect(byName('f-garbage.pdf')).toEqual(
      expect.objectContaining({ status: 'skipped', reason: 'damaged PDF: invalid structure (no readable cross-reference table or page tree)' }),
    );
  });

  it('imports the password-protected PDF with a note', () => {
    const locked = byName('g-locked.pdf');
    expect(locked.status).toBe('imported');
    const shown = cli.show(locked.recordId!);
    expect(shown.title).toBe('g-locked');
    expect(String(shown.metadata['note'])).toMatch(/password/i);
  });

  it('imports every good file around the bad ones', () => {
    for (const name of ['a-good.dcm', 'd-good-report.pdf', 'i-good2.dcm']) expect(byName(name).status, name).toBe('imported');
    expect(outcomes).toHaveLength(9);
    expect(outcomes.filter((o) => o.status === 'skipped')).toHaveLength(5);
    expect(listed.map((r) => r.title).sort()).toEqual(['GOOD CT', 'Radiology Report', 'SECOND CT', 'g-locked'].sort());
  });
});
