// Tells the service about the person and the computer: activity anywhere on the system postpones
// the idle lock; the screen locking or the computer sleeping asks for a lock. The service owns the
// lock state and its policy (auto-lock off means these never lock).
import { powerMonitor } from 'electron';
import type { ServiceHost } from './service-host.js';

/** How often the system's idle time is read; input within this window counts as activity. */
const POLL_SECONDS = 15;

export function startActivityRelay(service: ServiceHost): () => void {
  const ignore = (): undefined => undefined;
  const poll = (): void => {
    if (powerMonitor.getSystemIdleTime() < POLL_SECONDS) void service.call('vault.activity', {}).catch(ignore);
  };
  const onLockScreen = (): void => void service.call('vault.lock', { reason: 'screen-locked' }).catch(ignore);
  const onSuspend = (): void => void service.call('vault.lock', { reason: 'suspend' }).catch(ignore);
  const timer = setInterval(poll, POLL_SECONDS * 1000);
  powerMonitor.on('lock-screen', onLockScreen);
  powerMonitor.on('suspend', onSuspend);
  return () => {
    clearInterval(timer);
    powerMonitor.off('lock-screen', onLockScreen);
    powerMonitor.off('suspend', onSuspend);
  };
}
