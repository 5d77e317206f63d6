// Settings → Back up: a copy of the encrypted vault in a folder the person chooses.
import { useState, type FormEvent } from 'react';
import type { ChosenPath } from '../../../../shared/path-params.js';
import { errorMessage, useBridge } from '../../bridge-context.js';
import { DestinationField } from '../../components/DestinationField.js';
import { formatBytes } from '../../format.js';
import { SettingsMessage, type Message } from './SettingsMessage.js';

export function BackupPanel() {
  const bridge = useBridge();
  const [backupTo, setBackupTo] = useState<ChosenPath | null>(null);
  const [message, setMessage] = useState<Message | null>(null);

  async function backup(e: FormEvent) {
    e.preventDefault();
    setMessage({ ok: true, text: 'Copying…' });
    try {
      if (!backupTo) return;
      const r = await bridge.call('vault.backup', { destination: backupTo.grant });
      setMessage({ ok: true, text: `Backup saved to ${r.path} (${formatBytes(r.bytes)}). It stays encrypted with your passphrase.` });
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  }

  return (
    <form className="panel" onSubmit={backup} aria-labelledby="bk-title">
      <h2 id="bk-title">Back up</h2>
      <p className="hint">Copies the encrypted vault to another drive. Keep a backup somewhere other than this computer.</p>
      <DestinationField id="s-bk" label="Backup folder" kind="folder" value={backupTo} onChange={setBackupTo} />
      <SettingsMessage message={message} />
      <button type="submit" disabled={!backupTo}>Back up now</button>
    </form>
  );
}
