// Assertions on the window a main process created under the electron stand-in, shared by the
// wiring test (dist/) and the packaging test (the packaged app).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { MainUnderStandIn } from './harness.js';

interface WindowOptions {
  webPreferences?: Record<string, unknown>;
}

/** Exactly one window, with the secure web preferences; returns its preload path (which exists). */
export async function expectOneSecureWindow(main: MainUnderStandIn, preloadDir: string): Promise<string> {
  const created = (await main.calls()).filter((c) => c.api === 'new BrowserWindow');
  expect(created).toHaveLength(1);
  const prefs = (created[0]!.args[0] as WindowOptions).webPreferences ?? {};
  expect(prefs).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    webviewTag: false,
    allowRunningInsecureContent: false,
  });
  const preload = prefs.preload;
  expect(typeof preload).toBe('string');
  expect(path.dirname(preload as string)).toBe(preloadDir);
  expect(existsSync(preload as string), `preload ${String(preload)} exists`).toBe(true);
  return preload as string;
}
