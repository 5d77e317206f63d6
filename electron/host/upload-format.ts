// The /upload body: a 4-byte big-endian header length, a JSON header {files:[{name,size}]},
// then every file's bytes back to back. The browser builds it as a Blob (streamed from disk),
// so no multipart parser is needed.

import { DossierError } from '../core/base/errors.js';

export const MAX_UPLOAD_BYTES = 1536 * 1024 * 1024;

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** A malformed upload body: refused as invalid params, in words the page can show. */
export class UploadFormatError extends DossierError {
  constructor(message: string) {
    super('invalid-params', message);
    this.name = 'UploadFormatError';
  }
}

export function parseUpload(body: Uint8Array): UploadedFile[] {
  if (body.length < 4) throw new UploadFormatError('The upload was empty.');
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const headerLength = view.getUint32(0);
  if (4 + headerLength > body.length) throw new UploadFormatError('The upload was cut short (header).');
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder().decode(body.subarray(4, 4 + headerLength)));
  } catch {
    throw new UploadFormatError('The upload header was not readable.');
  }
  const files = (header as { files?: unknown }).files;
  if (!Array.isArray(files)) throw new UploadFormatError('The upload header lists no files.');
  const out: UploadedFile[] = [];
  let offset = 4 + headerLength;
  for (const f of files as unknown[]) {
    const { name, size } = (f ?? {}) as { name?: unknown; size?: unknown };
    if (typeof name !== 'string' || typeof size !== 'number' || !Number.isInteger(size) || size < 0) {
      throw new UploadFormatError('The upload header has a malformed file entry.');
    }
    if (offset + size > body.length) throw new UploadFormatError(`The upload was cut short inside "${name}".`);
    out.push({ name, bytes: body.subarray(offset, offset + size) });
    offset += size;
  }
  if (offset !== body.length) throw new UploadFormatError('The upload has unexpected bytes after the last file.');
  return out;
}

export { encodeUploadHeader } from '../../shared/upload-header.js';
