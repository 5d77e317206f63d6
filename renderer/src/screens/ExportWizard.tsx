// Export a case: choose stick/folder or zip, preview, write with progress, then the verify result.
// The steps are in export/; their rules and words in export/export-logic.ts.
import { useEffect, useRef } from 'react';
import type { CaseDetail } from '../../../shared/cases.js';
import { ChooseStep } from './export/ChooseStep.js';
import { STEP_TITLES, stepLabel } from './export/export-logic.js';
import { ExistingBundleDialog, MismatchDialog } from './export/ExportQuestions.js';
import { PreviewStep } from './export/PreviewStep.js';
import { useExportWizard } from './export/useExportWizard.js';
import { DoneStep, RunningStep } from './export/WriteSteps.js';

export function ExportWizard({ caseDetail, onClose }: { caseDetail: CaseDetail; onClose: () => void }) {
  const w = useExportWizard(caseDetail.id);
  const { step, preview, mismatch, existing, result } = w;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [step]);
  const onViewerImages = (on: boolean) => {
    w.setViewerImages(on);
    void w.toPreview(on);
  };

  return (
    <section className="wizard" aria-labelledby="wiz-title">
      <p className="steps" aria-hidden="true">Export “{caseDetail.title}” — {stepLabel(step)}</p>
      <h1 id="wiz-title" tabIndex={-1} ref={heading}>{STEP_TITLES[step]}</h1>
      {w.error && <p className="error" role="alert">{w.error}</p>}
      {step === 'choose' && <ChooseStep choices={w} onNext={() => void w.toPreview()} onCancel={onClose} />}
      {step === 'preview' && preview && (
        <PreviewStep caseDetail={caseDetail} preview={preview} choices={w} onViewerImages={onViewerImages} onWrite={() => void w.run()} onBack={() => w.setStep('choose')} />
      )}
      {mismatch && <MismatchDialog conflicts={mismatch} onBack={() => w.setMismatch(null)} onExportAnyway={() => void w.run({ allowIdentityMismatch: true })} />}
      {existing && <ExistingBundleDialog where={existing} onReplace={() => void w.run({ replaceExisting: true })} onChooseAnother={() => w.setExisting(null)} />}
      {step === 'running' && <RunningStep progress={w.progress} />}
      {step === 'done' && result && <DoneStep result={result} kind={w.kind} onDone={onClose} />}
    </section>
  );
}
