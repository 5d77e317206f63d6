import { describe, expect, it } from 'vitest';
import { createWindowOptions, devToolsAllowed } from '../../electron/shell/window-options.js';

describe('window options factory', () => {
  const prefs = createWindowOptions('/app/preload.cjs').webPreferences ?? {};

  it('sets every security preference explicitly', () => {
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('enables no Blink features and no insecure extras', () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('partition');
  });

  it('allows DevTools only unpackaged and when asked: an installed app ignores DOSSIER_DEVTOOLS', () => {
    expect(prefs.devTools).toBe(false);
    expect(devToolsAllowed(true, { DOSSIER_DEVTOOLS: '1' })).toBe(false);
    expect(devToolsAllowed(false, {})).toBe(false);
    expect(devToolsAllowed(false, { DOSSIER_DEVTOOLS: '1' })).toBe(true);
  });
});
