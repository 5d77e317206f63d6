// A stored file's bytes read back through the service API (files.read, chunk by chunk).
import type { FileChunk } from '../../shared/api.js';
import type { DossierService } from '../../electron/core/service/service.js';

export async function fileBytes(service: DossierService, fileId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let start = 0; ; ) {
    const chunk = (await service.call('files.read', { id: fileId, start })) as FileChunk;
    parts.push(Buffer.from(chunk.bytes));
    start += chunk.bytes.length;
    if (start >= chunk.size || chunk.bytes.length === 0) break;
  }
  return Buffer.concat(parts);
}
