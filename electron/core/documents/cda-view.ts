// A C-CDA document as sections of plain text (shared/document-view.ts): the header's patient,
// date, author and custodian, then each section's title and narrative, nested sections kept.
import type { DocumentView, ViewSection } from '../../../shared/document-view.js';
import { formatPersonName } from '../../../shared/person-name.js';
import { institution, patientIdentity } from './cda.js';
import { compactDateToIso } from './compact-date.js';
import { narrativeBlocks } from './narrative.js';
import { child, childrenNamed, parseXml, textOf, type XmlElement } from './xml.js';

const MAX_SECTION_DEPTH = 16;

function section(el: XmlElement, depth: number): ViewSection {
  const title = textOf(child(el, 'title'));
  const code = child(el, 'code')?.attrs['code'];
  const sub = depth < MAX_SECTION_DEPTH ? childrenNamed(el, 'component').flatMap((c) => childrenNamed(c, 'section')) : [];
  return {
    title: title ? { text: title } : { label: 'narrative' },
    ...(code ? { code } : {}),
    blocks: narrativeBlocks(child(el, 'text')),
    sections: sub.map((s) => section(s, depth + 1)),
  };
}

function facts(root: XmlElement): DocumentView['facts'] {
  const id = patientIdentity(root);
  const custodian = textOf(child(root, 'custodian', 'assignedCustodian', 'representedCustodianOrganization', 'name'));
  const all: [DocumentView['facts'][number]['label'], string | undefined][] = [
    ['patient', id?.name ? formatPersonName(id.name) : undefined],
    ['birth-date', id?.birthDate],
    ['sex', id?.sex],
    ['patient-id', id?.id],
    ['date', compactDateToIso(child(root, 'effectiveTime')?.attrs['value'])],
    ['author', institution(root)],
    ['custodian', custodian || undefined],
    ['document-type', child(root, 'code')?.attrs['displayName']],
  ];
  return all.filter((f): f is [DocumentView['facts'][number]['label'], string] => !!f[1]).map(([label, value]) => ({ label, value }));
}

/** Throws an Error with a readable message when the XML is not a ClinicalDocument. */
export function cdaView(xml: string, fallbackTitle: string): DocumentView {
  const root = parseXml(xml);
  if (root.name !== 'ClinicalDocument') throw new Error(`the root element is <${root.name}>, not <ClinicalDocument>`);
  const body = child(root, 'component', 'structuredBody');
  const sections = childrenNamed(body, 'component').flatMap((c) => childrenNamed(c, 'section')).map((s) => section(s, 0));
  const title = textOf(child(root, 'title')) || child(root, 'code')?.attrs['displayName'] || fallbackTitle;
  return { format: 'cda', title, facts: facts(root), sections };
}
