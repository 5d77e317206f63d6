// A zip (a portal download, a zipped CD) becomes a tree like a dropped folder, so the same
// planning rules apply inside it. The archive module enforces the safety limits.
import type { SafeZip, ZipFileItem } from '../archive/zip-read.js';
import type { ImportSource } from './source.js';
import { isHiddenOrSystem, type Tree } from './walk.js';

function entrySource(zipLabel: string, item: ZipFileItem): ImportSource {
  const name = item.path.slice(item.path.lastIndexOf('/') + 1);
  return {
    displayPath: `${zipLabel} › ${item.path}`,
    name,
    size: item.size,
    async readHead(n) {
      // Entries are compressed: read the start of the stream only.
      const reader = item.stream().getReader();
      const parts: Uint8Array[] = [];
      let have = 0;
      try {
        while (have < n) {
          const { value, done } = await reader.read();
          if (done) break;
          parts.push(value);
          have += value.length;
        }
      } finally {
        await reader.cancel().catch(() => undefined);
      }
      return Buffer.concat(parts).subarray(0, n);
    },
    readAll: () => item.read(),
    stream: () => item.stream() as unknown as AsyncIterable<Uint8Array>,
    openZip: () => item.openNested(),
  };
}

export async function zipTree(zip: SafeZip, zipLabel: string): Promise<Tree> {
  const tree: Tree = { entries: [], skipped: [] };
  for await (const item of zip.entries()) {
    const label = `${zipLabel} › ${item.path}`;
    if (item.kind === 'rejected') tree.skipped.push({ path: label, reason: item.reason });
    else if (item.path.split('/').some(isHiddenOrSystem)) tree.skipped.push({ path: label, reason: { code: 'hidden-or-system' } });
    else tree.entries.push({ relPath: item.path, source: entrySource(zipLabel, item) });
  }
  return tree;
}
