// A stored file's bytes for the PDF and photo viewers, read through files.read a few MiB at a time
// (the renderer never touches files; the core decrypts each range).
import { FILE_READ_MAX_BYTES, type DossierBridge } from '../../../shared/api.js';

/** The largest file the app opens in a viewer (a PDF or photo beyond this is exported, not shown). */
export const MAX_VIEWED_FILE_BYTES = 512 * 1024 * 1024;

export class FileTooLargeError extends Error {}

export async function readWholeFile(bridge: DossierBridge, id: string): Promise<{ name: string; bytes: Uint8Array }> {
  const first = await bridge.call('files.read', { id, start: 0, length: FILE_READ_MAX_BYTES });
  if (first.size > MAX_VIEWED_FILE_BYTES) throw new FileTooLargeError(first.name);
  const bytes = new Uint8Array(first.size);
  bytes.set(first.bytes, 0);
  let at = first.bytes.length;
  while (at < first.size) {
    const chunk = await bridge.call('files.read', { id, start: at, length: FILE_READ_MAX_BYTES });
    if (chunk.bytes.length === 0) break;
    bytes.set(chunk.bytes, at);
    at += chunk.bytes.length;
  }
  return { name: first.name, bytes: at === first.size ? bytes : bytes.subarray(0, at) };
}
