// writev until every byte is written: the system may write fewer bytes than asked.
import type { FileHandle } from 'node:fs/promises';

/** Writes `buffers` in order at `position` (the file's current position when omitted). */
export async function writeFully(handle: FileHandle, buffers: Uint8Array[], position?: number): Promise<void> {
  let rest = buffers;
  let at = position;
  while (rest.length) {
    const { bytesWritten } = await handle.writev(rest, at);
    if (at !== undefined) at += bytesWritten;
    rest = skipBytes(rest, bytesWritten);
  }
}

/** `buffers` without their first `n` bytes. */
function skipBytes(buffers: Uint8Array[], n: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const b of buffers) {
    if (n >= b.byteLength) n -= b.byteLength;
    else {
      out.push(n > 0 ? b.subarray(n) : b);
      n = 0;
    }
  }
  return out;
}
