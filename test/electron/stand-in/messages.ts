// Messages between a test and the electron STAND-IN running the built main process in a child
// process (see electron-stand-in.ts). The stand-in is not Electron; these are its controls.

/** Which frame an IPC call claims to come from. */
export type CallerFrame = 'main-window' | 'sub-frame' | 'other-contents';

/** What Electron would do to the main process, asked for by the test. */
export type Command =
  | { op: 'ready' }
  | { op: 'record' }
  | { op: 'protocol-request'; url: string }
  | { op: 'ipc-invoke'; channel: string; from: CallerFrame; args: unknown[] }
  | { op: 'contents-event'; event: 'will-navigate' | 'will-redirect' | 'will-attach-webview'; url: string }
  | { op: 'window-open'; url: string }
  | { op: 'permission-request'; permission: string }
  | { op: 'permission-check'; permission: string }
  | { op: 'device-permission' }
  | { op: 'web-request'; url: string }
  | { op: 'quit' };

export type Envelope = Command & { id: number };

export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** One call the main process made into the stand-in, in order. */
export interface CallRecord {
  api: string;
  /** Arguments made JSON-safe (functions become "[function]"). */
  args: unknown[];
  /** Whether the stand-in had already emitted 'ready' when the call was made. */
  afterReady: boolean;
}

export interface ProtocolReply {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** A worker thread started in any thread of the child (logged by the stand-in's preload). */
export interface WorkerStart {
  threadId: number;
  script: string;
}

/** Environment variables the harness passes to the stand-in. */
export const STAND_IN_ENV = {
  userData: 'DOSSIER_STAND_IN_USER_DATA',
  version: 'DOSSIER_STAND_IN_VERSION',
  workerLog: 'DOSSIER_STAND_IN_WORKER_LOG',
  /** safeStorage.getSelectedStorageBackend() (Linux): 'basic_text' unless set, e.g. 'gnome_libsecret'. */
  safeStorageBackend: 'DOSSIER_STAND_IN_SAFE_STORAGE_BACKEND',
} as const;

/** The stand-in's safeStorage "encryption": a marked base64 wrapping, NOT encryption — it lets a test read back what was sealed. */
export const STAND_IN_SEALED_PREFIX = 'stand-in-sealed:';
