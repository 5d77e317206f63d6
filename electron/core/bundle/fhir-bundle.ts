// FHIR/BUNDLE.JSN: a FHIR R4 Bundle (type "collection") for systems that import FHIR: the Patient,
// one DocumentReference per document (pointing at the file by relative URL, with its SHA-1),
// one ImagingStudy per study, and the case question + the patient's questions as a Communication
// (a message from the patient to the provider — what the question list is).
import { DOCUMENT_TYPE_CODES, LOINC_SYSTEM } from '../documents/type-codes.js';
import { randomUUID } from 'node:crypto';
import type { BundleFacts } from './facts.js';
import { isoDate } from './timeline.js';
import type { BundlePlan } from './plan.js';
import type { BundleInput, BundlePatient } from './types.js';
import { severalPatients } from './patients.js';
import { formatPersonName } from '../../../shared/person-name.js';

type Json = Record<string, unknown>;

type Subject = (patientIndex: number | undefined) => { subject?: Json };
type PlannedDocument = BundlePlan['documents'][number];
type PlannedStudy = BundlePlan['studies'][number];

const entry = (resource: Json): Json => ({ fullUrl: `urn:uuid:${randomUUID()}`, resource });

export function buildFhirBundle(input: BundleInput, plan: BundlePlan, facts: BundleFacts): Json {
  // One Patient per patient of the bundle; each document and study points at its own.
  const patients = (severalPatients(input) ?? [input.patient]).map((p) => ({ url: `urn:uuid:${randomUUID()}`, patient: p }));
  const several = severalPatients(input) !== null;
  const refTo = (p: (typeof patients)[number]) => ({ reference: p.url, display: formatPersonName(p.patient.name) });
  // A record that names no patient, among several: no subject rather than a guessed one.
  const subject: Subject = (index) => {
    const p = several ? (index === undefined ? undefined : patients[index]) : patients[0];
    return p ? { subject: refTo(p) } : {};
  };
  const entries: Json[] = [
    ...patients.map((p) => ({ fullUrl: p.url, resource: patientResource(p.patient) })),
    ...plan.documents.map((d) => entry(documentReference(d, input, facts, subject))),
    ...plan.studies.map((s) => entry(imagingStudy(s, subject))),
    ...(input.case ? [entry(questionsCommunication(input.case, input.createdAt, refTo(patients[0]!)))] : []),
  ];
  return { resourceType: 'Bundle', type: 'collection', timestamp: input.createdAt.toISOString(), entry: entries };
}

/** A document: its LOINC type, the file by relative URL with size and SHA-1, its date. */
function documentReference(planned: PlannedDocument, input: BundleInput, facts: BundleFacts, subject: Subject): Json {
  const d = planned.document;
  const hash = facts.documents.get(planned.path);
  const { code, display } = DOCUMENT_TYPE_CODES[d.type];
  const uniqueId = facts.ids.documents.get(planned.path);
  const date = isoDate(d.date);
  const attachment = {
    contentType: d.mimeType,
    url: planned.path,
    size: hash?.size ?? d.source.size,
    ...(hash ? { hash: Buffer.from(hash.sha1Hex, 'hex').toString('base64') } : {}),
    title: d.title,
    ...(date ? { creation: date } : {}),
  };
  return {
    resourceType: 'DocumentReference',
    ...(uniqueId ? { masterIdentifier: { system: 'urn:ietf:rfc:3986', value: `urn:oid:${uniqueId}` } } : {}),
    status: 'current',
    type: { coding: [{ system: LOINC_SYSTEM, code, display }], text: display },
    ...subject(d.patientIndex),
    date: input.createdAt.toISOString(),
    description: d.title,
    ...(d.institution ? { custodian: { display: d.institution } } : {}),
    content: [{ attachment }],
    ...(date ? { context: { period: { start: date } } } : {}),
  };
}

/** A study with its series and instances, by their DICOM UIDs. */
function imagingStudy({ study, series }: PlannedStudy, subject: Subject): Json {
  const date = isoDate(study.date);
  return {
    resourceType: 'ImagingStudy',
    identifier: [{ system: 'urn:dicom:uid', value: `urn:oid:${study.studyInstanceUID}` }],
    status: 'available',
    ...subject(study.patientIndex),
    ...(date ? { started: date } : {}),
    ...(study.description ? { description: study.description } : {}),
    numberOfSeries: series.length,
    numberOfInstances: series.reduce((n, s) => n + s.instances.length, 0),
    series: series.map(({ series: s, instances }) => ({
      uid: s.seriesInstanceUID,
      ...(s.number !== undefined ? { number: s.number } : {}),
      modality: { system: 'http://dicom.nema.org/resources/ontology/DCM', code: s.modality },
      ...(s.description ? { description: s.description } : {}),
      numberOfInstances: instances.length,
      instance: instances.map(({ instance: i }) => ({
        uid: i.sopInstanceUID,
        sopClass: { system: 'urn:ietf:rfc:3986', code: `urn:oid:${i.sopClassUID}` },
        ...(i.instanceNumber !== undefined ? { number: i.instanceNumber } : {}),
      })),
    })),
  };
}

/** The case question and the patient's questions: a message from the patient to the provider. */
function questionsCommunication(c: NonNullable<BundleInput['case']>, createdAt: Date, patientRef: Json): Json {
  const recipient = [c.provider?.name, c.provider?.institution].filter(Boolean).join(', ');
  return {
    resourceType: 'Communication',
    status: 'completed',
    subject: patientRef,
    sender: patientRef,
    ...(recipient ? { recipient: [{ display: recipient }] } : {}),
    sent: createdAt.toISOString(),
    topic: { text: c.title },
    payload: [{ contentString: c.question }, ...c.questions.map((q, i) => ({ contentString: `Question ${i + 1}: ${q}` }))],
  };
}

/** The Patient resource both FHIR files carry (one per patient in FHIR/BUNDLE.JSN). */
export function patientResource(p: BundlePatient): Json {
  const gender = fhirGender(p.sex);
  const birthDate = isoDate(p.birthDate);
  return {
    resourceType: 'Patient',
    ...(p.id ? { identifier: [{ value: p.id }] } : {}),
    name: [humanName(p.dicomName ?? p.name)],
    ...(gender ? { gender } : {}),
    ...(birthDate ? { birthDate } : {}),
  };
}

/** FHIR HumanName: the readable text (shared formatter) and, from a DICOM PN, its coded parts. */
function humanName(name: string): Json {
  const text = formatPersonName(name);
  if (!name.includes('^')) return { text };
  const [family, given, middle] = (name.split('=')[0] ?? '').split('^').map((c) => c.trim());
  const givens = [given, middle].filter((g): g is string => Boolean(g));
  return { text, ...(family ? { family } : {}), ...(givens.length > 0 ? { given: givens } : {}) };
}

function fhirGender(sex: string | undefined): string | null {
  switch (sex?.trim().toUpperCase().slice(0, 1)) {
    case 'F':
      return 'female';
    case 'M':
      return 'male';
    case 'O':
      return 'other';
    default:
      return sex ? 'unknown' : null;
  }
}
