// The Electron transport: the preload already put a DossierBridge on window.dossier.
import type { DossierBridge } from '../../../shared/api.js';

declare global {
  interface Window {
    dossier?: DossierBridge;
  }
}

export function electronBridge(): DossierBridge | null {
  return window.dossier ?? null;
}
