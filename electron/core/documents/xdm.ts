// IHE XDM metadata (IHE_XDM/SUBSETnn/METADATA.XML, an ebRIM SubmitObjectsRequest): what each
// document in the subset is, so an imported portal/CD export keeps its titles, dates and types.
import type { Identity, RecordType } from '../../../shared/domain.js';
import { typeOfCode } from './type-codes.js';
import { compactDateToIso } from './compact-date.js';
import { child, childrenNamed, parseXml, textOf, type XmlElement } from './xml.js';

export interface XdmDocumentMeta {
  /** File name relative to the SUBSET folder (the URI slot). */
  uri: string;
  title?: string;
  date?: string;
  institution?: string;
  type?: RecordType;
  mimeType?: string;
  identity?: Identity;
}

// Classification schemes of an XDS DocumentEntry (IHE ITI TF-3 4.2.5).
const SCHEME_AUTHOR = 'urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d';
const SCHEME_CLASS_CODE = 'urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a';
const SCHEME_TYPE_CODE = 'urn:uuid:f0306f51-975f-434e-a61c-c59651d33983';
const ID_SCHEME_PATIENT = 'urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427';

/** Parses METADATA.XML; throws an Error with a readable message when it is not XML. */
export function parseXdmMetadata(xml: string): XdmDocumentMeta[] {
  const root = parseXml(xml);
  const out: XdmDocumentMeta[] = [];
  for (const eo of descendants(root, 'ExtrinsicObject')) {
    const meta = documentEntry(eo);
    if (meta) out.push(meta);
  }
  return out;
}

function documentEntry(eo: XmlElement): XdmDocumentMeta | undefined {
  const uri = joinUri(slotValues(eo, 'URI'));
  if (!uri) return undefined; // without a URI the entry cannot be matched to a file
  const meta: XdmDocumentMeta = { uri };
  const title = localizedName(eo);
  if (title) meta.title = title;
  const date = compactDateToIso(slotValues(eo, 'creationTime')[0]) ?? compactDateToIso(slotValues(eo, 'serviceStartTime')[0]);
  if (date) meta.date = date;
  const classifications = childrenNamed(eo, 'Classification');
  const author = classifications.find((c) => c.attrs['classificationScheme'] === SCHEME_AUTHOR);
  const institution = firstComponent(slotValues(author, 'authorInstitution')[0]);
  if (institution) meta.institution = institution;
  const type =
    codeType(classifications.find((c) => c.attrs['classificationScheme'] === SCHEME_TYPE_CODE)) ??
    codeType(classifications.find((c) => c.attrs['classificationScheme'] === SCHEME_CLASS_CODE));
  if (type) meta.type = type;
  if (eo.attrs['mimeType']) meta.mimeType = eo.attrs['mimeType'];
  const identity = sourcePatient(eo);
  if (identity) meta.identity = identity;
  return meta;
}

function descendants(el: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const stack: XmlElement[] = [el];
  while (stack.length) {
    const cur = stack.pop()!;
    if (cur.name === name) found.push(cur);
    for (let i = cur.children.length - 1; i >= 0; i--) {
      const c = cur.children[i];
      if (c !== undefined && typeof c !== 'string') stack.push(c);
    }
  }
  return found;
}

function slotValues(el: XmlElement | undefined, name: string): string[] {
  const slot = childrenNamed(el, 'Slot').find((s) => s.attrs['name'] === name);
  return childrenNamed(child(slot, 'ValueList'), 'Value').map((v) => textOf(v)).filter(Boolean);
}

/** XDS.a split long URIs into numbered parts ("1|abc", "2|def"); XDM uses one plain value. */
function joinUri(values: string[]): string | undefined {
  if (values.length === 0) return undefined;
  const numbered = values.every((v) => /^\d+\|/.test(v));
  const uri = numbered
    ? values
        .map((v) => [parseInt(v, 10), v.slice(v.indexOf('|') + 1)] as const)
        .sort((a, b) => a[0] - b[0])
        .map(([, part]) => part)
        .join('')
    : values[0]!;
  return uri.replace(/\\/g, '/').replace(/^(\.\/)+/, '').trim() || undefined;
}

function localizedName(el: XmlElement | undefined): string | undefined {
  const ls = child(el, 'Name', 'LocalizedString');
  return ls?.attrs['value']?.trim() || undefined;
}

/** HL7 v2 composite → its first component, HL7 escapes left as they are. */
function firstComponent(value: string | undefined): string | undefined {
  return value?.split('^')[0]?.trim() || undefined;
}

function codeType(classification: XmlElement | undefined): RecordType | undefined {
  if (!classification) return undefined;
  const code = classification.attrs['nodeRepresentation'] ?? '';
  const byCode = typeOfCode(code);
  if (byCode) return byCode;
  const display = (localizedName(classification) ?? '').toLowerCase();
  if (/patholog|cytolog|histolog|biops/.test(display)) return 'pathology';
  if (/radiolog|imaging|\bct\b|\bmri?\b|x-?ray|ultrasound|mammogra/.test(display)) return 'radiology-report';
  if (/\blab|blood test/.test(display)) return 'lab';
  if (/discharge|treatment summary|summary of (care|episode)/.test(display)) return 'treatment-summary';
  if (/referral|letter|correspondence/.test(display)) return 'letter';
  if (/medication/.test(display)) return 'medication-list';
  return undefined;
}

/** sourcePatientInfo holds PID fields: PID-3 id, PID-5 name, PID-7 birth date, PID-8 sex. */
function sourcePatient(eo: XmlElement): Identity | undefined {
  const pid: Record<string, string> = {};
  for (const v of slotValues(eo, 'sourcePatientInfo')) {
    const m = /^PID-(\d+)\|(.*)$/.exec(v);
    if (m && pid[m[1]!] === undefined) pid[m[1]!] = m[2]!;
  }
  const identity: Identity = { source: 'xdm' };
  const nameParts = (pid['5'] ?? '').split('^');
  const family = nameParts[0]?.trim() ?? '';
  const given = nameParts[1]?.trim() ?? '';
  if (family || given) identity.name = `${family}^${given}`;
  const id = firstComponent(pid['3']) ?? firstComponent(patientIdFromExternalIdentifier(eo));
  if (id) identity.id = id;
  const birthDate = compactDateToIso(pid['7']);
  if (birthDate) identity.birthDate = birthDate;
  if (pid['8']?.trim()) identity.sex = pid['8'].trim();
  return identity.name || identity.id || identity.birthDate ? identity : undefined;
}

function patientIdFromExternalIdentifier(eo: XmlElement): string | undefined {
  return childrenNamed(eo, 'ExternalIdentifier').find((e) => e.attrs['identificationScheme'] === ID_SCHEME_PATIENT)?.attrs['value'];
}
