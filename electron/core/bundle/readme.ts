// README.TXT at the bundle root: what this is and how to open it, for the person who receives the
// stick or zip (IHE PDI/XDM expect a README with the originator and how to view the content).
// ASCII with CRLF so it reads right in Notepad on any Windows.
import { PATHS, XDM_SUBSET, type BundlePlan } from './plan.js';
import { toAscii } from '../base/text-safety.js';
import type { BundleInput } from './types.js';

export function buildReadme(input: BundleInput, plan: BundlePlan): string {
  const instanceCount = plan.studies.reduce(
    (sum, s) => sum + s.series.reduce((n, se) => n + se.instances.length, 0),
    0,
  );
  const provider = input.case?.provider;
  const forWhom = [provider?.name, provider?.institution].filter(Boolean).join(', ');
  const lines = [
    'SECOND-OPINION RECORDS',
    '======================',
    '',
    `Patient:      ${input.patient.name}`,
    ...(input.patient.birthDate ? [`Born:         ${input.patient.birthDate}`] : []),
    ...(input.case ? [`Case:         ${input.case.title}`] : []),
    ...(forWhom ? [`Prepared for: ${forWhom}`] : []),
    `Created:      ${input.createdAt.toISOString().slice(0, 10)} by the patient with Dossier ${input.appVersion}`,
    '',
    'These records were put together by the patient (or their caregiver) for a second',
    'medical opinion. Nothing needs to be installed to read them, and nothing runs',
    'automatically: there is no autorun file.',
    '',
    'HOW TO READ',
    `  Open ${PATHS.index} in any web browser. It shows the patient, the question,`,
    '  a timeline, the list of documents (click to open) and a preview of every',
    '  imaging series. It works offline and loads nothing from the internet.',
    '',
    'CONTENTS',
    // Column wide enough for the longest name (IHE_XDM/SUBSET01/METADATA.XML); lines stay ≤ 80.
    `  ${PATHS.index.padEnd(31)}Summary page (start here).`,
    `  ${PATHS.dicomdir.padEnd(31)}DICOM media index (IHE PDI).`,
    `  ${'DICOM/'.padEnd(31)}${instanceCount} DICOM file(s), ${plan.studies.length} study(ies).`,
    `  ${(XDM_SUBSET + '/').padEnd(31)}${plan.documents.length} document(s), IHE XDM.`,
    `  ${PATHS.xdmMetadata.padEnd(31)}XDM metadata (ebRIM).`,
    `  ${PATHS.fhir.padEnd(31)}FHIR R4 Bundle (JSON).`,
    `  ${'PREVIEW/'.padEnd(31)}Preview images for ${PATHS.index}.`,
    `  ${PATHS.manifest.padEnd(31)}SHA-256 of every other file.`,
    '',
    'IMPORTING THE IMAGES INTO A PACS OR VIEWER',
    `  Point the PACS / DICOM viewer "import media" function at the ${PATHS.dicomdir}`,
    '  file at the root of this media. The DICOM files are unchanged copies of the',
    '  originals (byte for byte).',
    '',
    'IMPORTING THE DOCUMENTS',
    `  Systems that read IHE XDM media use ${PATHS.xdmMetadata};`,
    `  systems that read FHIR use ${PATHS.fhir}. The files themselves are in`,
    `  ${XDM_SUBSET}/.`,
    '',
    'CHECKING THE COPY',
    `  ${PATHS.manifest} lists the SHA-256 of every other file. On Linux or macOS:`,
    `    sha256sum -c ${PATHS.manifest}     (or: shasum -a 256 -c ${PATHS.manifest})`,
    '  run in this folder. Any changed or missing file is reported.',
    '',
    'VIEWER',
    '  No DICOM viewer is included. Any DICOM viewer that reads DICOMDIR media can',
    '  display the images; the preview images in INDEX.HTM are for orientation only',
    '  and are not of diagnostic quality.',
    '',
  ];
  return lines.map(toAscii).join('\r\n');
}
