// Settings → Lock automatically, and where the vault lives.
import { useEffect, useState } from 'react';
import type { VaultStatus } from '../../../../shared/api.js';
import { errorMessage, useBridge } from '../../bridge-context.js';

const LOCK_CHOICES = [5, 10, 15, 30, 60, 0];

export function AutoLockPanel({ status, onStatus }: { status: VaultStatus; onStatus: (s: VaultStatus) => void }) {
  const bridge = useBridge();
  const [message, setMessage] = useState('');
  useEffect(() => setMessage(''), [status.autoLockMinutes]);

  async function setLock(minutes: number) {
    try {
      onStatus(await bridge.call('settings.setAutoLock', { minutes }));
      setMessage('Saved.');
    } catch (err) {
      setMessage(errorMessage(err));
    }
  }

  return (
    <section className="panel" aria-labelledby="lock-title">
      <h2 id="lock-title">Lock automatically</h2>
      <label htmlFor="s-lock">Lock when the computer is not used for</label>
      <select id="s-lock" value={status.autoLockMinutes} onChange={(e) => void setLock(Number(e.target.value))}>
        {LOCK_CHOICES.map((m) => <option key={m} value={m}>{m === 0 ? 'Never' : `${m} minutes`}</option>)}
      </select>
      <p className="hint" role="status">{message}</p>
      <h2>Where your vault lives</h2>
      <p className="path">{status.path}</p>
      <p className="hint">Everything in this folder is encrypted. Without your passphrase or recovery key it cannot be read.</p>
    </section>
  );
}
