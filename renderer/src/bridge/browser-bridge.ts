// The browser transport: a WebSocket to the loopback host (token from location.hash), and an HTTP
// upload for dropped files. Implements the same DossierBridge as the Electron preload. Calls and
// replies that hold typed arrays (frames, file bytes, thumbnails) travel as binary frames.
import type { ApiEvent, DossierBridge } from '../../../shared/api.js';
import type { ImportSummary } from '../../../shared/domain.js';
import { packBinary, unpackBinary } from '../../../shared/binary-message.js';
import { isApiErrorShape, type ApiErrorShape } from '../../../shared/errors.js';
import { encodeUploadHeader } from '../../../shared/upload-header.js';

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: ApiErrorShape) => void;
}

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

export function createBrowserBridge(loc: Location = window.location): DossierBridge {
  const token = takeToken(loc);
  const pending = new Map<number, Pending>();
  const listeners = new Map<ApiEvent, Set<(p: unknown) => void>>();
  let nextId = 1;
  let socket: Promise<WebSocket> | null = null;

  function connect(): Promise<WebSocket> {
    socket ??= new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://${loc.host}/ws?token=${encodeURIComponent(token)}`);
      ws.onopen = () => resolve(ws);
      ws.onerror = () => reject(DISCONNECTED);
      ws.onclose = () => {
        socket = null;
        for (const p of pending.values()) p.reject(DISCONNECTED);
        pending.clear();
      };
      ws.binaryType = 'arraybuffer';
      ws.onmessage = (e: MessageEvent<string | ArrayBuffer>) => {
        const raw: unknown = typeof e.data === 'string' ? JSON.parse(e.data) : unpackBinary(new Uint8Array(e.data), { owned: true });
        const msg = (raw ?? {}) as { id?: number; ok?: boolean; value?: unknown; error?: unknown; event?: ApiEvent; payload?: unknown };
        if (msg.event) {
          listeners.get(msg.event)?.forEach((l) => l(msg.payload));
          return;
        }
        const p = msg.id !== undefined ? pending.get(msg.id) : undefined;
        if (!p || msg.id === undefined) return;
        pending.delete(msg.id);
        if (msg.ok) p.resolve(msg.value);
        else p.reject(isApiErrorShape(msg.error) ? msg.error : DISCONNECTED);
      };
    });
    return socket;
  }
  // Connect early so events (import progress) arrive even before the first call.
  void connect().catch(() => undefined);

  async function request(method: string, params: unknown): Promise<unknown> {
    const ws = await connect();
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      const msg = { token, id, method, params };
      ws.send(packBinary(msg) ?? JSON.stringify(msg));
    });
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
    async importFiles(files: File[]): Promise<ImportSummary> {
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
    },
    pickImportSources: async () => null,
    pickExportDestination: async () => null,
    rememberSupport: async () => ({ available: false, reason: 'browser' }),
  };
}
