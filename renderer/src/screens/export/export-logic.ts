// The export wizard's rules and words, without React: its steps, what the core is asked to write,
// how a refusal is answered, and the sentences of the preview, progress and result.
import type { ExportRequest } from '../../../../shared/api.js';
import type { BundlePreview, ExportDestinationKind, ExportProgress, Provider } from '../../../../shared/cases.js';
import type { IdentityConflict } from '../../../../shared/domain.js';
import { checkPassphrase } from '../../../../shared/passphrase-policy.js';
import { errorCode, errorMessage } from '../../bridge-context.js';
import { conflictsOfError } from '../../components/identity.js';
import { formatBytes, plural } from '../../format.js';

export const STEPS = ['choose', 'preview', 'running', 'done'] as const;
export type Step = (typeof STEPS)[number];

export const STEP_TITLES: Record<Step, string> = { choose: 'How will you hand it over?', preview: 'Check what goes in', running: 'Writing the bundle…', done: 'Bundle ready' };

/** "step 2 of 4". */
export function stepLabel(step: Step): string {
  return `step ${STEPS.indexOf(step) + 1} of ${STEPS.length}`;
}

/** The zip password's problem, if any: the same policy as the vault passphrase, checked again by the core. No password is allowed. */
export function zipPasswordProblem(kind: ExportDestinationKind, password: string): string | null {
  if (kind !== 'zip' || !password) return null;
  const verdict = checkPassphrase(password);
  return verdict.ok ? null : verdict.message;
}

/** What the person already agreed to for this export (each question is asked once). */
export interface Agreed {
  allowIdentityMismatch: boolean;
  replaceExisting: boolean;
}
export const NOTHING_AGREED: Agreed = { allowIdentityMismatch: false, replaceExisting: false };

export interface ExportChoices {
  caseId: string;
  kind: ExportDestinationKind;
  /** The grant for the chosen destination, never a typed path. */
  destination: string;
  password: string;
  viewerImages: boolean;
}

/** The export.run request: a password only for a zip, and only the agreements given. */
export function exportRequest(choices: ExportChoices, agreed: Agreed): ExportRequest {
  const { caseId, kind, destination, password, viewerImages } = choices;
  return {
    caseId,
    destination: { kind, path: destination },
    ...(kind === 'zip' && password && { zipPassword: password }),
    viewerImages,
    ...(agreed.allowIdentityMismatch && { allowIdentityMismatch: true }),
    ...(agreed.replaceExisting && { replaceExisting: true }),
  };
}

/** A refused export: records of different people and a bundle already there are questions for the person; anything else is an error. */
export type ExportRefusal = { kind: 'mismatch'; conflicts: IdentityConflict[] } | { kind: 'exists' } | { kind: 'error'; message: string };

export function exportRefusal(err: unknown): ExportRefusal {
  const code = errorCode(err);
  if (code === 'identity-mismatch') return { kind: 'mismatch', conflicts: conflictsOfError(err) };
  if (code === 'bundle-exists') return { kind: 'exists' };
  return { kind: 'error', message: errorMessage(err) };
}

export function recipientText(provider: Pick<Provider, 'name' | 'institution'>): string {
  return [provider.name, provider.institution].filter(Boolean).join(', ') || 'No doctor named yet';
}

export function contentsText(preview: BundlePreview, questionCount: number): string {
  const questions = questionCount > 0 ? `, your ${plural(questionCount, 'question')}` : '';
  return `${plural(preview.studyCount, 'imaging study', 'imaging studies')}, ${plural(preview.documentCount, 'document')}${questions}, a summary for the doctor (PDF) and a page to open it all in any browser`;
}

export function sizeText(preview: BundlePreview): string {
  const pictures = preview.viewerImages.included && preview.viewerImages.count > 0 ? `, plus about ${formatBytes(preview.viewerImages.estimatedBytes)} of pictures for the page` : '';
  return `${formatBytes(preview.totalBytes)} in ${plural(preview.entries.length, 'file')}${pictures}`;
}

export function protectionText(kind: ExportDestinationKind, password: string): string {
  if (kind !== 'zip') return 'Plain folder, not encrypted';
  return password ? 'Zip file locked with your password' : 'Zip file without a password';
}

export function progressText(progress: ExportProgress | null): string {
  if (!progress) return 'Preparing…';
  return `${progress.phase === 'verifying' ? 'Checking' : 'Writing'} ${progress.filesDone} of ${progress.filesTotal} files — ${progress.currentFile}`;
}
