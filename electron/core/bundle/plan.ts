// Turns a BundleInput into the bundle's file list: which input goes to which ISO name. Pure: no I/O.
import { dicomFileId, documentFileName, nameCapacity, numberedName } from './iso-names.js';
import { DossierError } from '../base/errors.js';
import { PREVIEW_DIR, XDM_SUBSET } from './paths.js';
import type { BundleDocument, BundleInput, BundleInstance, BundleSeries, BundleStudy } from './types.js';
import { planViewerSeries, renderedDocumentPath, type ViewerImage, type ViewerSeries } from './viewer-plan.js';

export { XDM_SUBSET, PATHS, BUNDLE_ROOT_NAMES } from './paths.js';

export interface PlannedInstance {
  fileId: string[];
  path: string;
  instance: BundleInstance;
  /** Its frames as viewer images (written right after it); empty without viewer images. */
  viewerImages: ViewerImage[];
}

export interface PlannedSeries {
  series: BundleSeries;
  instances: PlannedInstance[];
  /**
   * Where this series' preview image goes (always a JPEG; a placeholder when none can be rendered),
   * or null for a series with no image data at all.
   */
  previewPath: string | null;
  /** Its scrollable images in INDEX.HTM, or null (option off, or too many images). */
  viewer: ViewerSeries | null;
}

export interface PlannedStudy {
  study: BundleStudy;
  /** The DICOMDIR patient (PT…) the study is filed under: one per patient of the bundle. */
  pt: number;
  series: PlannedSeries[];
}

export interface PlannedDocument {
  document: BundleDocument;
  /** 1-based, as in DOC00001. */
  index: number;
  path: string;
  /** reportsAsDicom: where the Encapsulated PDF instance goes (in its patient's extra "documents" study). */
  encapsulated?: { fileId: string[]; path: string; pt: number; study: number };
  /** A C-CDA or FHIR document's readable HTML copy. */
  rendered?: { path: string };
}

export interface BundlePlan {
  studies: PlannedStudy[];
  documents: PlannedDocument[];
  /** Study index (ST…) of the first study holding Encapsulated PDF series, when reportsAsDicom. */
  encapsulatedStudyIndex: number | null;
}

export interface PlanOptions {
  reportsAsDicom?: boolean;
  /** Default on: every series' images as JPEGs for INDEX.HTM. */
  viewerImages?: boolean;
}

/** Refuses, before anything is written, a bundle with more items of one kind than names exist for. */
function assertNameable(input: BundleInput): void {
  const counts: [string, number][] = [
    ['DOC', input.documents.length + 1],
    ['ST', input.studies.length + (input.patients?.length ?? 1)],
    ['SER', input.studies.reduce((n, s) => n + s.series.length, 0) + 1],
    ['SE', Math.max(0, ...input.studies.map((s) => s.series.length))],
    ['IM', Math.max(0, ...input.studies.flatMap((s) => s.series.map((se) => se.instances.length)))],
  ];
  for (const [prefix, count] of counts)
    if (count > nameCapacity(prefix))
      throw new DossierError('too-many-files', `This selection has more items than one bundle can name (${count.toLocaleString('en-US')} for ${prefix}): export fewer records at a time.`);
}

/** PT ordinals in order of first appearance: a patient index (undefined: the bundle's patient) → PT. */
function patientOrdinals(input: BundleInput): (index: number | undefined) => number {
  const order = new Map<number, number>();
  const of = (index: number | undefined) => {
    const key = index ?? 0;
    if (!order.has(key)) order.set(key, order.size);
    return order.get(key)!;
  };
  input.studies.forEach((s) => of(s.patientIndex));
  return of;
}

export function planBundle(input: BundleInput, options: PlanOptions = {}): BundlePlan {
  assertNameable(input);
  let previewCount = 0;
  const ptOf = patientOrdinals(input);
  const studies = input.studies.map((study, st): PlannedStudy => ({
    study,
    pt: ptOf(study.patientIndex),
    series: study.series.map((series, se): PlannedSeries => {
      // A series without image data has nothing to preview or view; the DICOMDIR still lists it.
      if (!series.noImageData) previewCount += 1;
      const viewer = options.viewerImages === false || series.noImageData ? null : planViewerSeries(previewCount, series.instances);
      return {
        series,
        previewPath: series.noImageData ? null : `${PREVIEW_DIR}/${numberedName('SER', previewCount)}.JPG`,
        viewer: viewer?.series ?? null,
        instances: series.instances.map((instance, im) => {
          const fileId = dicomFileId(ptOf(study.patientIndex), st, se, im);
          return { fileId, path: fileId.join('/'), instance, viewerImages: viewer?.images[im] ?? [] };
        }),
      };
    }),
  }));

  const encapsulatedStudyIndex =
    options.reportsAsDicom && input.documents.some(isPdf) ? input.studies.length : null;
  // Each patient's wrapped reports form one study of their own (a file's patient must be its study's).
  const docsStudy = new Map<number, { study: number; series: number }>();
  const documents = input.documents.map((document, i): PlannedDocument => {
    const index = i + 1;
    const planned: PlannedDocument = {
      document,
      index,
      path: `${XDM_SUBSET}/${documentFileName(index, document.mimeType, document.fileName)}`,
    };
    if (document.viewFormat) planned.rendered = { path: renderedDocumentPath(index) };
    if (encapsulatedStudyIndex !== null && isPdf(document)) {
      const pt = ptOf(document.patientIndex);
      const slot = docsStudy.get(pt) ?? { study: encapsulatedStudyIndex + docsStudy.size, series: 0 };
      docsStudy.set(pt, slot);
      const fileId = dicomFileId(pt, slot.study, slot.series++, 0);
      planned.encapsulated = { fileId, path: fileId.join('/'), pt, study: slot.study };
    }
    return planned;
  });

  return { studies, documents, encapsulatedStudyIndex };
}

export function isPdf(document: BundleDocument): boolean {
  return document.mimeType.toLowerCase() === 'application/pdf';
}
