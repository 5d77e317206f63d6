// The export wizard's state: the step, the choices, the preview, and a run that may come back as
// a question (records of different people, a bundle already there) before it is tried again.
import { useEffect, useRef, useState } from 'react';
import type { BundlePreview, ExportDestinationKind, ExportProgress, ExportResult } from '../../../../shared/cases.js';
import type { IdentityConflict } from '../../../../shared/domain.js';
import type { ChosenPath } from '../../../../shared/path-params.js';
import { errorMessage, useBridge } from '../../bridge-context.js';
import { NOTHING_AGREED, exportRefusal, exportRequest, zipPasswordProblem, type Agreed, type Step } from './export-logic.js';

export interface ExportChoiceState {
  kind: ExportDestinationKind;
  setKind(kind: ExportDestinationKind): void;
  password: string;
  setPassword(password: string): void;
  /** Where to write: a grant for what the person chose, never a typed path. */
  destination: ChosenPath | null;
  setDestination(destination: ChosenPath | null): void;
  /** Every image as a JPEG the doctor can scroll in the page: on unless the person leaves it out. */
  viewerImages: boolean;
  setViewerImages(on: boolean): void;
}

export interface ExportWizardState extends ExportChoiceState {
  step: Step;
  setStep(step: Step): void;
  preview: BundlePreview | null;
  /** Set when the core refused the export for an identity mismatch: the person is asked. */
  mismatch: IdentityConflict[] | null;
  setMismatch(conflicts: IdentityConflict[] | null): void;
  /** Set when a bundle is already at the destination: the person is asked before replacing it. */
  existing: string | null;
  setExisting(label: string | null): void;
  progress: ExportProgress | null;
  result: ExportResult | null;
  error: string | null;
  toPreview(images?: boolean): Promise<void>;
  run(agree?: Partial<Agreed>): Promise<void>;
}

function useExportChoices(): ExportChoiceState {
  const [kind, setKind] = useState<ExportDestinationKind>('folder');
  const [password, setPassword] = useState('');
  const [destination, setDestination] = useState<ChosenPath | null>(null);
  const [viewerImages, setViewerImages] = useState(true);
  return { kind, setKind, password, setPassword, destination, setDestination, viewerImages, setViewerImages };
}

export function useExportWizard(caseId: string): ExportWizardState {
  const bridge = useBridge();
  const choices = useExportChoices();
  const [step, setStep] = useState<Step>('choose');
  const [preview, setPreview] = useState<BundlePreview | null>(null);
  const [mismatch, setMismatch] = useState<IdentityConflict[] | null>(null);
  const [existing, setExisting] = useState<string | null>(null);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const agreed = useRef<Agreed>(NOTHING_AGREED);
  useEffect(() => bridge.on('export.progress', setProgress), [bridge]);

  async function toPreview(images = choices.viewerImages) {
    setError(null);
    const problem = zipPasswordProblem(choices.kind, choices.password);
    if (problem) return setError(problem);
    try {
      setPreview(await bridge.call('export.preview', { caseId, viewerImages: images }));
      setStep('preview');
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  async function run(agree: Partial<Agreed> = {}) {
    const { destination } = choices;
    if (!destination) return;
    agreed.current = { ...agreed.current, ...agree };
    setError(null);
    setMismatch(null);
    setExisting(null);
    setStep('running');
    try {
      setResult(await bridge.call('export.run', exportRequest({ caseId, kind: choices.kind, destination: destination.grant, password: choices.password, viewerImages: choices.viewerImages }, agreed.current)));
      setStep('done');
    } catch (err) {
      setStep('preview');
      const refusal = exportRefusal(err);
      if (refusal.kind === 'mismatch') setMismatch(refusal.conflicts);
      else if (refusal.kind === 'exists') setExisting(destination.label);
      else setError(refusal.message);
    }
  }
  return { ...choices, step, setStep, preview, mismatch, setMismatch, existing, setExisting, progress, result, error, toPreview, run };
}
