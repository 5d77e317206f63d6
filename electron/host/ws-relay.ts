// One WebSocket connection: each message { token, id, method, params } is checked and relayed to
// the service; the reply is { id, ok, value } or { id, ok: false, error }. Events are pushed as
// { event, payload }. Messages holding typed arrays (decoded frames, file bytes, thumbnails) travel
// as binary frames (shared/binary-message.ts) in either direction; everything else as JSON text.
import type { RawData, WebSocket } from 'ws';
import { isApiMethod } from '../../shared/api-methods.js';
import { packBinary, unpackBinary } from '../../shared/binary-message.js';
import { errorShapeOf } from './error-shape.js';
import { tokenMatches } from './host-checks.js';
import type { HostedService } from './hosted-service.js';
import type { PathGrants } from '../shell/path-grants.js';
import { isFolderMethod, type FolderChooser } from './folder-chooser.js';

/** What a connection answers besides the service: the folder chooser; and the grants it swaps. */
export interface RelayPaths {
  grants: PathGrants;
  folders: FolderChooser;
}

type Incoming = { token?: unknown; id?: unknown; method?: unknown; params?: unknown };

function asBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

/** The message, or null when it is neither valid JSON text nor a valid binary frame. */
function parseMessage(data: RawData, isBinary: boolean): Incoming | null {
  try {
    const msg: unknown = isBinary ? unpackBinary(asBytes(data)) : JSON.parse(String(data));
    return msg && typeof msg === 'object' && !Array.isArray(msg) ? (msg as Incoming) : null;
  } catch {
    return null;
  }
}

export function relayConnection(ws: WebSocket, service: HostedService, token: string, paths: RelayPaths): void {
  const send = (msg: unknown): void => {
    if (ws.readyState !== ws.OPEN) return;
    const binary = packBinary(msg);
    if (binary) ws.send(binary, { binary: true });
    else ws.send(JSON.stringify(msg));
  };
  const unsubscribe = service.onEvent((event, payload) => send({ event, payload }));
  ws.on('close', unsubscribe);
  ws.on('message', async (data, isBinary) => {
    const msg = parseMessage(data, isBinary);
    if (!msg) {
      ws.close(1008, 'malformed message');
      return;
    }
    if (!tokenMatches(msg.token, token)) {
      ws.close(1008, 'missing or wrong token');
      return;
    }
    const id = msg.id;
    if (typeof id !== 'number') return ws.close(1008, 'missing id');
    const method = msg.method;
    if (!isApiMethod(method) && !isFolderMethod(method)) {
      send({ id, ok: false, error: { code: 'invalid-params', message: `Unknown request "${String(method)}".` } });
      return;
    }
    try {
      // The page sends grants, never paths: swapped here (a raw path is refused) before the service sees them.
      const value = isFolderMethod(method) ? await paths.folders.call(method, msg.params) : await service.call(method, paths.grants.swapParams(method, msg.params ?? {}));
      send({ id, ok: true, value });
    } catch (err) {
      send({ id, ok: false, error: errorShapeOf(err) });
    }
  });
}
