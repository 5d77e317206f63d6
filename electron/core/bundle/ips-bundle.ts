// FHIR/IPS.JSN: the patient's health summary as an International Patient Summary shaped FHIR R4
// document — a Bundle of type "document" whose first entry is the Composition, with the problems
// (LOINC 11450-4), medications (10160-0), allergies (48765-2) and procedures (47519-4) sections,
// each with a readable narrative and its entries (or a reason it is empty).
import { patientName } from './patients.js';
import { randomUUID } from 'node:crypto';
import { HEALTH_KINDS, type HealthKind } from '../../../shared/health.js';
import { HEALTH_KIND_WORDS, describeHealthDetails } from '../../../shared/words/health.js';
import { escapeHtml } from '../base/text-safety.js';
import { patientResource } from './fhir-bundle.js';
import { IPS_RESOURCE } from './ips-resources.js';
import type { BundleHealthItem, BundleInput } from './types.js';

type Json = Record<string, unknown>;

export const IPS_SECTIONS: Record<HealthKind, { loinc: string; display: string }> = {
  condition: { loinc: '11450-4', display: 'Problem list - Reported' },
  medication: { loinc: '10160-0', display: 'History of Medication use Narrative' },
  allergy: { loinc: '48765-2', display: 'Allergies and adverse reactions Document' },
  procedure: { loinc: '47519-4', display: 'History of Procedures Document' },
};

const LOINC = 'http://loinc.org';
const urn = (): string => `urn:uuid:${randomUUID()}`;

function narrative(items: BundleHealthItem[]): Json {
  const rows = items.map((i) => {
    const details = describeHealthDetails(i);
    return `<li>${escapeHtml(i.text)}${details ? ` — ${escapeHtml(details)}` : ''}${i.confirmed ? '' : ' (not yet confirmed by the patient)'}</li>`;
  });
  const body = rows.length ? `<ul>${rows.join('')}</ul>` : '<p>None noted by the patient.</p>';
  return { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${body}</div>` };
}

function section(kind: HealthKind, items: BundleHealthItem[], refs: string[]): Json {
  const code = IPS_SECTIONS[kind];
  return {
    title: HEALTH_KIND_WORDS[kind].heading,
    code: { coding: [{ system: LOINC, code: code.loinc, display: code.display }] },
    text: narrative(items),
    ...(refs.length
      ? { entry: refs.map((reference) => ({ reference })) }
      : { emptyReason: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/list-empty-reason', code: 'unavailable', display: 'Unavailable' }] } }),
  };
}

export function buildIpsBundle(input: BundleInput): Json {
  const items = input.health?.items ?? [];
  const patientUrl = urn();
  const deviceUrl = urn();
  const subject = { reference: patientUrl, display: patientName(input.patient) };
  const entries: Json[] = [];
  const sections = HEALTH_KINDS.map((kind) => {
    const ofKind = items.filter((i) => i.kind === kind);
    const refs = ofKind.map((item) => {
      const fullUrl = urn();
      entries.push({ fullUrl, resource: IPS_RESOURCE[kind](item, subject) });
      return fullUrl;
    });
    return section(kind, ofKind, refs);
  });
  const composition = {
    resourceType: 'Composition',
    status: 'final',
    type: { coding: [{ system: LOINC, code: '60591-5', display: 'Patient summary Document' }] },
    subject,
    date: input.createdAt.toISOString(),
    author: [{ reference: deviceUrl, display: `Dossier ${input.appVersion}` }],
    title: `Patient summary — ${patientName(input.patient)}`,
    confidentiality: 'N',
    section: sections,
  };
  const device = { resourceType: 'Device', deviceName: [{ name: 'Dossier (entered by the patient or their caregiver)', type: 'user-friendly-name' }], version: [{ value: input.appVersion }] };
  return {
    resourceType: 'Bundle',
    identifier: { system: 'urn:ietf:rfc:3986', value: urn() },
    type: 'document',
    timestamp: input.createdAt.toISOString(),
    entry: [{ fullUrl: urn(), resource: composition }, { fullUrl: patientUrl, resource: patientResource(input.patient) }, { fullUrl: deviceUrl, resource: device }, ...entries],
  };
}
