// Sandboxed preload: exposes exactly window.dossier (DossierBridge) and never ipcRenderer itself.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createPreloadBridge } from './shell/preload-bridge.js';

contextBridge.exposeInMainWorld('dossier', createPreloadBridge(ipcRenderer, (file) => webUtils.getPathForFile(file)));
