// An IHE XDM package (what another hospital's "export to media" or a portal writes): the zip's
// METADATA.XML names each document's title, date, author institution and type, and the import
// uses it rather than guessing from the content.
import { describe, it, expect, beforeAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildRawZip } from '../fixtures/bundle/raw-zip.js';
import { makeXdmMetadataXml, type XdmFixtureDoc } from '../fixtures/documents/xdm.js';
import { makePdf } from '../fixtures/documents/pdf.js';
import { makeCda } from '../fixtures/documents/cda.js';
import { cliVault, type CliVault, type Listed, type Outcome } from './cli-vault.js';

const DOCS: XdmFixtureDoc[] = [
  {
    uri: 'DOC00001.PDF',
    title: 'Pathology report, left breast biopsy',
    creationTime: '20240212093000',
    mimeType: 'application/pdf',
    institution: 'Example General Hospital',
    classCode: ['11526-1', 'Pathology study'],
    typeCode: ['11526-1', 'Pathology study'],
  },
  {
    uri: 'DOC00002.XML',
    title: 'Discharge summary after lumpectomy',
    creationTime: '20240305',
    mimeType: 'text/xml',
    institution: 'Example & Sons Clinic',
    classCode: ['18842-5', 'Discharge summary'],
    typeCode: ['18842-5', 'Discharge summary'],
    splitUri: true,
  },
  {
    uri: 'DOC00003.PDF',
    title: 'Referral letter to oncology',
    creationTime: '20231130',
    mimeType: 'application/pdf',
    institution: 'Family Practice North',
    classCode: ['57133-1', 'Referral note'],
    typeCode: ['57133-1', 'Referral note'],
  },
];

let cli: CliVault;
let outcomes: Outcome[];
let listed: Listed[];

beforeAll(async () => {
  cli = await cliVault('dossier-xdm-');
  const enc = (s: string) => new TextEncoder().encode(s);
  // The contents deliberately say other things than the metadata (a generic first line, another date).
  const pdf1 = await makePdf({ pages: [['Scanned document', 'Printed 01/01/2020']] });
  const pdf3 = await makePdf({ pages: [['Page 1', 'Dear colleague, please see this patient.']] });
  const cda = makeCda({ title: 'Summary', effectiveTime: '20200101' });
  const zip = buildRawZip([
    { name: 'INDEX.HTM', data: enc('<html><body><a href="IHE_XDM/SUBSET01/DOC00001.PDF">Pathology</a></body></html>') },
    { name: 'README.TXT', data: enc('This media contains medical documents in IHE XDM format.\r\n') },
    { name: 'IHE_XDM/SUBSET01/METADATA.XML', data: enc(makeXdmMetadataXml(DOCS)), deflate: true },
    { name: 'IHE_XDM/SUBSET01/DOC00001.PDF', data: pdf1, deflate: true },
    { name: 'IHE_XDM/SUBSET01/DOC00002.XML', data: enc(cda), deflate: true },
    { name: 'IHE_XDM/SUBSET01/DOC00003.PDF', data: pdf3, deflate: true },
  ]);
  const zipPath = path.join(cli.root, 'xdm-export.zip');
  writeFileSync(zipPath, zip);
  outcomes = cli.importJson([zipPath]);
  listed = cli.list();
});

describe('IHE XDM package import', () => {
  it.each([
    ['DOC00001.PDF', { title: 'Pathology report, left breast biopsy', date: '2024-02-12', institution: 'Example General Hospital', type: 'pathology' }],
    ['DOC00002.XML', { title: 'Discharge summary after lumpectomy', date: '2024-03-05', institution: 'Example & Sons Clinic', type: 'treatment-summary' }],
    ['DOC00003.PDF', { title: 'Referral letter to oncology', date: '2023-11-30', institution: 'Family Practice North', type: 'letter' }],
  ])('%s takes title, date, institution and type from METADATA.XML', (file, expected) => {
    const outcome = outcomes.find((o) => o.path.endsWith(`IHE_XDM/SUBSET01/${file}`));
    expect(outcome?.status).toBe('imported');
    const record = listed.find((r) => r.id === outcome!.recordId);
    expect(record).toMatchObject({ ...expected, kind: 'document', typeGuessed: false, dateGuessed: false });
  });

  it('uses the metadata file itself and the package index/readme only as package furniture', () => {
    const reason = (name: string) => outcomes.find((o) => o.path.endsWith(`› ${name}`))?.reason;
    expect(reason('IHE_XDM/SUBSET01/METADATA.XML')).toBe('IHE XDM metadata (applied to 3 documents)');
    expect(reason('INDEX.HTM')).toMatch(/IHE XDM package/);
    expect(reason('README.TXT')).toMatch(/IHE XDM package/);
    expect(listed).toHaveLength(3);
  });
});
