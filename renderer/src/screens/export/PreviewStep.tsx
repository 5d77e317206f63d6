// Export step 2: what goes in (facts, records, every file), identity warnings, and where to write it.
import type { BundlePreview, CaseDetail } from '../../../../shared/cases.js';
import { DestinationField } from '../../components/DestinationField.js';
import { IdentityConflictList } from '../../components/IdentityConflicts.js';
import { formatBytes, plural } from '../../format.js';
import { BundleRecords } from './BundleRecords.js';
import { contentsText, protectionText, recipientText, sizeText } from './export-logic.js';
import type { ExportChoiceState } from './useExportWizard.js';

export function PreviewStep({ caseDetail, preview, choices, onViewerImages, onWrite, onBack }: {
  caseDetail: CaseDetail;
  preview: BundlePreview;
  choices: ExportChoiceState;
  /** The person turned the scrollable pictures on or off: the preview is asked again. */
  onViewerImages: (on: boolean) => void;
  onWrite: () => void;
  onBack: () => void;
}) {
  const { kind, destination } = choices;
  return (
    <div className="panel">
      <dl className="facts">
        <dt>For</dt><dd>{recipientText(caseDetail.provider)}</dd>
        <dt>Contents</dt><dd>{contentsText(preview, caseDetail.questions.length)}</dd>
        <dt>Size</dt><dd>{sizeText(preview)}</dd>
        <dt>Protection</dt><dd>{protectionText(kind, choices.password)}</dd>
      </dl>
      <BundleRecords ids={caseDetail.recordIds} />
      {preview.viewerImages.count > 0 && <ViewerImagesChoice preview={preview} checked={choices.viewerImages} onChange={onViewerImages} />}
      <details open={preview.entries.length <= 25}>
        <summary>Show every file in the bundle</summary>
        <ul className="entries" tabIndex={0} aria-label="Files in the bundle">{preview.entries.slice(0, 500).map((e) => <li key={e.path}><span className="path">{e.path}</span> {e.bytes !== null && e.bytes > 0 && <span className="hint-inline">{formatBytes(e.bytes)}</span>}</li>)}</ul>
      </details>
      {preview.identityConflicts.length > 0 && (
        <div className="banner warn" role="note">
          <p><strong>These records may belong to different people.</strong> Please check before you send them:</p>
          <IdentityConflictList conflicts={preview.identityConflicts} />
        </div>
      )}
      <DestinationField id="dest" label={kind === 'zip' ? 'Save the zip file as' : 'USB stick or folder'} kind={kind} value={destination} onChange={choices.setDestination} />
      <div className="row">
        <button className="primary" type="button" disabled={!destination} onClick={onWrite}>Write the bundle</button>
        <button type="button" onClick={onBack}>Back</button>
      </div>
    </div>
  );
}

function ViewerImagesChoice({ preview, checked, onChange }: { preview: BundlePreview; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <div className="sub">
      <label className="check">
        <input type="checkbox" checked={checked} aria-describedby="viewer-images-help" onChange={(e) => onChange(e.target.checked)} />
        Let the doctor scroll through every image in the page ({plural(preview.viewerImages.count, 'image')}, about {formatBytes(preview.viewerImages.estimatedBytes)})
      </label>
      <p id="viewer-images-help" className="hint">The page shows JPEG copies, for orientation. The original DICOM images are always included. For very large studies you can leave the copies out to save space.</p>
    </div>
  );
}
