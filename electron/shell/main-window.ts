// Creates the single app window from the one options factory and loads the app:// start page.
import { app, BrowserWindow } from 'electron';
import { APP_START_URL } from './protocol-path.js';
import { createWindowOptions, devToolsAllowed } from './window-options.js';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow(createWindowOptions(preloadPath, { devTools: devToolsAllowed(app.isPackaged) }));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_START_URL);
  return win;
}
