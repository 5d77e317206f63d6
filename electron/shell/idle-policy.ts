// When the idle timer should lock the vault. Pure; idle-lock.ts polls Electron's powerMonitor.

export function shouldLockForIdle(idleSeconds: number, autoLockMinutes: number, unlocked: boolean): boolean {
  if (!unlocked || autoLockMinutes <= 0) return false; // 0 = never
  return idleSeconds >= autoLockMinutes * 60;
}
