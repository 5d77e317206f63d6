// Locks the vault after the configured idle time, and when the screen locks or the computer sleeps.
import { powerMonitor } from 'electron';
import { shouldLockForIdle } from './idle-policy.js';

export interface IdleLockState {
  unlocked: boolean;
  autoLockMinutes: number;
}

export function startIdleLock(state: IdleLockState, lock: (reason: 'idle') => Promise<void>): () => void {
  const check = (): void => {
    if (shouldLockForIdle(powerMonitor.getSystemIdleTime(), state.autoLockMinutes, state.unlocked)) {
      state.unlocked = false;
      void lock('idle');
    }
  };
  const lockNow = (): void => {
    if (state.unlocked && state.autoLockMinutes > 0) {
      state.unlocked = false;
      void lock('idle');
    }
  };
  const timer = setInterval(check, 15_000);
  powerMonitor.on('lock-screen', lockNow);
  powerMonitor.on('suspend', lockNow);
  return () => {
    clearInterval(timer);
    powerMonitor.off('lock-screen', lockNow);
    powerMonitor.off('suspend', lockNow);
  };
}
