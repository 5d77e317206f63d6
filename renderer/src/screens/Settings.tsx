// Passphrase, auto-lock, vault location and backups.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useFocusOnMount } from '../components/useFocusOnMount.js';
import type { VaultStatus } from '../../../shared/api.js';
import { errorMessage, useBridge } from '../bridge-context.js';
import { formatBytes, plural } from '../format.js';
import { DestinationField } from '../components/DestinationField.js';
import type { ChosenPath } from '../../../shared/path-params.js';
import { MIN_PASSPHRASE_LENGTH, checkPassphrase, passphraseStrength } from '../../../shared/passphrase-policy.js';

const LOCK_CHOICES = [5, 10, 15, 30, 60, 0];

export function Settings({ status, onStatus, onTrashEmptied, onOpenTrash }: { status: VaultStatus; onStatus: (s: VaultStatus) => void; onTrashEmptied?: () => void; onOpenTrash: () => void }) {
  const bridge = useBridge();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [passMsg, setPassMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [backupTo, setBackupTo] = useState<ChosenPath | null>(null);
  const [backupMsg, setBackupMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [lockMsg, setLockMsg] = useState('');
  const [trashed, setTrashed] = useState<number | null>(null);
  const [confirmTrash, setConfirmTrash] = useState(false);
  const [trashMsg, setTrashMsg] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);

  async function countTrash() {
    setTrashed((await bridge.call('records.trash', {})).length);
  }
  useEffect(() => {
    void countTrash().catch(() => setTrashed(null));
  }, []);
  async function emptyTrash() {
    setConfirmTrash(false);
    try {
      const { purged } = await bridge.call('records.emptyTrash', {});
      setTrashMsg(`Deleted ${plural(purged, 'record')} for good.`);
      onTrashEmptied?.(); // an "Undo" offer for a purged record would fail: withdraw it
      await countTrash();
    } catch (err) {
      setTrashMsg(errorMessage(err));
    }
  }
  useEffect(() => setLockMsg(''), [status.autoLockMinutes]);

  async function changePass(e: FormEvent) {
    e.preventDefault();
    const verdict = checkPassphrase(next);
    if (!verdict.ok) return setPassMsg({ ok: false, text: verdict.message });
    if (next !== confirm) return setPassMsg({ ok: false, text: 'The two new passphrases are different.' });
    try {
      await bridge.call('vault.changePassphrase', { current, next });
      setPassMsg({ ok: true, text: 'Passphrase changed. Use the new one next time.' });
      setCurrent(''); setNext(''); setConfirm('');
    } catch (err) {
      setPassMsg({ ok: false, text: errorMessage(err) });
    }
  }
  async function setLock(minutes: number) {
    try {
      onStatus(await bridge.call('settings.setAutoLock', { minutes }));
      setLockMsg('Saved.');
    } catch (err) {
      setLockMsg(errorMessage(err));
    }
  }
  async function backup(e: FormEvent) {
    e.preventDefault();
    setBackupMsg({ ok: true, text: 'Copying…' });
    try {
      if (!backupTo) return;
      const r = await bridge.call('vault.backup', { destination: backupTo.grant });
      setBackupMsg({ ok: true, text: `Backup saved to ${r.path} (${formatBytes(r.bytes)}). It stays encrypted with your passphrase.` });
    } catch (err) {
      setBackupMsg({ ok: false, text: errorMessage(err) });
    }
  }

  return (
    <div className="settings">
      <h1 tabIndex={-1} ref={heading}>Settings</h1>
      <div className="detail-grid">
        <form className="panel" onSubmit={changePass} aria-labelledby="pp-title">
          <h2 id="pp-title">Change passphrase</h2>
          <label htmlFor="s-cur">Current passphrase</label>
          <input id="s-cur" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
          <label htmlFor="s-new">New passphrase</label>
          <input id="s-new" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} aria-describedby="s-strength" />
          <div id="s-strength" className={`strength s${passphraseStrength(next).score}`} aria-live="polite">
            <span className="strength-bar" aria-hidden="true"><span /></span>
            {next.length > 0 ? passphraseStrength(next).label : `At least ${MIN_PASSPHRASE_LENGTH} characters.`}
          </div>
          <label htmlFor="s-conf">Type it again</label>
          <input id="s-conf" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
          {passMsg && <p className={passMsg.ok ? 'ok-text' : 'error'} role={passMsg.ok ? 'status' : 'alert'}>{passMsg.text}</p>}
          <button type="submit" disabled={!current || !next}>Change passphrase</button>
        </form>
        <section className="panel" aria-labelledby="lock-title">
          <h2 id="lock-title">Lock automatically</h2>
          <label htmlFor="s-lock">Lock when the computer is not used for</label>
          <select id="s-lock" value={status.autoLockMinutes} onChange={(e) => void setLock(Number(e.target.value))}>
            {LOCK_CHOICES.map((m) => <option key={m} value={m}>{m === 0 ? 'Never' : `${m} minutes`}</option>)}
          </select>
          <p className="hint" role="status">{lockMsg}</p>
          <h2>Where your vault lives</h2>
          <p className="path">{status.path}</p>
          <p className="hint">Everything in this folder is encrypted. Without your passphrase or recovery key it cannot be read.</p>
        </section>
        <form className="panel" onSubmit={backup} aria-labelledby="bk-title">
          <h2 id="bk-title">Back up</h2>
          <p className="hint">Copies the encrypted vault to another drive. Keep a backup somewhere other than this computer.</p>
          <DestinationField id="s-bk" label="Backup folder" kind="folder" value={backupTo} onChange={setBackupTo} />
          {backupMsg && <p className={backupMsg.ok ? 'ok-text' : 'error'} role={backupMsg.ok ? 'status' : 'alert'}>{backupMsg.text}</p>}
          <button type="submit" disabled={!backupTo}>Back up now</button>
        </form>
        <section className="panel" aria-labelledby="trash-title">
          <h2 id="trash-title">Trash</h2>
          <p className="hint">
            Deleted records wait in the trash (hidden, never exported) so a mistake can be undone.
            Emptying it removes them and their files from this computer for good.
          </p>
          <p>{trashed === null ? '' : trashed === 0 ? 'The trash is empty.' : `${plural(trashed, 'record')} in the trash.`}</p>
          <button type="button" onClick={onOpenTrash}>Open the trash</button>
          {confirmTrash ? (
            <div className="row" role="group" aria-label="Confirm emptying the trash">
              <button type="button" className="danger" onClick={() => void emptyTrash()}>Delete {trashed === 1 ? 'it' : 'them'} for good</button>
              <button type="button" onClick={() => setConfirmTrash(false)}>Cancel</button>
            </div>
          ) : (
            <button type="button" disabled={!trashed} onClick={() => setConfirmTrash(true)}>Empty trash…</button>
          )}
          <p className="hint" role="status">{trashMsg}</p>
        </section>
      </div>
    </div>
  );
}
