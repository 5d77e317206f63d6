// FHIR/BUNDLE.JSN: a FHIR R4 Bundle (type "collection") for systems that import FHIR: the Patient,
// one DocumentReference per document (pointing at the file by relative URL, with its SHA-1),
// one ImagingStudy per study, and the case question + the patient's questions as a Communication
// (a message from the patient to the provider — what the question list is).
import { LOINC_BY_TYPE, LOINC_SYSTEM } from './loinc-types.js';
import { randomUUID } from 'node:crypto';
import type { BundleFacts } from './facts.js';
import { isoDate } from './timeline.js';
import type { BundlePlan } from './plan.js';
import type { BundleInput } from './types.js';


type Json = Record<string, unknown>;

export function buildFhirBundle(input: BundleInput, plan: BundlePlan, facts: BundleFacts): Json {
  const entries: Json[] = [];
  const patientUrl = `urn:uuid:${randomUUID()}`;
  const patientRef = { reference: patientUrl, display: input.patient.name };
  entries.push({ fullUrl: patientUrl, resource: patientResource(input) });

  for (const planned of plan.documents) {
    const d = planned.document;
    const hash = facts.documents.get(planned.path);
    const [code, display] = LOINC_BY_TYPE[d.type];
    const uniqueId = facts.ids.documents.get(planned.path);
    const date = isoDate(d.date);
    entries.push({
      fullUrl: `urn:uuid:${randomUUID()}`,
      resource: {
        resourceType: 'DocumentReference',
        ...(uniqueId ? { masterIdentifier: { system: 'urn:ietf:rfc:3986', value: `urn:oid:${uniqueId}` } } : {}),
        status: 'current',
        type: { coding: [{ system: LOINC_SYSTEM, code, display }], text: display },
        subject: patientRef,
        date: input.createdAt.toISOString(),
        description: d.title,
        ...(d.institution ? { custodian: { display: d.institution } } : {}),
        content: [
          {
            attachment: {
              contentType: d.mimeType,
              url: planned.path,
              size: hash?.size ?? d.source.size,
              ...(hash ? { hash: Buffer.from(hash.sha1Hex, 'hex').toString('base64') } : {}),
              title: d.title,
              ...(date ? { creation: date } : {}),
            },
          },
        ],
        ...(date ? { context: { period: { start: date } } } : {}),
      },
    });
  }

  for (const { study, series } of plan.studies) {
    const date = isoDate(study.date);
    entries.push({
      fullUrl: `urn:uuid:${randomUUID()}`,
      resource: {
        resourceType: 'ImagingStudy',
        identifier: [{ system: 'urn:dicom:uid', value: `urn:oid:${study.studyInstanceUID}` }],
        status: 'available',
        subject: patientRef,
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
      },
    });
  }

  if (input.case) {
    const c = input.case;
    const recipient = [c.provider?.name, c.provider?.institution].filter(Boolean).join(', ');
    entries.push({
      fullUrl: `urn:uuid:${randomUUID()}`,
      resource: {
        resourceType: 'Communication',
        status: 'completed',
        subject: patientRef,
        sender: patientRef,
        ...(recipient ? { recipient: [{ display: recipient }] } : {}),
        sent: input.createdAt.toISOString(),
        topic: { text: c.title },
        payload: [
          { contentString: c.question },
          ...c.questions.map((q, i) => ({ contentString: `Question ${i + 1}: ${q}` })),
        ],
      },
    });
  }

  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: input.createdAt.toISOString(),
    entry: entries,
  };
}

/** The Patient resource both FHIR files carry. */
export function patientResource(input: BundleInput): Json {
  const p = input.patient;
  const gender = fhirGender(p.sex);
  const birthDate = isoDate(p.birthDate);
  return {
    resourceType: 'Patient',
    ...(p.id ? { identifier: [{ value: p.id }] } : {}),
    name: [dicomNameToFhir(p.dicomName) ?? { text: p.name }],
    ...(gender ? { gender } : {}),
    ...(birthDate ? { birthDate } : {}),
  };
}

function dicomNameToFhir(pn: string | undefined): Json | null {
  if (!pn) return null;
  const [family, given, middle, prefix, suffix] = pn.split('=')[0]!.split('^');
  const givens = [given, middle].filter((g): g is string => Boolean(g));
  return {
    text: [prefix, ...givens, family, suffix].filter(Boolean).join(' '),
    ...(family ? { family } : {}),
    ...(givens.length > 0 ? { given: givens } : {}),
  };
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
