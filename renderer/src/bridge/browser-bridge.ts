// The browser transport: a WebSocket to the loopback host (token from location.hash), and an HTTP
// upload for dropped files. Implements the same DossierBridge as the Electron preload. Calls and
// replies that hold typed arrays (frames, file bytes, thumbnails) travel as binary frames.
import type { ApiEvent, DossierBridge } from '../../../shared/api.js';
import type { ImportSummary } from '../../../shared/domain.js';
import { packBinary, unpackBinary } from '../../../shared/binary-message.js';
import { isApiErrorShape, type ApiErrorShape } from '../../../shared/errors.js';
import { isApiEvent } from '../../../shared/api-methods.js';
import { RequestChannel } from '../../../shared/request-reply.js';
import { encodeUploadHeader } from '../../../shared/upload-header.js';

const DISCONNECTED: ApiErrorShape = { code: 'internal', message: 'Lost the connection to Dossier. Is it still running?' };

/** Folder uploads keep their relative path so the importer sees the CD's structure. */
function uploadName(file: File): string {
  const rel = (file as File & { webkitRelativePath?: string }).webkitRelativePath;
  return rel && rel.length > 0 ? rel : file.name;
}

const TOKEN_KEY = 'dossier.token';

/**
 * The host's per-run token arrives in the URL fragment; it is kept for this tab only
 * (sessionStorage, so a reload still works) and taken out of the address bar and history at once.
 */
function takeToken(loc: Location): string {
  const fromUrl = new URLSearchParams(loc.hash.replace(/^#/, '')).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    history.replaceState(null, '', loc.pathname + loc.search);
  }
  return fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** Dropped files go over HTTP in one body: a header of names and sizes, then the bytes. */
async function uploadFiles(token: string, files: File[]): Promise<ImportSummary> {
  const header = encodeUploadHeader(files.map((f) => ({ name: uploadName(f), size: f.size })));
  const res = await fetch('/upload', {
    method: 'POST',
    headers: { 'X-Dossier-Token': token, 'Content-Type': 'application/octet-stream' },
    body: new Blob([header as BlobPart, ...files]),
  }).catch(() => {
    throw DISCONNECTED;
  });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw isApiErrorShape(body) ? body : DISCONNECTED;
  return body as ImportSummary;
}

type Call = { method: string; params: unknown };
type Frame = { id?: unknown; ok?: unknown; value?: unknown; error?: unknown; event?: unknown; payload?: unknown };

/** One frame from the host: an event for the listeners, or a reply for the channel. */
function dispatchFrame(msg: Frame, channel: RequestChannel<Call, unknown>, listeners: Map<ApiEvent, Set<(p: unknown) => void>>): void {
  if (isApiEvent(msg.event)) {
    listeners.get(msg.event)?.forEach((l) => l(msg.payload));
    return;
  }
  if (typeof msg.id !== 'number') return;
  if (msg.ok === true) channel.settle(msg.id, { id: msg.id, ok: true, value: msg.value });
  else channel.settle(msg.id, { id: msg.id, ok: false, error: isApiErrorShape(msg.error) ? msg.error : DISCONNECTED });
}

export function createBrowserBridge(loc: Location = window.location): DossierBridge {
  const token = takeToken(loc);
  const listeners = new Map<ApiEvent, Set<(p: unknown) => void>>();
  let socket: Promise<WebSocket> | null = null;
  let open: WebSocket | null = null;
  const channel = new RequestChannel<Call, unknown>((id, { method, params }) => {
    if (!open) throw DISCONNECTED;
    const msg = { token, id, method, params };
    open.send(packBinary(msg) ?? JSON.stringify(msg));
  });

  function connect(): Promise<WebSocket> {
    socket ??= new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://${loc.host}/ws?token=${encodeURIComponent(token)}`);
      ws.binaryType = 'arraybuffer';
      ws.onopen = () => resolve((open = ws));
      ws.onerror = () => reject(DISCONNECTED);
      ws.onclose = () => {
        socket = null;
        open = null;
        channel.failAll(DISCONNECTED);
      };
      ws.onmessage = (e: MessageEvent<string | ArrayBuffer>) => {
        const raw: unknown = typeof e.data === 'string' ? JSON.parse(e.data) : unpackBinary(new Uint8Array(e.data), { owned: true });
        dispatchFrame((raw ?? {}) as Frame, channel, listeners);
      };
    });
    return socket;
  }
  // Connect early so events (import progress) arrive even before the first call.
  void connect().catch(() => undefined);

  async function request(method: string, params: unknown): Promise<unknown> {
    await connect();
    return channel.request({ method, params });
  }

  return {
    platform: 'browser',
    call: (method, params) => request(method, params) as never,
    // The host's folder chooser (a page has no native dialog): handles and grants, never paths.
    folders: { call: (method, params) => request(method, params) as never },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (p: unknown) => void);
      void connect().catch(() => undefined);
      return () => set.delete(listener as (p: unknown) => void);
    },
    importFiles: (files) => uploadFiles(token, files),
    pickImportSources: async () => null,
    pickExportDestination: async () => null,
    rememberSupport: async () => ({ available: false, reason: 'browser' }),
  };
}
