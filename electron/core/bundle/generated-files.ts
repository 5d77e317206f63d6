// The files a bundle generates (indexes and metadata), each with the rule that decides whether this
// bundle has it — decided from the plan alone, so the export preview lists exactly what is written —
// and how it is built once the copied files are known. The manifest is written last, apart.
import type { BundleFacts } from './facts.js';
import type { BundlePlan } from './plan.js';
import type { BundleInput } from './types.js';
import type { DicomServices } from './dicom-services.js';
import { dicomdirInputFor, type ExtraStudy } from './dicomdir-input.js';
import { buildXdmMetadata } from './xdm-metadata.js';
import { buildFhirBundle } from './fhir-bundle.js';
import { buildIndexHtml } from './index-html.js';
import { buildReadme } from './readme.js';
import { buildIpsBundle } from './ips-bundle.js';
import { buildSummaryPdf } from './summary-pdf.js';
import { PATHS } from './paths.js';

export interface GeneratedContext {
  input: BundleInput;
  plan: BundlePlan;
  facts: BundleFacts;
  services: DicomServices;
  /** The Encapsulated PDF study, when reports are also written as DICOM. */
  extraStudies: ExtraStudy[];
}

export type GeneratedKind = 'index' | 'metadata';

export interface GeneratedFile {
  path: string;
  kind: GeneratedKind;
  /** Deflate it in a zip (text compresses well). */
  compress: boolean;
  included(plan: BundlePlan): boolean;
  build(ctx: GeneratedContext): Uint8Array | Promise<Uint8Array>;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** In write order: the indexes that describe the payload, then the pages that link to all of it. */
export const GENERATED_FILES: readonly GeneratedFile[] = [
  {
    path: PATHS.dicomdir,
    kind: 'metadata',
    compress: true,
    included: (plan) => plan.studies.length > 0 || plan.encapsulatedStudyIndex !== null,
    build: ({ input, plan, services, extraStudies }) => services.buildDicomdir(dicomdirInputFor(input, plan, extraStudies)),
  },
  {
    path: PATHS.xdmMetadata,
    kind: 'metadata',
    compress: true,
    included: (plan) => plan.documents.length > 0,
    build: ({ input, plan, facts }) => utf8(buildXdmMetadata(input, plan, facts)),
  },
  {
    path: PATHS.fhir,
    kind: 'metadata',
    compress: true,
    included: () => true,
    build: ({ input, plan, facts }) => utf8(JSON.stringify(buildFhirBundle(input, plan, facts), null, 1)),
  },
  {
    path: PATHS.ips,
    kind: 'metadata',
    compress: true,
    included: () => true,
    build: ({ input }) => utf8(JSON.stringify(buildIpsBundle(input), null, 1)),
  },
  {
    path: PATHS.summary,
    kind: 'index',
    compress: true,
    included: () => true,
    build: ({ input, plan }) => buildSummaryPdf(input, plan),
  },
  {
    path: PATHS.index,
    kind: 'index',
    compress: true,
    included: () => true,
    build: ({ input, plan, facts }) => utf8(buildIndexHtml(input, plan, facts)),
  },
  {
    path: PATHS.readme,
    kind: 'index',
    compress: true,
    included: () => true,
    build: ({ input, plan }) => buildReadme(input, plan),
  },
];

export function generatedFilesOf(plan: BundlePlan): GeneratedFile[] {
  return GENERATED_FILES.filter((g) => g.included(plan));
}
