// First run: choose a passphrase, then save the recovery key before going on.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorMessage, useBridge } from '../bridge-context.js';
import { MIN_PASSPHRASE_LENGTH, checkPassphrase, passphraseStrength } from '../../../shared/passphrase-policy.js';

export function CreateVault({ onStarted, onDone }: { onStarted: () => void; onDone: () => void }) {
  const bridge = useBridge();
  const [pass, setPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const strength = passphraseStrength(pass);
  const mismatch = confirm.length > 0 && confirm !== pass;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const verdict = checkPassphrase(pass);
    if (!verdict.ok) return setError(verdict.message);
    if (pass !== confirm) return setError('The two passphrases are different. Please type them again.');
    setBusy(true);
    setError(null);
    onStarted();
    try {
      setRecoveryKey((await bridge.call('vault.create', { passphrase: pass })).recoveryKey);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (recoveryKey) return <RecoveryKey recoveryKey={recoveryKey} onDone={onDone} />;
  return (
    <main className="centered">
      <form className="panel narrow" onSubmit={submit} aria-labelledby="create-title">
        <h1 id="create-title">Welcome to Dossier</h1>
        <p className="lead">Your records stay on this computer, locked with a passphrase only you know. Let's choose it.</p>
        <label htmlFor="new-pass">Passphrase</label>
        <input id="new-pass" type="password" autoComplete="new-password" value={pass} onChange={(e) => setPass(e.target.value)} aria-describedby="strength" autoFocus />
        <div id="strength" className={`strength s${strength.score}`} aria-live="polite">
          <span className="strength-bar" aria-hidden="true"><span /></span>
          {pass.length > 0 ? strength.label : `At least ${MIN_PASSPHRASE_LENGTH} characters. A few unrelated words work well.`}
        </div>
        <label htmlFor="confirm-pass">Type it again</label>
        <input id="confirm-pass" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} aria-invalid={mismatch} />
        {mismatch && <p className="hint warn">These don't match yet.</p>}
        {error && <p className="error" role="alert">{error}</p>}
        <button className="primary" type="submit" disabled={busy}>{busy ? 'Creating your vault…' : 'Create my vault'}</button>
      </form>
    </main>
  );
}

function RecoveryKey({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const groups = recoveryKey.split(/[-\s]+/).filter(Boolean);

  return (
    <main className="centered">
      <section className="panel narrow printable" aria-labelledby="rk-title">
        <h1 id="rk-title" tabIndex={-1} ref={heading}>Save your recovery key</h1>
        <p className="lead">If you ever forget your passphrase, this key is the only way back into your records. Nobody else has a copy — not even us.</p>
        <p className="recovery-key" aria-label={`Recovery key: ${groups.join(' ')}`}>
          {groups.map((g, i) => <span key={i}>{g}</span>)}
        </p>
        <div className="row">
          <button type="button" onClick={() => void navigator.clipboard?.writeText(recoveryKey).then(() => setCopied(true), () => setCopied(false))}>
            {copied ? 'Copied' : 'Copy'}
          </button>
          <button type="button" onClick={() => window.print()}>Print</button>
        </div>
        <p className="hint">Write it down or print it, and keep it somewhere safe at home — not on this computer.</p>
        <label className="check">
          <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} />
          I saved my recovery key somewhere safe
        </label>
        <button className="primary" type="button" disabled={!saved} onClick={onDone}>Continue</button>
      </section>
    </main>
  );
}
