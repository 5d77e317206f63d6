// Small readers for exported bundles used by several export tests.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { openZip } from '../../electron/core/archive/zip-read.js';

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Every file under `root`, as bundle paths with forward slashes, sorted. */
export function filesIn(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, rel))) {
    const child = rel ? `${rel}/${name}` : name;
    if (statSync(path.join(root, child)).isDirectory()) out.push(...filesIn(root, child));
    else out.push(child);
  }
  return out.sort();
}

/** Every entry of a zip, in order, with its bytes. */
export async function zipEntries(file: string, password?: string): Promise<{ path: string; bytes: Uint8Array }[]> {
  const zip = await openZip(file, password ? { password } : {});
  const out: { path: string; bytes: Uint8Array }[] = [];
  try {
    for await (const item of zip.entries()) {
      if (item.kind !== 'file') throw new Error(`${item.path}: ${item.reason}`);
      out.push({ path: item.path, bytes: await item.read() });
    }
  } finally {
    await zip.close();
  }
  return out;
}

export function readText(root: string, rel: string): string {
  return readFileSync(path.join(root, rel), 'utf8');
}
