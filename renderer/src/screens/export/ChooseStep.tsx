// Export step 1: a USB stick or folder (not encrypted), or a zip file with an optional password.
import { passphraseStrength } from '../../../../shared/passphrase-policy.js';
import type { ExportChoiceState } from './useExportWizard.js';

export function ChooseStep({ choices, onNext, onCancel }: { choices: ExportChoiceState; onNext: () => void; onCancel: () => void }) {
  const { kind, setKind, setDestination } = choices;
  return (
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
      {kind === 'zip' && <ZipPassword password={choices.password} onChange={choices.setPassword} />}
      <div className="row">
        <button className="primary" type="button" onClick={onNext}>Next: check contents</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </div>
  );
}

function ZipPassword({ password, onChange }: { password: string; onChange: (password: string) => void }) {
  return (
    <div className="sub">
      <label htmlFor="zip-pass">Password for the zip (optional)</label>
      <input id="zip-pass" type="password" autoComplete="new-password" value={password} onChange={(e) => onChange(e.target.value)} aria-describedby="zip-strength zip-help" />
      {password && <p id="zip-strength" className={`strength s${passphraseStrength(password).score}`} aria-live="polite">{passphraseStrength(password).label}</p>}
      <p id="zip-help" className="hint">
        The password hides what is in the files, but not how many files there are, their sizes or their names (DOC00001.PDF…).
        Tell the doctor the password separately (by phone, not in the same email). Windows' built-in zip cannot open password-protected (AES) zips: they will need 7-Zip, or on a Mac the Archive Utility.
      </p>
    </div>
  );
}
