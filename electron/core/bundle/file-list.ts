// Every file a bundle will hold, in write order, from its plan: what the export preview shows and
// what the writer writes and counts — one list, so the two cannot disagree.
import type { BundleFileKind } from '../../../shared/cases.js';
import { generatedFilesOf } from './generated-files.js';
import { PATHS } from './paths.js';
import type { BundlePlan } from './plan.js';

export interface PlannedFile {
  path: string;
  kind: BundleFileKind;
  /** Exact for copied originals; null for what is made while writing (previews, indexes). */
  bytes: number | null;
}

export function bundleFiles(plan: BundlePlan): PlannedFile[] {
  const files: PlannedFile[] = [];
  for (const { series } of plan.studies)
    for (const s of series) {
      for (const i of s.instances) {
        files.push({ path: i.path, kind: 'dicom', bytes: i.instance.source.size });
        for (const v of i.viewerImages) files.push({ path: v.path, kind: 'viewer', bytes: null });
      }
      if (s.previewPath) files.push({ path: s.previewPath, kind: 'preview', bytes: null });
    }
  for (const d of plan.documents) {
    files.push({ path: d.path, kind: 'document', bytes: d.document.source.size });
    if (d.rendered) files.push({ path: d.rendered.path, kind: 'viewer', bytes: null });
    if (d.encapsulated) files.push({ path: d.encapsulated.path, kind: 'dicom', bytes: null });
  }
  for (const g of generatedFilesOf(plan)) files.push({ path: g.path, kind: g.kind, bytes: null });
  files.push({ path: PATHS.manifest, kind: 'manifest', bytes: null });
  return files;
}
