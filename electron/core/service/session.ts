// The vault session: the one owner of the lock state. It opens and closes the vault, runs the
// idle timer, tracks work in flight (a lock waits for it; an import is asked to stop after its
// current batch), and announces every change as a 'vault.status' event.
import type { LockReason, VaultStatus } from '../../../shared/api.js';
import type { RebuildProgress, RebuildReport } from '../../../shared/vault.js';
import { Vault } from '../vault/vault.js';
import { vaultExists } from '../vault/vault-file.js';
import { DossierError } from '../base/errors.js';
import { rebuildIndex } from '../import/rebuild-index.js';
import { ensureSearchIndex } from '../records/search-text.js';

export interface SessionOptions {
  vaultDir: string;
  /** For tests: a cheaper scrypt cost for vaults this session creates. */
  kdfCost?: { N: number; r: number; p: number };
  onStatus: (status: VaultStatus & { lockReason?: LockReason }) => void;
}

const DEFAULT_AUTO_LOCK_MINUTES = 10;

export class VaultSession {
  private vault: Vault | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly imports = new Set<AbortController>();

  constructor(private readonly options: SessionOptions) {}

  status(): VaultStatus {
    return {
      path: this.options.vaultDir,
      exists: vaultExists(this.options.vaultDir),
      unlocked: this.vault !== null,
      autoLockMinutes: this.vault?.settings.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES,
    };
  }

  /** The open vault, or the 'locked' error. */
  open(): Vault {
    if (!this.vault) throw new DossierError('locked', 'The vault is locked. Unlock it with your passphrase.');
    return this.vault;
  }

  async create(passphrase: string): Promise<string> {
    if (this.vault) throw new DossierError('vault-exists', 'A vault is already open.');
    const created = await Vault.create(this.options.vaultDir, passphrase, this.options.kdfCost ? { kdfCost: this.options.kdfCost } : {});
    this.opened(created.vault);
    return created.recoveryKey;
  }

  /** Always checks the passphrase, also when the vault is already open. */
  async unlock(passphrase: string): Promise<void> {
    if (this.vault) return Vault.verifyPassphrase(this.options.vaultDir, passphrase);
    this.opened(await Vault.open(this.options.vaultDir, passphrase));
  }

  async recover(recoveryKey: string, newPassphrase: string): Promise<void> {
    if (this.vault) await this.lock('user');
    this.opened(await Vault.recover(this.options.vaultDir, recoveryKey, newPassphrase));
  }

  async rebuild(passphrase: string, onProgress: (p: RebuildProgress) => void): Promise<RebuildReport> {
    if (this.vault) await this.lock('user');
    const { vault, report } = await rebuildIndex(await Vault.openForRepair(this.options.vaultDir, passphrase), { onProgress });
    this.opened(vault);
    return report;
  }

  /** Stops imports after their current batch, waits for other work in flight, then closes the vault. */
  async lock(reason: LockReason): Promise<void> {
    if (!this.vault) return;
    // The screen locking or the computer sleeping locks only when auto-lock is on.
    if ((reason === 'screen-locked' || reason === 'suspend') && this.vault.settings.autoLockMinutes <= 0) return;
    for (const c of this.imports) c.abort('locked');
    await Promise.allSettled([...this.inFlight]);
    if (!this.vault) return;
    this.vault.close();
    this.vault = null;
    this.clearIdleTimer();
    this.options.onStatus({ ...this.status(), lockReason: reason });
  }

  /** Runs one piece of work; the idle lock waits for it, and a lock waits for it to finish. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    const p = work();
    this.inFlight.add(p);
    try {
      return await p;
    } finally {
      this.inFlight.delete(p);
      this.armIdleTimer();
    }
  }

  /** A stop signal for one import (aborted with 'cancelled' by import.cancel, 'locked' by a lock). */
  async withImportSignal<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    this.imports.add(controller);
    try {
      return await run(controller.signal);
    } finally {
      this.imports.delete(controller);
    }
  }

  cancelImports(): void {
    for (const c of this.imports) c.abort('cancelled');
  }

  /** The person did something: the idle timer starts again. */
  activity(): void {
    this.armIdleTimer();
  }

  async settingsChanged(): Promise<void> {
    this.armIdleTimer();
    this.options.onStatus(this.status());
  }

  async close(): Promise<void> {
    this.clearIdleTimer();
    await this.lock('quit');
  }

  private opened(vault: Vault): void {
    // An index written before names were searchable is brought up to date once.
    ensureSearchIndex(vault.db);
    this.vault = vault;
    this.armIdleTimer();
    this.options.onStatus(this.status());
  }

  private armIdleTimer(): void {
    this.clearIdleTimer();
    const minutes = this.vault?.settings.autoLockMinutes ?? 0;
    if (!this.vault || minutes <= 0) return;
    this.idleTimer = setTimeout(() => (this.inFlight.size > 0 ? this.armIdleTimer() : void this.lock('idle')), minutes * 60_000);
    this.idleTimer.unref();
  }

  private clearIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}
