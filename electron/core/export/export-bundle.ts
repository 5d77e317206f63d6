// `dossier export` and the app's Export: resolve the selection, refuse on an identity conflict
// (unless the person confirmed), write the bundle, verify it, and record the handover.
import path from 'node:path';
import type { ExportDestinationKind, ExportProgress, ExportResult } from '../../../shared/cases.js';
import type { Vault } from '../vault/vault.js';
import { DossierError } from '../base/errors.js';
import { checkPassphrase } from '../../../shared/passphrase-policy.js';
import { writeBundle } from '../bundle/write-bundle.js';
import { checkBundle } from '../bundle/verify.js';
import { PATHS } from '../bundle/plan.js';
import { getCase, recordShare } from '../cases/case-store.js';
import { buildBundleInput } from './bundle-input.js';
import { resolveSelection, type Selection } from './selection.js';
import { describeConflict } from '../../../shared/words/identity.js';

export interface ExportOptions extends Selection {
  destination: { kind: ExportDestinationKind; path: string };
  zipPassword?: string;
  reportsAsDicom?: boolean;
  /** Default on: every series' images as JPEGs, scrollable in INDEX.HTM. */
  viewerImages?: boolean;
  allowIdentityMismatch?: boolean;
  overwrite?: boolean;
  appVersion: string;
  onProgress?: (p: ExportProgress) => void;
}

export async function exportBundle(vault: Vault, options: ExportOptions): Promise<ExportResult> {
  const selection = resolveSelection(vault.db, options);
  if (selection.conflicts.length && !options.allowIdentityMismatch)
    throw new DossierError(
      'identity-mismatch',
      `These records may belong to different people — check before sending:\n  ${selection.conflicts.map(describeConflict).join('\n  ')}`,
      { details: { conflicts: selection.conflicts } },
    );
  if (options.zipPassword !== undefined && options.destination.kind !== 'zip')
    throw new DossierError('invalid-params', 'A password can only protect a zip file; a USB folder is never encrypted (hand it over in person).');
  if (options.zipPassword !== undefined) {
    // One policy for every secret a person chooses (shared/passphrase-policy.ts).
    const verdict = checkPassphrase(options.zipPassword);
    if (!verdict.ok) throw new DossierError('invalid-params', `The zip password is too weak. ${verdict.message}`, { details: { policy: verdict.problem } });
  }
  const destination = { kind: options.destination.kind, path: path.resolve(options.destination.path) };
  const input = buildBundleInput(vault, selection.recordIds, selection.caseId, options.appVersion);
  const progress = (phase: ExportProgress['phase']) => (p: { filesDone: number; filesTotal: number; bytesDone: number; bytesTotal: number; currentFile: string }) =>
    options.onProgress?.({ ...p, phase });
  const written = await writeBundle(
      input,
      destination,
      {
        ...(options.zipPassword ? { password: options.zipPassword } : {}),
        ...(options.reportsAsDicom ? { reportsAsDicom: true } : {}),
        ...(options.viewerImages === false ? { viewerImages: false } : {}),
        ...(options.overwrite ? { overwrite: true } : {}),
      },
      progress('writing'),
    );
  options.onProgress?.({ filesDone: 0, filesTotal: written.fileCount, bytesDone: 0, bytesTotal: written.bytesWritten, currentFile: '', phase: 'verifying' });
  const { result: verified, manifestSha256 } = await checkBundle(written.path, options.zipPassword ? { password: options.zipPassword } : {});
  if (!manifestSha256) throw new DossierError('damaged', `The written bundle has no readable ${PATHS.manifest}.`);
  const providerName = selection.caseId ? providerLabel(getCase(vault.db, selection.caseId).provider) : '';
  recordShare(vault.db, {
    caseId: selection.caseId,
    providerName,
    destinationKind: destination.kind,
    destination: written.path,
    encrypted: Boolean(options.zipPassword),
    fileCount: written.fileCount,
    bytes: written.bytesWritten,
    manifestSha256,
    recordIds: selection.recordIds,
  });
  return { path: written.path, fileCount: written.fileCount, bytes: written.bytesWritten, manifestSha256, verified };
}

function providerLabel(p: { name: string; institution: string }): string {
  return [p.name, p.institution].filter(Boolean).join(', ');
}
