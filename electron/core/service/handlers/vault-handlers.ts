// vault.* and settings.*: the session's lock state, the check, the rebuild, the backup.
import { checkVault } from '../../vault/check.js';
import { backupVault } from '../../vault/backup.js';
import type { Handlers, HandlerContext } from './types.js';

type VaultMethods = 'vault.status' | 'vault.create' | 'vault.unlock' | 'vault.lock' | 'vault.changePassphrase' | 'vault.recover' | 'vault.check' | 'vault.rebuildIndex' | 'vault.activity' | 'vault.backup' | 'settings.setAutoLock';

export function vaultHandlers({ session, emit }: HandlerContext): Pick<Handlers, VaultMethods> {
  return {
    'vault.status': () => session.status(),
    'vault.create': async ({ passphrase }) => ({ recoveryKey: await session.create(passphrase) }),
    'vault.unlock': async ({ passphrase }) => {
      await session.unlock(passphrase);
      return session.status();
    },
    'vault.lock': async ({ reason }) => {
      await session.lock(reason ?? 'user');
      return session.status();
    },
    'vault.changePassphrase': async ({ current, next }) => {
      await session.open().changePassphrase(current, next);
      return { ok: true as const };
    },
    'vault.recover': async ({ recoveryKey, newPassphrase }) => {
      await session.recover(recoveryKey, newPassphrase);
      return session.status();
    },
    'vault.check': () => checkVault(session.open()),
    'vault.rebuildIndex': async ({ passphrase }) => {
      const report = await session.rebuild(passphrase, (p) => emit('rebuild.progress', p));
      return { status: session.status(), report };
    },
    'vault.activity': () => {
      session.activity();
      return { ok: true as const };
    },
    'vault.backup': ({ destination }) => backupVault(session.open(), destination),
    'settings.setAutoLock': async ({ minutes }) => {
      await session.open().updateSettings({ autoLockMinutes: minutes });
      await session.settingsChanged();
      return session.status();
    },
  };
}
