// README.TXT at the bundle root: what this is and how to open it, for the person who receives the
// stick or zip (IHE PDI/XDM expect a README with the originator and how to view the content). It
// describes only what this bundle holds. UTF-8 with a byte-order mark and CRLF, so Notepad on any
// Windows shows names and dashes as written.
import { PATHS, PREVIEW_DIR, VIEWER_DIR, XDM_SUBSET } from './paths.js';
import type { BundlePlan } from './plan.js';
import type { BundleInput } from './types.js';
import { stripControls } from '../base/text-safety.js';
import { patientLabel, patientName, severalPatients } from './patients.js';
import { sentSeparatelyLine } from './summary-content.js';

const BOM = '\uFEFF';
const COLUMN = 31; // wide enough for IHE_XDM/SUBSET01/METADATA.XML; lines stay ≤ 80

function row(name: string, what: string): string {
  return `  ${name.padEnd(COLUMN)}${what}`;
}

/** Several patients: said before anything else, each named. */
function severalNotice(input: BundleInput): string[] {
  const several = severalPatients(input);
  if (!several) return [];
  return [
    `!! THIS BUNDLE HOLDS THE RECORDS OF ${several.length} DIFFERENT PATIENTS:`,
    ...several.map((p) => `     ${patientLabel(p)}`),
    `   ${PATHS.index} names the patient of every record. Please make sure each`,
    '   record belongs to the person you are seeing.',
    '',
  ];
}

function header(input: BundleInput, plan: BundlePlan): string[] {
  const provider = input.case?.provider;
  const forWhom = [provider?.name, provider?.institution].filter(Boolean).join(', ');
  return [
    'SECOND-OPINION RECORDS',
    '======================',
    '',
    ...severalNotice(input),
    ...(severalPatients(input) ? [] : [`Patient:      ${patientName(input.patient)}`]),
    ...(input.patient.birthDate && !severalPatients(input) ? [`Born:         ${input.patient.birthDate}`] : []),
    ...(input.case ? [`Case:         ${input.case.title}`] : []),
    ...(forWhom ? [`Prepared for: ${forWhom}`] : []),
    `Created:      ${input.createdAt.toISOString().slice(0, 10)} by the patient with Dossier ${input.appVersion}`,
    '',
    'These records were put together by the patient (or their caregiver) for a second',
    'medical opinion. Nothing needs to be installed to read them, and nothing runs',
    'automatically: there is no autorun file.',
    '',
    'HOW TO READ',
    `  ${PATHS.summary} is a summary for the doctor (1 to 3 pages, to print): the`,
    '  question, the health summary, the enclosed records, what was sent separately.',
    `  Open ${PATHS.index} in any web browser. It shows the patient, the question,`,
    ...(plan.studies.length === 0
      ? ['  a timeline and the list of documents (click to open). It works offline and', '  loads nothing from the internet.']
      : hasViewerImages(plan)
        ? ['  a timeline, the list of documents (click to open) and every imaging series,', '  whose images you can scroll through. It works offline and loads nothing', '  from the internet.']
        : ['  a timeline, the list of documents (click to open) and a preview of every', '  imaging series. It works offline and loads nothing from the internet.']),
    '',
  ];
}

function contents(plan: BundlePlan): string[] {
  const instances = plan.studies.reduce((sum, s) => sum + s.series.reduce((n, se) => n + se.instances.length, 0), 0);
  const series = plan.studies.reduce((n, s) => n + s.series.length, 0);
  const images = instances > 0;
  const documents = plan.documents.length > 0;
  return [
    'CONTENTS',
    row(PATHS.index, 'Summary page (start here).'),
    row(PATHS.summary, 'Summary for the doctor (PDF, to print).'),
    ...(images || plan.encapsulatedStudyIndex !== null ? [row(PATHS.dicomdir, 'DICOM media index (IHE PDI).')] : []),
    ...(images ? [row('DICOM/', `${instances} DICOM file(s), ${plan.studies.length} study(ies).`), row(`${PREVIEW_DIR}/`, `A preview image of each of the ${series} series.`)] : []),
    ...(documents ? [row(`${XDM_SUBSET}/`, `${plan.documents.length} document(s), IHE XDM.`), row(PATHS.xdmMetadata, 'XDM metadata (ebRIM).')] : []),
    ...(viewerContents(plan) ? [row(`${VIEWER_DIR}/`, viewerContents(plan)!)] : []),
    row(PATHS.fhir, 'FHIR R4 Bundle (JSON).'),
    row(PATHS.ips, 'Patient summary, FHIR R4 document (IPS).'),
    row(PATHS.manifest, 'SHA-256 of every other file.'),
    '',
  ];
}

function hasViewerImages(plan: BundlePlan): boolean {
  return plan.studies.some((st) => st.series.some((se) => se.viewer));
}

/** What VIEWER/ holds in this bundle, or null when it holds nothing. */
function viewerContents(plan: BundlePlan): string | null {
  const images = hasViewerImages(plan);
  const copies = plan.documents.some((d) => d.rendered);
  if (!images && !copies) return null;
  if (images && copies) return 'Images as JPEG, readable document copies.';
  return images ? 'Every image as JPEG, for INDEX.HTM.' : 'Readable copies of C-CDA/FHIR files.';
}

function importing(plan: BundlePlan): string[] {
  const lines: string[] = [];
  if (plan.studies.length > 0)
    lines.push(
      'IMPORTING THE IMAGES INTO A PACS OR VIEWER',
      `  Point the PACS / DICOM viewer "import media" function at the ${PATHS.dicomdir}`,
      '  file at the root of this media. The DICOM files are unchanged copies of the',
      '  originals (byte for byte). The pictures in INDEX.HTM are for orientation only',
      '  and are not of diagnostic quality.',
      '',
    );
  if (plan.documents.length > 0)
    lines.push(
      'IMPORTING THE DOCUMENTS',
      `  Systems that read IHE XDM media use ${PATHS.xdmMetadata};`,
      `  systems that read FHIR use ${PATHS.fhir}. The files themselves are in`,
      `  ${XDM_SUBSET}/.`,
      '',
    );
  return lines;
}

/** Slides, blocks, discs that travel apart from this bundle: the receiver should expect them. */
function sentSeparately(input: BundleInput): string[] {
  const items = input.case?.sentSeparately ?? [];
  if (!items.length) return [];
  return ['SENT SEPARATELY (NOT IN THIS BUNDLE)', ...items.flatMap((i) => wrapped(sentSeparatelyLine(i), '  - ', '    ')), ''];
}

/** A long line broken at spaces into lines of at most 80 characters. */
function wrapped(text: string, first: string, rest: string): string[] {
  const lines: string[] = [];
  let prefix = first;
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && prefix.length + line.length + 1 + word.length > 80) {
      lines.push(prefix + line);
      prefix = rest;
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, prefix + line];
}

export function buildReadme(input: BundleInput, plan: BundlePlan): Uint8Array {
  const lines = [
    ...header(input, plan),
    ...contents(plan),
    ...sentSeparately(input),
    ...importing(plan),
    'CHECKING THE COPY',
    `  ${PATHS.manifest} lists the SHA-256 of every other file. On Linux or macOS:`,
    `    sha256sum -c ${PATHS.manifest}     (or: shasum -a 256 -c ${PATHS.manifest})`,
    '  run in this folder. Any changed or missing file is reported.',
    '',
  ];
  return new TextEncoder().encode(BOM + lines.map(stripControls).join('\r\n'));
}
