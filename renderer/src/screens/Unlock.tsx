// Unlock with the passphrase, or reset it with the recovery key.
import { useEffect, useState, type FormEvent } from 'react';
import type { LockReason, RememberSupport, VaultStatus } from '../../../shared/api.js';
import { errorCode, errorMessage, useBridge } from '../bridge-context.js';
import { checkPassphrase } from '../../../shared/passphrase-policy.js';
import { RebuildIndex } from './RebuildIndex.js';

const LOCK_NOTICES: Record<Exclude<LockReason, 'user' | 'quit'>, string> = {
  idle: 'Dossier locked itself because the computer was not used for a while.',
  'screen-locked': 'Dossier locked itself when the screen was locked.',
  suspend: 'Dossier locked itself when the computer went to sleep.',
};

export function Unlock({ onUnlocked, lockedReason }: { onUnlocked: (s: VaultStatus) => void; lockedReason: LockReason | null }) {
  const bridge = useBridge();
  const [mode, setMode] = useState<'unlock' | 'recover'>('unlock');
  const [pass, setPass] = useState('');
  const [remember, setRemember] = useState(false);
  const [support, setSupport] = useState<RememberSupport | null>(null);
  useEffect(() => void bridge.rememberSupport().then(setSupport, () => setSupport(null)), [bridge]);
  const [error, setError] = useState<string | null>(null);
  const [damaged, setDamaged] = useState<{ passphrase: string; problem: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function unlock(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // `remember` is read (and stripped) by the Electron shell; the browser host never sends it.
      const params = support?.available ? { passphrase: pass, remember } : { passphrase: pass };
      onUnlocked(await bridge.call('vault.unlock', params));
    } catch (err) {
      if (errorCode(err) === 'database-damaged') setDamaged({ passphrase: pass, problem: errorMessage(err) });
      else setError(errorCode(err) === 'wrong-passphrase' ? 'That passphrase is not right. Check Caps Lock and try again.' : errorMessage(err));
      setPass('');
    } finally {
      setBusy(false);
    }
  }

  if (mode === 'recover') return <Recover onBack={() => setMode('unlock')} onUnlocked={onUnlocked} />;
  if (damaged) return <main className="centered"><div className="panel narrow"><h1>Unlock your records</h1><RebuildIndex passphrase={damaged.passphrase} problem={damaged.problem} onDone={onUnlocked} /></div></main>;
  return (
    <main className="centered">
      <form className="panel narrow" onSubmit={unlock} aria-labelledby="unlock-title">
        <h1 id="unlock-title">Unlock your records</h1>
        {lockedReason && lockedReason !== 'user' && lockedReason !== 'quit' && <p className="notice" role="status">{LOCK_NOTICES[lockedReason]}</p>}
        <label htmlFor="unlock-pass">Passphrase</label>
        <input id="unlock-pass" type="password" autoComplete="current-password" value={pass} onChange={(e) => setPass(e.target.value)} autoFocus aria-invalid={error !== null} aria-describedby={error ? 'unlock-error' : undefined} />
        {support?.available && (
          <label className="check">
            <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
            Remember on this computer
          </label>
        )}
        {support?.available === false && support.reason === 'no-secret-store' && (
          <p className="hint">Dossier cannot remember your passphrase on this computer: it has no secure keyring (such as GNOME Keyring or KWallet) to keep it in.</p>
        )}
        {error && <p id="unlock-error" className="error" role="alert">{error}</p>}
        <button className="primary" type="submit" disabled={busy || pass.length === 0}>{busy ? 'Unlocking…' : 'Unlock'}</button>
        <button className="link" type="button" onClick={() => setMode('recover')}>Forgot passphrase? Use recovery key</button>
      </form>
    </main>
  );
}

function Recover({ onBack, onUnlocked }: { onBack: () => void; onUnlocked: (s: VaultStatus) => void }) {
  const bridge = useBridge();
  const [key, setKey] = useState('');
  const [pass, setPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [damaged, setDamaged] = useState<{ passphrase: string; problem: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const verdict = checkPassphrase(pass);
    if (!verdict.ok) return setError(verdict.message);
    if (pass !== confirm) return setError('The two new passphrases are different.');
    setBusy(true);
    setError(null);
    try {
      onUnlocked(await bridge.call('vault.recover', { recoveryKey: key.trim(), newPassphrase: pass }));
    } catch (err) {
      // The new passphrase is set before the database is opened: a damaged index is rebuilt with it.
      if (errorCode(err) === 'database-damaged') setDamaged({ passphrase: pass, problem: errorMessage(err) });
      else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (damaged) return <main className="centered"><div className="panel narrow"><h1>Use your recovery key</h1><RebuildIndex passphrase={damaged.passphrase} problem={damaged.problem} onDone={onUnlocked} /></div></main>;
  return (
    <main className="centered">
      <form className="panel narrow" onSubmit={submit} aria-labelledby="recover-title">
        <h1 id="recover-title">Use your recovery key</h1>
        <p className="lead">Type the recovery key you saved when you created the vault, then choose a new passphrase.</p>
        <label htmlFor="rk">Recovery key</label>
        <input id="rk" className="mono" value={key} onChange={(e) => setKey(e.target.value)} autoComplete="off" spellCheck={false} autoFocus />
        <label htmlFor="rk-pass">New passphrase</label>
        <input id="rk-pass" type="password" autoComplete="new-password" value={pass} onChange={(e) => setPass(e.target.value)} />
        <label htmlFor="rk-confirm">Type it again</label>
        <input id="rk-confirm" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        {error && <p className="error" role="alert">{error}</p>}
        <button className="primary" type="submit" disabled={busy || key.length === 0}>{busy ? 'Checking…' : 'Reset passphrase and unlock'}</button>
        <button className="link" type="button" onClick={onBack}>Back to unlock</button>
      </form>
    </main>
  );
}
