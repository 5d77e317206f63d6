// IHE_XDM/SUBSET01/METADATA.XML: an ebRIM 3.0 SubmitObjectsRequest (IHE ITI TF-3 §4.2) with one
// SubmissionSet and one DocumentEntry per document, so XDM-aware systems import the documents
// with their titles, types, dates, hashes and the patient's demographics.
import { DOCUMENT_TYPE_CODES, LOINC_OID as LOINC } from '../documents/type-codes.js';
import type { RecordType } from '../../../shared/domain.js';
import type { BundleFacts } from './facts.js';
import type { BundlePlan } from './plan.js';
import { escapeHtml as x } from '../base/text-safety.js';
import type { BundleInput, BundlePatient } from './types.js';
import { patientAt, severalPatients } from './patients.js';
import { formatPersonName } from '../../../shared/person-name.js';

// Fixed ITI TF-3 identifiers (classification schemes, object types, external identifier schemes).
const DOCUMENT_ENTRY_TYPE = 'urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1';
const SCHEME = {
  author: 'urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d',
  classCode: 'urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a',
  typeCode: 'urn:uuid:f0306f51-975f-434e-a61c-c59651d33983',
  formatCode: 'urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d',
  confidentialityCode: 'urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f',
  entryUniqueId: 'urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab',
  submissionSet: 'urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd',
  setAuthor: 'urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d',
  contentTypeCode: 'urn:uuid:aa543740-bdda-424e-8c96-df4873be8500',
  setUniqueId: 'urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8',
  setSourceId: 'urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832',
} as const;


export function buildXdmMetadata(input: BundleInput, plan: BundlePlan, facts: BundleFacts): string {
  const setId = 'urn:uuid:' + uuidFromOid(facts.ids.submissionSet);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<lcm:SubmitObjectsRequest xmlns:lcm="urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0" ' +
      'xmlns:rim="urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0">',
    '<rim:RegistryObjectList>',
  ];
  plan.documents.forEach((planned, i) => {
    const d = planned.document;
    // Among several patients, a document that names none gets no patient rather than a guessed one.
    const patientInfo = severalPatients(input) && d.patientIndex === undefined ? [] : sourcePatientInfo(patientAt(input, d.patientIndex));
    const id = `Document${String(i + 1).padStart(5, '0')}`;
    const hash = facts.documents.get(planned.path);
    const uniqueId = facts.ids.documents.get(planned.path) ?? '';
    const { code, display: codeName } = DOCUMENT_TYPE_CODES[d.type];
    const fileName = planned.path.split('/').pop() ?? planned.path;
    out.push(
      `<rim:ExtrinsicObject id="${id}" mimeType="${x(d.mimeType)}" objectType="${DOCUMENT_ENTRY_TYPE}">`,
      slot('creationTime', [dtm(d.date) ?? dtm(input.createdAt.toISOString())!]),
      slot('hash', [hash?.sha1Hex ?? '']),
      slot('size', [String(hash?.size ?? d.source.size)]),
      slot('URI', [fileName]),
      slot('languageCode', ['en-US']),
      ...(patientInfo.length > 0 ? [slot('sourcePatientInfo', patientInfo)] : []),
      name(d.title),
      classification(SCHEME.author, id, '', [['authorInstitution', [d.institution ?? 'Unknown']], ['authorPerson', ['^Patient-provided']]]),
      coded(SCHEME.classCode, id, code, codeName, LOINC),
      coded(SCHEME.typeCode, id, code, codeName, LOINC),
      coded(SCHEME.formatCode, id, 'urn:ihe:iti:xds:2017:mimeTypeSufficient', 'Format from mimeType', '1.3.6.1.4.1.19376.1.2.3'),
      coded(SCHEME.confidentialityCode, id, 'N', 'Normal', '2.16.840.1.113883.5.25'),
      externalId(SCHEME.entryUniqueId, id, uniqueId, 'XDSDocumentEntry.uniqueId'),
      '</rim:ExtrinsicObject>',
    );
  });

  const caseTitle = input.case?.title ?? 'Second-opinion records';
  out.push(
    `<rim:RegistryPackage id="${setId}" objectType="urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:RegistryPackage">`,
    slot('submissionTime', [dtm(input.createdAt.toISOString())!]),
    name(caseTitle),
    ...(input.case?.question ? [`<rim:Description><rim:LocalizedString value="${x(input.case.question)}"/></rim:Description>`] : []),
    classification(SCHEME.setAuthor, setId, '', [['authorPerson', [`^${formatPersonName(input.patient.name)}`]], ['authorRole', ['Patient']]]),
    coded(SCHEME.contentTypeCode, setId, '34133-9', 'Summary of episode note', LOINC),
    externalId(SCHEME.setUniqueId, setId, facts.ids.submissionSet, 'XDSSubmissionSet.uniqueId'),
    externalId(SCHEME.setSourceId, setId, facts.ids.source, 'XDSSubmissionSet.sourceId'),
    '</rim:RegistryPackage>',
    `<rim:Classification id="SubmissionSetClassification" classifiedObject="${setId}" classificationNode="${SCHEME.submissionSet}"/>`,
  );
  plan.documents.forEach((_, i) => {
    const id = `Document${String(i + 1).padStart(5, '0')}`;
    out.push(
      `<rim:Association id="Association${String(i + 1).padStart(5, '0')}" ` +
        `associationType="urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember" sourceObject="${setId}" targetObject="${id}">`,
      slot('SubmissionSetStatus', ['Original']),
      '</rim:Association>',
    );
  });
  out.push('</rim:RegistryObjectList>', '</lcm:SubmitObjectsRequest>', '');
  return out.join('\n');
}

