// The ONE place BrowserWindow options are built, so a test can assert every security setting.
import type { BrowserWindowConstructorOptions } from 'electron';

/** DevTools only for a developer running from the source tree (`npm start`) who asks for them; never in an installed app. */
export function devToolsAllowed(isPackaged: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  return !isPackaged && env.DOSSIER_DEVTOOLS === '1';
}

export function createWindowOptions(preloadPath: string, options: { devTools: boolean } = { devTools: false }): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 820,
    minWidth: 760,
    minHeight: 560,
    title: 'Dossier',
    show: false, // shown on 'ready-to-show' so the user never sees a blank white frame
    backgroundColor: '#f6f4ef',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
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
      safeDialogs: true,
      // Middle-click would otherwise try to open links in a new window (Electronegativity AUXCLICK).
      disableBlinkFeatures: 'Auxclick',
      devTools: options.devTools,
    },
  };
}
