// HL7 C-CDA analyzer: header fields (title, date, author organisation, patient) and the text of
// every section. The document's LOINC code says its type when it is one we know.
import type { Identity } from '../../../shared/domain.js';
import { SkipFile, type Analysis, type Analyzer, type EmbeddedFile } from '../base/analysis.js';
import { cdaHealthFacts } from './cda-health.js';
import { guessRecordType } from './classify.js';
import { typeOfCode } from './type-codes.js';
import { compactDateToIso } from './compact-date.js';
import { extensionForMediaType } from './media-types.js';
import { decodeText } from './text-decode.js';
import { clipTitle, fileStem } from './titles.js';
import { child, childrenNamed, parseXml, textOf, type XmlElement } from './xml.js';

/** A ClinicalDocument root in the HL7 v3 namespace, judged from the start of the file. */
export function looksLikeCda(head: string): boolean {
  return /<(?:[\w.-]+:)?ClinicalDocument[\s>]/.test(head) && head.includes('urn:hl7-org:v3');
}

export const analyzeCda: Analyzer = async ({ name, bytes }) => {
  let root: XmlElement;
  try {
    root = parseXml(decodeText(bytes).text);
  } catch (err) {
    throw new SkipFile({ code: 'unreadable-cda', detail: err instanceof Error ? err.message : String(err) });
  }
  if (root.name !== 'ClinicalDocument') {
    throw new SkipFile({ code: 'not-cda', root: root.name });
  }
  const code = child(root, 'code');
  const loinc = code?.attrs['code'];
  const text = sectionsText(root);
  const title = clipTitle(textOf(child(root, 'title'))) || code?.attrs['displayName'] || fileStem(name);
  const codedType = loinc ? typeOfCode(loinc) : undefined;
  const date = compactDateToIso(child(root, 'effectiveTime')?.attrs['value']);
  const embedded = nonXmlBody(root);
  const health = cdaHealthFacts(root);
  return {
    format: 'cda',
    kind: 'document',
    type: codedType ?? guessRecordType(text, title),
    typeGuessed: codedType === undefined,
    title,
    date,
    // The header's effectiveTime is the document's own statement of its date.
    dateGuessed: date === undefined,
    institution: institution(root),
    identity: patientIdentity(root),
    text,
    metadata: definedOnly({
      documentCode: loinc,
      documentCodeSystem: code?.attrs['codeSystem'],
      documentCodeName: code?.attrs['displayName'],
      documentId: child(root, 'id')?.attrs['extension'] ?? child(root, 'id')?.attrs['root'],
    }),
    ...(health.length ? { health } : {}),
    ...(embedded.length ? { embedded } : {}),
  };
};

export function institution(root: XmlElement): string | undefined {
  for (const author of childrenNamed(root, 'author')) {
    const org = textOf(child(author, 'assignedAuthor', 'representedOrganization', 'name'));
    if (org) return org;
  }
  const custodian = textOf(
    child(root, 'custodian', 'assignedCustodian', 'representedCustodianOrganization', 'name'),
  );
  return custodian || undefined;
}

export function patientIdentity(root: XmlElement): Identity | undefined {
  const role = child(root, 'recordTarget', 'patientRole');
  if (!role) return undefined;
  const patient = child(role, 'patient');
  const nameEl = childrenNamed(patient, 'name')[0];
  const family = textOf(child(nameEl, 'family'));
  const given = textOf(child(nameEl, 'given'));
  const name = family || given ? `${family}^${given}` : textOf(nameEl) || undefined;
  const ids = childrenNamed(role, 'id');
  const id = ids.map((el) => el.attrs['extension']).find((x) => x) ?? undefined;
  const identity: Identity = { source: 'cda' };
  if (name) identity.name = name;
  if (id) identity.id = id;
  const birthDate = compactDateToIso(child(patient, 'birthTime')?.attrs['value']);
  if (birthDate) identity.birthDate = birthDate;
  const sex = child(patient, 'administrativeGenderCode')?.attrs['code'];
  if (sex) identity.sex = sex;
  return identity.name || identity.id || identity.birthDate ? identity : undefined;
}

/** Section titles and narrative, nested sections included, in document order. */
function sectionsText(root: XmlElement): string {
  const out: string[] = [];
  const walkSection = (section: XmlElement): void => {
    const title = textOf(child(section, 'title'));
    const body = textOf(child(section, 'text'));
    if (title) out.push(title);
    if (body) out.push(body);
    for (const comp of childrenNamed(section, 'component')) {
      const sub = child(comp, 'section');
      if (sub) walkSection(sub);
    }
  };
  const body = child(root, 'component', 'structuredBody');
  for (const comp of childrenNamed(body, 'component')) {
    const section = child(comp, 'section');
    if (section) walkSection(section);
  }
  return out.join('\n\n');
}

/** An unstructured CDA (nonXMLBody) carries its document as base64: import it as its own file. */
function nonXmlBody(root: XmlElement): EmbeddedFile[] {
  const textEl = child(root, 'component', 'nonXMLBody', 'text');
  if (!textEl || textEl.attrs['representation'] !== 'B64') return [];
  const data = textOf(textEl).replace(/\s+/g, '');
  if (!data) return [];
  const ext = extensionForMediaType(textEl.attrs['mediaType']);
  return [{ name: `document.${ext}`, bytes: new Uint8Array(Buffer.from(data, 'base64')) }];
}

function definedOnly(o: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => e[1] !== undefined));
}