function slot(slotName: string, values: string[]): string {
  const list = values.map((v) => `<rim:Value>${x(v)}</rim:Value>`).join('');
  return `<rim:Slot name="${x(slotName)}"><rim:ValueList>${list}</rim:ValueList></rim:Slot>`;
}

function name(value: string): string {
  return `<rim:Name><rim:LocalizedString value="${x(value)}"/></rim:Name>`;
}

let classificationCounter = 0;
function classification(scheme: string, object: string, node: string, slots: [string, string[]][]): string {
  classificationCounter += 1;
  return (
    `<rim:Classification id="cl${classificationCounter}" classificationScheme="${scheme}" classifiedObject="${object}" nodeRepresentation="${x(node)}">` +
    slots.map(([n, v]) => slot(n, v)).join('') +
    '</rim:Classification>'
  );
}

function coded(scheme: string, object: string, code: string, display: string, codingScheme: string): string {
  classificationCounter += 1;
  return (
    `<rim:Classification id="cl${classificationCounter}" classificationScheme="${scheme}" classifiedObject="${object}" nodeRepresentation="${x(code)}">` +
    slot('codingScheme', [codingScheme]) +
    name(display) +
    '</rim:Classification>'
  );
}

function externalId(scheme: string, object: string, value: string, label: string): string {
  return (
    `<rim:ExternalIdentifier id="ei${++classificationCounter}" identificationScheme="${scheme}" registryObject="${object}" value="${x(value)}">` +
    name(label) +
    '</rim:ExternalIdentifier>'
  );
}

/** HL7 v2 PID fields as XDM sourcePatientInfo values. */
function sourcePatientInfo(p: BundlePatient): string[] {
  const values: string[] = [];
  if (p.id) values.push(`PID-3|${hl7Escape(p.id)}`);
  values.push(`PID-5|${hl7Escape(p.dicomName ?? p.name)}`);
  const birth = dtm(p.birthDate);
  if (birth) values.push(`PID-7|${birth.slice(0, 8)}`);
  if (p.sex) values.push(`PID-8|${hl7Escape(p.sex.slice(0, 1).toUpperCase())}`);
  return values;
}

/** Keeps "^" (component separator) for DICOM-style names; removes the other HL7 delimiters. */
function hl7Escape(value: string): string {
  return value.replace(/[|~\\&\r\n]/g, ' ');
}

/** ISO date/time → HL7 DTM (YYYYMMDD[hhmmss]), UTC; null when not a date. */
function dtm(value: string | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?/.exec(value);
  if (!m) return null;
  return `${m[1]}${m[2]}${m[3]}${m[4] ? `${m[4]}${m[5]}${m[6]}` : ''}`;
}

/** The UUID behind a 2.25 OID, for the submission set's entryUUID. */
function uuidFromOid(oid: string): string {
  const hex = BigInt(oid.replace(/^2\.25\./, '')).toString(16).padStart(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
