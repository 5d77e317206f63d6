import { describe, expect, it } from 'vitest';
import { analyzeCda, looksLikeCda } from '../../electron/core/documents/cda.js';
import { SkipFile } from '../../electron/core/base/analysis.js';
import { makeBillionLaughsXml, makeCda } from '../fixtures/documents/cda.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('analyzeCda', () => {
  it('reads header fields, identity and section text', async () => {
    const xml = makeCda({ organization: 'Example General Hospital', custodian: 'Custodian Org' });
    expect(looksLikeCda(xml.slice(0, 400))).toBe(true);
    const a = await analyzeCda({ name: 'discharge.xml', bytes: enc(xml) });
    expect(a.format).toBe('cda');
    expect(a.kind).toBe('document');
    expect(a.title).toBe('Discharge Summary');
    expect(a.date).toBe('2024-03-05');
    expect(a.dateGuessed).toBe(false);
    expect(a.institution).toBe('Example General Hospital');
    expect(a.identity).toEqual({ source: 'cda', name: 'Testperson^Jane', id: 'MRN-000123', birthDate: '1961-01-02', sex: 'F' });
    expect(a.type).toBe('treatment-summary');
    expect(a.typeGuessed).toBe(false);
    expect(a.text).toContain('Hospital Course');
    expect(a.text).toContain('Admitted for elective resection. Recovery uneventful.');
    expect(a.text).toContain('Paracetamol 500 mg');
    expect(a.metadata['documentCode']).toBe('18842-5');
  });

  it('falls back to the custodian for the institution', async () => {
    const a = await analyzeCda({ name: 'x.xml', bytes: enc(makeCda({ custodian: 'Custodian Clinic' })) });
    expect(a.institution).toBe('Custodian Clinic');
  });

  it.each([
    ['18842-5', 'treatment-summary'],
    ['11526-1', 'pathology'],
    ['18748-4', 'radiology-report'],
    ['11502-2', 'lab'],
    ['34133-9', 'treatment-summary'],
    ['57133-1', 'letter'],
    ['10160-0', 'medication-list'],
  ])('maps LOINC %s to %s', async (loinc, type) => {
    const a = await analyzeCda({ name: 'x.xml', bytes: enc(makeCda({ loinc })) });
    expect(a.type).toBe(type);
    expect(a.typeGuessed).toBe(false);
  });

  it('guesses the type from the text for an unknown code, and titles from the code name', async () => {
    const xml = makeCda({
      loinc: '99999-9',
      loincName: 'Consult note',
      title: '',
      sections: [
        { title: 'Specimen', text: 'Left breast core biopsy.' },
        { title: 'Gross Description', text: 'Three cores.' },
        { title: 'Microscopic Description', text: 'Invasive ductal carcinoma.' },
      ],
    });
    const a = await analyzeCda({ name: 'x.xml', bytes: enc(xml) });
    expect(a.type).toBe('pathology');
    expect(a.typeGuessed).toBe(true);
    expect(a.title).toBe('Consult note');
  });

  it('does not expand entities (billion laughs, external entity)', async () => {
    const xml = makeBillionLaughsXml();
    const started = Date.now();
    const a = await analyzeCda({ name: 'bomb.xml', bytes: enc(xml) });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(a.text ?? '').not.toContain('lollol');
    expect(a.text ?? '').not.toContain('root:');
    expect((a.text ?? '').length).toBeLessThan(1000);
  });

  it('skips XML that is not a CDA document', async () => {
    const p = analyzeCda({ name: 'x.xml', bytes: enc('<?xml version="1.0"?><note><to>x</to></note>') });
    await expect(p).rejects.toBeInstanceOf(SkipFile);
    await expect(p).rejects.toThrow('not a CDA document: the root element is <note>');
    await expect(analyzeCda({ name: 'e.xml', bytes: enc('   ') })).rejects.toThrow(/unreadable CDA document/);
  });
});
