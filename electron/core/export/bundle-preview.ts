// What the bundle will contain, before anything is written: for the export wizard's preview.
import type { BundlePreview, BundlePreviewEntry } from '../../../shared/cases.js';
import type { Vault } from '../vault/vault.js';
import { planBundle, PATHS } from '../bundle/plan.js';
import { buildBundleInput } from './bundle-input.js';
import { resolveSelection, type Selection } from './selection.js';

export function previewBundle(vault: Vault, selection: Selection & { reportsAsDicom?: boolean }, appVersion: string): BundlePreview {
  const resolved = resolveSelection(vault.db, selection);
  const input = buildBundleInput(vault, resolved.recordIds, resolved.caseId, appVersion);
  const plan = planBundle(input, selection.reportsAsDicom ? { reportsAsDicom: true } : {});
  const entries: BundlePreviewEntry[] = [
    { path: PATHS.readme, bytes: 0, kind: 'index' },
    { path: PATHS.index, bytes: 0, kind: 'index' },
    { path: PATHS.dicomdir, bytes: 0, kind: 'metadata' },
  ];
  for (const st of plan.studies) for (const se of st.series) for (const im of se.instances) entries.push({ path: im.path, bytes: im.instance.source.size, kind: 'dicom' });
  for (const d of plan.documents) {
    entries.push({ path: d.path, bytes: d.document.source.size, kind: 'document' });
    if (d.encapsulated) entries.push({ path: d.encapsulated.path, bytes: d.document.source.size, kind: 'dicom' });
  }
  entries.push({ path: PATHS.xdmMetadata, bytes: 0, kind: 'metadata' }, { path: PATHS.fhir, bytes: 0, kind: 'metadata' }, { path: PATHS.manifest, bytes: 0, kind: 'metadata' });
  return {
    entries,
    totalBytes: entries.reduce((n, e) => n + e.bytes, 0),
    studyCount: input.studies.length,
    documentCount: input.documents.length,
    identityConflicts: resolved.conflicts,
  };
}
