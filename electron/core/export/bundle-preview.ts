// What the bundle will contain, before anything is written: for the export wizard's preview.
import type { BundlePreview, BundlePreviewEntry } from '../../../shared/cases.js';
import type { Vault } from '../vault/vault.js';
import { planBundle } from '../bundle/plan.js';
import { bundleFiles } from '../bundle/file-list.js';
import { estimateViewerBytes, instanceFrames } from '../bundle/viewer-plan.js';
import { buildBundleInput } from './bundle-input.js';
import { resolveSelection, type Selection } from './selection.js';

export function previewBundle(vault: Vault, selection: Selection & { reportsAsDicom?: boolean; viewerImages?: boolean }, appVersion: string): BundlePreview {
  const resolved = resolveSelection(vault.db, selection);
  const input = buildBundleInput(vault, resolved.recordIds, resolved.caseId, appVersion);
  const plan = planBundle(input, { ...(selection.reportsAsDicom ? { reportsAsDicom: true } : {}), viewerImages: selection.viewerImages !== false });
  // What the images would add, asked for or not, so the wizard can offer to leave them out.
  const withImages = selection.viewerImages === false ? planBundle(input, { viewerImages: true }) : plan;
  const viewable = withImages.studies.flatMap((st) => st.series.filter((se) => se.viewer).flatMap((se) => se.instances.map((i) => i.instance)));
  // The same list the writer writes and counts.
  const entries: BundlePreviewEntry[] = bundleFiles(plan).map((f) => ({ path: f.path, bytes: f.bytes, kind: f.kind }));
  return {
    entries,
    totalBytes: entries.reduce((n, e) => n + (e.bytes ?? 0), 0),
    studyCount: input.studies.length,
    documentCount: input.documents.length,
    identityConflicts: resolved.conflicts,
    viewerImages: {
      included: selection.viewerImages !== false,
      count: viewable.reduce((n, i) => n + instanceFrames(i), 0),
      estimatedBytes: Math.round(estimateViewerBytes(viewable)),
    },
  };
}
