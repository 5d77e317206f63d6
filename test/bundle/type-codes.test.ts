// One record type ↔ LOINC code table for both directions: what the bundle writes (XDM classCode
// and typeCode, FHIR DocumentReference.type) the importers (XDM, FHIR, CDA) read back as the same
// type — for every type. The table is one code per type and one type per code.
import { describe, expect, it } from 'vitest';
import { RECORD_TYPES, type RecordType } from '../../shared/domain.js';
import { DOCUMENT_TYPE_CODES, typeOfCode } from '../../electron/core/documents/type-codes.js';
import { buildXdmMetadata } from '../../electron/core/bundle/xdm-metadata.js';
import { buildFhirBundle } from '../../electron/core/bundle/fhir-bundle.js';
import { planBundle } from '../../electron/core/bundle/plan.js';
import { type BundleFacts } from '../../electron/core/bundle/facts.js';
import { newUid } from '../../electron/core/base/ids.js';
import { parseXdmMetadata } from '../../electron/core/documents/xdm.js';
import { analyzeFhir } from '../../electron/core/documents/fhir.js';
import { analyzeCda } from '../../electron/core/documents/cda.js';
import { makeBundleInput, memorySource, fakePdf } from '../fixtures/bundle/input.js';
import { makeCda } from '../fixtures/documents/cda.js';

const facts = (): BundleFacts => ({ documents: new Map(), previews: new Map(), ids: { submissionSet: newUid(), source: newUid(), documents: new Map() }, viewerMissing: new Map() });

function oneDocument(type: RecordType) {
  const input = makeBundleInput({
    case: undefined,
    studies: [],
    documents: [{ recordId: 'r1', title: `A ${type} document`, type, date: '2024-03-02', mimeType: 'application/pdf', fileName: 'doc.pdf', source: memorySource(fakePdf('doc')) }],
  });
  return { input, plan: planBundle(input) };
}

describe('the type ↔ code table', () => {
  it('gives every type its own code', () => {
    const codes = RECORD_TYPES.map((t) => DOCUMENT_TYPE_CODES[t].code);
    expect(new Set(codes).size).toBe(RECORD_TYPES.length);
    for (const t of RECORD_TYPES) expect(typeOfCode(DOCUMENT_TYPE_CODES[t].code)).toBe(t);
  });

  it('reads other systems\' codes for the same types without taking another type\'s code', () => {
    expect(typeOfCode('60568-3')).toBe('pathology');
    expect(typeOfCode('34133-9')).toBe('treatment-summary');
    expect(typeOfCode('0000-0')).toBeUndefined();
  });
});

describe.each(RECORD_TYPES)('a document of type %s', (type) => {
  it('comes back as the same type from the XDM metadata', () => {
    const { input, plan } = oneDocument(type);
    const [doc] = parseXdmMetadata(buildXdmMetadata(input, plan, facts()));
    expect(doc?.type).toBe(type);
  });

  it('comes back as the same type from the FHIR bundle', async () => {
    const { input, plan } = oneDocument(type);
    const json = JSON.stringify(buildFhirBundle(input, plan, facts()));
    const a = await analyzeFhir({ name: 'BUNDLE.JSN', bytes: new TextEncoder().encode(json) });
    expect(a.type).toBe(type);
    expect(a.typeGuessed).toBe(false);
  });

  it('comes back as the same type from a CDA carrying its code', async () => {
    const { code, display } = DOCUMENT_TYPE_CODES[type];
    const a = await analyzeCda({ name: 'doc.xml', bytes: new TextEncoder().encode(makeCda({ loinc: code, loincName: display })) });
    expect(a.type).toBe(type);
  });
});
