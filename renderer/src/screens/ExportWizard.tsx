// Export a case: choose stick/folder or zip, preview, write with progress, then the verify result.
import { useEffect, useRef, useState } from 'react';
import type { BundlePreview, CaseDetail, ExportDestinationKind, ExportProgress, ExportResult } from '../../../shared/cases.js';
import { errorCode, errorMessage, useBridge } from '../bridge-context.js';
import { checkPassphrase, passphraseStrength } from '../../../shared/passphrase-policy.js';
import { Dialog } from '../components/Dialog.js';
import { DestinationField } from '../components/DestinationField.js';
import type { ChosenPath } from '../../../shared/path-params.js';
import { formatBytes, plural } from '../format.js';
import type { IdentityConflict } from '../../../shared/domain.js';
import { conflictsOfError } from '../components/identity.js';
import { IdentityConflictList } from '../components/IdentityConflicts.js';
import { Thumbnail } from '../components/Thumbnail.js';
import type { RecordSummary } from '../../../shared/domain.js';
import { RECORD_PAGE_MAX } from '../../../shared/api.js';

type Step = 'choose' | 'preview' | 'running' | 'done';

export function ExportWizard({ caseDetail, onClose }: { caseDetail: CaseDetail; onClose: () => void }) {
  const bridge = useBridge();
  const [step, setStep] = useState<Step>('choose');
  const [kind, setKind] = useState<ExportDestinationKind>('folder');
  const [password, setPassword] = useState('');
  /** Where to write: a grant for what the person chose, never a typed path. */
  const [destination, setDestination] = useState<ChosenPath | null>(null);
  const [preview, setPreview] = useState<BundlePreview | null>(null);
  /** Set when the core refused the export for an identity mismatch: the user is asked. */
  const [mismatch, setMismatch] = useState<IdentityConflict[] | null>(null);
  /** Set when a bundle is already at the destination: the user is asked before replacing it. */
  const [existing, setExisting] = useState<string | null>(null);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => bridge.on('export.progress', setProgress), [bridge]);
  useEffect(() => heading.current?.focus(), [step]);

  /** Every image as a JPEG the doctor can scroll in the page: on unless the person leaves it out. */
  const [viewerImages, setViewerImages] = useState(true);
  async function toPreview(images = viewerImages) {
    setError(null);
    // The same policy as the vault passphrase (shared/passphrase-policy.ts), checked again by the core.
    const verdict = kind === 'zip' && password ? checkPassphrase(password) : null;
    if (verdict && !verdict.ok) return setError(verdict.message);
    try {
      setPreview(await bridge.call('export.preview', { caseId: caseDetail.id, viewerImages: images }));
      setStep('preview');
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  /** What the person already agreed to for this export (each question is asked once). */
  const agreed = useRef({ allowIdentityMismatch: false, replaceExisting: false });
  async function run(agree: Partial<typeof agreed.current> = {}) {
    if (!destination) return;
    agreed.current = { ...agreed.current, ...agree };
    setError(null);
    setMismatch(null);
    setExisting(null);
    setStep('running');
    try {
      const res = await bridge.call('export.run', {
        caseId: caseDetail.id,
        destination: { kind, path: destination.grant },
        ...(kind === 'zip' && password && { zipPassword: password }),
        viewerImages,
        ...(agreed.current.allowIdentityMismatch && { allowIdentityMismatch: true }),
        ...(agreed.current.replaceExisting && { replaceExisting: true }),
      });
      setResult(res);
      setStep('done');
    } catch (err) {
      setStep('preview');
      if (errorCode(err) === 'identity-mismatch') setMismatch(conflictsOfError(err));
      else if (errorCode(err) === 'bundle-exists') setExisting(destination.label);
      else setError(errorMessage(err));
    }
  }

  const titles: Record<Step, string> = { choose: 'How will you hand it over?', preview: 'Check what goes in', running: 'Writing the bundle…', done: 'Bundle ready' };
  return (
    <section className="wizard" aria-labelledby="wiz-title">
      <p className="steps" aria-hidden="true">Export “{caseDetail.title}” — step {['choose', 'preview', 'running', 'done'].indexOf(step) + 1} of 4</p>
      <h1 id="wiz-title" tabIndex={-1} ref={heading}>{titles[step]}</h1>
      {error && <p className="error" role="alert">{error}</p>}

      {step === 'choose' && (
        <div className="panel">
          <fieldset>
            <legend>Choose one</legend>
            <label className="choice">
              <input type="radio" name="kind" checked={kind === 'folder'} onChange={() => (setKind('folder'), setDestination(null))} />
              <span><strong>USB stick or folder</strong><br />Opens on any computer, and hospital staff can import the images directly.
                <span className="warn-text"> It is not encrypted: anyone holding this stick can read it — hand it over in person.</span></span>
            </label>
            <label className="choice">
              <input type="radio" name="kind" checked={kind === 'zip'} onChange={() => (setKind('zip'), setDestination(null))} />
              <span><strong>Zip file</strong><br />One file, for upload or email. You can protect it with a password (AES-256).</span>
            </label>
          </fieldset>
          {kind === 'zip' && (
            <div className="sub">
              <label htmlFor="zip-pass">Password for the zip (optional)</label>
              <input id="zip-pass" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby="zip-strength zip-help" />
              {password && <p id="zip-strength" className={`strength s${passphraseStrength(password).score}`} aria-live="polite">{passphraseStrength(password).label}</p>}
              <p id="zip-help" className="hint">
                The password hides what is in the files, but not how many files there are, their sizes or their names (DOC00001.PDF…).
                Tell the doctor the password separately (by phone, not in the same email). Windows' built-in zip cannot open password-protected (AES) zips: they will need 7-Zip, or on a Mac the Archive Utility.
              </p>
            </div>
          )}
          <div className="row">
            <button className="primary" type="button" onClick={() => void toPreview()}>Next: check contents</button>
            <button type="button" onClick={onClose}>Cancel</button>
          </div>
        </div>
      )}

      {step === 'preview' && preview && (
        <div className="panel">
          <dl className="facts">
            <dt>For</dt><dd>{[caseDetail.provider.name, caseDetail.provider.institution].filter(Boolean).join(', ') || 'No doctor named yet'}</dd>
            <dt>Contents</dt><dd>{plural(preview.studyCount, 'imaging study', 'imaging studies')}, {plural(preview.documentCount, 'document')}{caseDetail.questions.length > 0 ? `, your ${plural(caseDetail.questions.length, 'question')}` : ''}, a summary for the doctor (PDF) and a page to open it all in any browser</dd>
            <dt>Size</dt><dd>{formatBytes(preview.totalBytes)} in {plural(preview.entries.length, 'file')}{preview.viewerImages.included && preview.viewerImages.count > 0 ? `, plus about ${formatBytes(preview.viewerImages.estimatedBytes)} of pictures for the page` : ''}</dd>
            <dt>Protection</dt><dd>{kind === 'zip' ? (password ? 'Zip file locked with your password' : 'Zip file without a password') : 'Plain folder, not encrypted'}</dd>
          </dl>
          <BundleRecords ids={caseDetail.recordIds} />
          {preview.viewerImages.count > 0 && (
            <div className="sub">
              <label className="check">
                <input
                  type="checkbox"
                  checked={viewerImages}
                  aria-describedby="viewer-images-help"
                  onChange={(e) => {
                    setViewerImages(e.target.checked);
                    void toPreview(e.target.checked);
                  }}
                />
                Let the doctor scroll through every image in the page ({plural(preview.viewerImages.count, 'image')}, about {formatBytes(preview.viewerImages.estimatedBytes)})
              </label>
              <p id="viewer-images-help" className="hint">The page shows JPEG copies, for orientation. The original DICOM images are always included. For very large studies you can leave the copies out to save space.</p>
            </div>
          )}
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
          <DestinationField id="dest" label={kind === 'zip' ? 'Save the zip file as' : 'USB stick or folder'} kind={kind} value={destination} onChange={setDestination} />
          <div className="row">
            <button className="primary" type="button" disabled={!destination} onClick={() => void run()}>Write the bundle</button>
            <button type="button" onClick={() => setStep('choose')}>Back</button>
          </div>
        </div>
      )}

      {mismatch && (
        <Dialog title="These records may belong to different people" role="alertdialog" onClose={() => setMismatch(null)}>
          <p>The patient details are not the same on all the records in this case:</p>
          {mismatch.length > 0 ? <IdentityConflictList className="conflicts" conflicts={mismatch} /> : <p className="conflicts">The patient names, birth dates or IDs differ between the selected records.</p>}
          <p>Sending someone else's records to a doctor could lead to a wrong opinion, and shares their private data. If you are sure they are all the same person (for example a maiden name, or a typo at the hospital), you can export anyway.</p>
          <div className="row">
            <button type="button" className="primary" data-autofocus onClick={() => setMismatch(null)}>Go back and check</button>
            <button type="button" onClick={() => void run({ allowIdentityMismatch: true })}>Export anyway</button>
          </div>
        </Dialog>
      )}

      {existing && (
        <Dialog title="There is already a bundle here" role="alertdialog" onClose={() => setExisting(null)}>
          <p>
            <code>{existing}</code> already holds a bundle made with Dossier (perhaps an earlier export for this case).
          </p>
          <p>Replacing it writes the new bundle in its place. Your other files there are not touched, and if anything goes wrong the old bundle is put back.</p>
          <div className="row">
            <button type="button" className="primary" data-autofocus onClick={() => void run({ replaceExisting: true })}>Replace the old bundle</button>
            <button type="button" onClick={() => setExisting(null)}>Choose another place</button>
          </div>
        </Dialog>
      )}

      {step === 'running' && (
        <div className="panel" aria-live="polite">
          <progress max={progress?.bytesTotal || 1} value={progress?.bytesDone ?? 0} aria-label="Export progress" />
          <p className="hint">{progress ? `${progress.phase === 'verifying' ? 'Checking' : 'Writing'} ${progress.filesDone} of ${progress.filesTotal} files — ${progress.currentFile}` : 'Preparing…'}</p>
          <p className="hint">Please don't remove the stick yet.</p>
        </div>
      )}

      {step === 'done' && result && (
        <div className="panel" role="status">
          {result.verified.ok ? (
            <div className="banner ok">
              <p><strong>Checked: all {result.verified.fileCount.toLocaleString()} files were read back and match.</strong></p>
              <p>{kind === 'folder' ? 'Safe to remove the stick once your computer says it is ejected.' : 'Safe to remove — the zip file is complete.'}</p>
            </div>
          ) : (
            <div className="banner warn">
              <p><strong>The check found problems — please write the bundle again.</strong></p>
              <ul>{result.verified.problems.map((p, i) => <li key={i}>{p}</li>)}</ul>
            </div>
          )}
          <p className="path">{result.path}</p>
          <p className="hint">{plural(result.fileCount, 'file')}, {formatBytes(result.bytes)}. Fingerprint: <span className="mono">{result.manifestSha256.slice(0, 16)}…</span></p>
          <button className="primary" type="button" onClick={onClose}>Done</button>
        </div>
      )}
    </section>
  );
}

/** The case's records, each with its picture, as the person will recognise them. */
function BundleRecords({ ids }: { ids: string[] }) {
  const bridge = useBridge();
  const [records, setRecords] = useState<RecordSummary[]>([]);
  useEffect(() => {
    const wanted = new Set(ids);
    // One page is enough to show them: a case of more than a thousand records lists the first thousand.
    bridge.call('records.list', { sort: 'date-asc', limit: RECORD_PAGE_MAX }).then((page) => setRecords(page.records.filter((r) => wanted.has(r.id))), () => setRecords([]));
  }, [bridge, ids]);
  if (!records.length) return null;
  return (
    <ul className="bundle-records" aria-label="Records in this bundle">
      {records.map((r) => (
        <li key={r.id}><Thumbnail record={r} size="small" /><span>{r.title}</span></li>
      ))}
    </ul>
  );
}
