import { describe, expect, it } from 'vitest';
import { parseXdmMetadata } from '../../electron/core/documents/xdm.js';
import { makeXdmMetadataXml, SAMPLE_XDM_DOCS } from '../fixtures/documents/xdm.js';

describe('parseXdmMetadata', () => {
  it('reads every document entry of a METADATA.XML', () => {
    const docs = parseXdmMetadata(makeXdmMetadataXml(SAMPLE_XDM_DOCS));
    expect(docs).toHaveLength(2);
    expect(docs[0]).toEqual({
      uri: 'DOC00001.PDF',
      title: 'Pathology report, left breast biopsy',
      date: '2024-02-12',
      institution: 'Example General Hospital',
      type: 'pathology',
      mimeType: 'application/pdf',
      identity: { source: 'xdm', name: 'Testperson^Jane', id: 'MRN-000123', birthDate: '1961-01-02', sex: 'F' },
    });
    // Split URI parts are re-joined in order; the typeCode's display name decides the type.
    expect(docs[1]!.uri).toBe('DOC00002.XML');
    expect(docs[1]!.institution).toBe('Example & Sons Clinic');
    expect(docs[1]!.type).toBe('radiology-report');
    expect(docs[1]!.date).toBe('2024-03-05');
  });

  it('falls back to the class code when the type code says nothing', () => {
    const [doc] = parseXdmMetadata(
      makeXdmMetadataXml([{ ...SAMPLE_XDM_DOCS[1]!, typeCode: ['X', 'Misc'], classCode: ['57133-1', 'Referral note'] }]),
    );
    expect(doc!.type).toBe('letter');
  });

  it('returns nothing for metadata without documents, and throws on non-XML', () => {
    expect(parseXdmMetadata(makeXdmMetadataXml([]))).toEqual([]);
    expect(() => parseXdmMetadata('')).toThrow(/no root element/);
  });
});
