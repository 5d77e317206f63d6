import { describe, expect, it } from 'vitest';
import { SkipFile } from '../../electron/core/base/analysis.js';
import { analyzePdf, PASSWORD_NOTE } from '../../electron/core/documents/pdf.js';
import { makeEncryptedPdf, makeGarbagePdf, makePdf, truncatePdf } from '../fixtures/documents/pdf.js';

describe('analyzePdf', () => {
  it('keeps pages apart with form feeds so page 7 can be found', async () => {
    const pages = Array.from({ length: 9 }, (_, i) => [`Progress note page ${i + 1}`, 'Nothing remarkable today.']);
    pages[6] = ['Progress note page 7', 'The word zanzibarite appears only here.'];
    const bytes = await makePdf({ pages });
    const a = await analyzePdf({ name: 'notes.pdf', bytes });
    expect(a.pageCount).toBe(9);
    const chunks = (a.text ?? '').split('\f');
    expect(chunks).toHaveLength(9);
    expect(chunks[6]).toContain('zanzibarite');
    expect(chunks.filter((c) => c.includes('zanzibarite'))).toHaveLength(1);
    expect(chunks[0]).toBe('Progress note page 1\nNothing remarkable today.');
    // The caller's buffer is still usable (pdfjs transfers what it is given).
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(bytes[0]).toBe(0x25);
  });

  it('reads Info title, author and creation date', async () => {
    const bytes = await makePdf({
      pages: [['Some text']],
      title: 'Surgical Pathology Report',
      author: 'Dr. Ada Example',
      creationDate: new Date('2023-11-02T10:00:00Z'),
    });
    const a = await analyzePdf({ name: 'x.pdf', bytes });
    expect(a.title).toBe('Surgical Pathology Report');
    expect(a.metadata['author']).toBe('Dr. Ada Example');
    expect(a.metadata['creationDate']).toBe('2023-11-02');
    expect(a.date).toBe('2023-11-02'); // no date in the text: creation date is the fallback
    expect(a.dateGuessed).toBe(true);
    expect(a.type).toBe('pathology'); // from the title
    expect(a.format).toBe('pdf');
    expect(a.kind).toBe('document');
  });

  it('falls back to the first meaningful line, then the file name, for the title', async () => {
    const withText = await makePdf({ pages: [['12', 'CT Chest with contrast', 'Impression: clear']], title: 'untitled' });
    expect((await analyzePdf({ name: 'a.pdf', bytes: withText })).title).toBe('CT Chest with contrast');
    const blank = await makePdf({ pages: [[]] });
    const a = await analyzePdf({ name: 'scans/scan 0007.PDF', bytes: blank });
    expect(a.title).toBe('scan 0007');
    expect(a.type).toBe('other');
    expect(a.metadata['note']).toMatch(/No text layer/);
  });

  it('guesses type and date from the content', async () => {
    const bytes = await makePdf({
      pages: [
        ['Radiology Report', 'Patient: DOE^JANE   DOB: 01/02/1961', 'Exam date: March 5, 2024'],
        ['TECHNIQUE: CT of the chest with contrast.', 'FINDINGS: No nodules.', 'IMPRESSION: Normal study.'],
      ],
      creationDate: new Date('2024-04-01T00:00:00Z'),
    });
    const a = await analyzePdf({ name: 'r.pdf', bytes });
    expect(a.type).toBe('radiology-report');
    expect(a.typeGuessed).toBe(true);
    expect(a.date).toBe('2024-03-05');
  });

  it('imports a password-protected PDF with a note and no text', async () => {
    const a = await analyzePdf({ name: 'locked report.pdf', bytes: makeEncryptedPdf() });
    expect(a.metadata['note']).toBe(PASSWORD_NOTE);
    expect(a.text).toBeUndefined();
    expect(a.title).toBe('locked report');
    expect(a.type).toBe('other');
    expect(a.format).toBe('pdf');
  });

  it('skips damaged PDFs with a specific reason', async () => {
    const good = await makePdf({ pages: [['Hello world']] });
    await expect(analyzePdf({ name: 't.pdf', bytes: truncatePdf(good) })).rejects.toThrow(
      /damaged PDF: the file is truncated/,
    );
    const garbage = analyzePdf({ name: 'g.pdf', bytes: makeGarbagePdf() });
    await expect(garbage).rejects.toBeInstanceOf(SkipFile);
    await expect(garbage).rejects.toThrow('damaged PDF: invalid structure (no readable cross-reference table or page tree)');
    await expect(analyzePdf({ name: 'n.pdf', bytes: new TextEncoder().encode('hello') })).rejects.toThrow(
      /damaged PDF: no "%PDF-" header/,
    );
  });
});
