// Picks the transport: the Electron preload's window.dossier when present, else the browser host.
import type { DossierBridge } from '../../../shared/api.js';
import { createBrowserBridge } from './browser-bridge.js';
import { electronBridge } from './electron-bridge.js';

export function pickBridge(): DossierBridge {
  return electronBridge() ?? createBrowserBridge();
}
