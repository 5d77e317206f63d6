// Zip destination: written to <out>.<random>.partial next to the target, fsynced, then renamed.
// Already-compressed payloads (DICOM, PDF, JPEG) are stored; generated text is deflated.
import { rename, rm, stat } from 'node:fs/promises';
import { createZipFile } from '../archive/zip-write.js';
import { destinationError } from './errors.js';
import { DossierError } from '../base/errors.js';
import { partialZipPath, removeLeftoverZips } from './partials.js';
import type { BundleSink } from './sink.js';

export async function createZipSink(
  out: string,
  options: { overwrite?: boolean; password?: string } = {},
): Promise<BundleSink> {
  const exists = await stat(out).then(
    () => true,
    () => false,
  );
  if (exists && !options.overwrite) {
    throw new DossierError('bundle-exists', `${out} already exists: choose another name or allow overwriting it.`);
  }
  await removeLeftoverZips(out);
  const temp = partialZipPath(out);
  let zip;
  try {
    zip = await createZipFile(temp, options.password ? { password: options.password } : {});
  } catch (error) {
    throw destinationError(error);
  }
  const writer = zip;
  return {
    finalPath: out,
    parallelWrites: 1,
    usesCrc32: true,
    async writeFile(path, data, size, { compress, crc32 }) {
      await writer.add(path, data, size, { compress, ...(crc32 !== undefined ? { crc32 } : {}) });
    },
    async commit() {
      await writer.close();
      await rename(temp, out);
    },
    async abort() {
      await writer.abort();
      await rm(temp, { force: true }).catch(() => undefined);
    },
  };
}
