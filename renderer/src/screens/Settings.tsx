// Passphrase, auto-lock, vault location, backups and the trash: one panel each (settings/).
import { useRef } from 'react';
import { useFocusOnMount } from '../components/useFocusOnMount.js';
import type { VaultStatus } from '../../../shared/api.js';
import { AutoLockPanel } from './settings/AutoLockPanel.js';
import { BackupPanel } from './settings/BackupPanel.js';
import { PassphrasePanel } from './settings/PassphrasePanel.js';
import { TrashPanel } from './settings/TrashPanel.js';

export function Settings({ status, onStatus, onTrashEmptied, onOpenTrash }: { status: VaultStatus; onStatus: (s: VaultStatus) => void; onTrashEmptied?: () => void; onOpenTrash: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  return (
    <div className="settings">
      <h1 tabIndex={-1} ref={heading}>Settings</h1>
      <div className="detail-grid">
        <PassphrasePanel />
        <AutoLockPanel status={status} onStatus={onStatus} />
        <BackupPanel />
        <TrashPanel onTrashEmptied={onTrashEmptied} onOpenTrash={onOpenTrash} />
      </div>
    </div>
  );
}
