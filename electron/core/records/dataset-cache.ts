// The parsed DICOM files of the series being viewed, so that scrolling through a multi-frame file
// (or back and forth through a series) parses and decrypts each file once. Bounded by bytes,
// least recently used first out; a file larger than the budget is kept alone. Plaintext lives only
// here, in memory: clear() (on lock) zeroes it.
import type { OpenedInstance } from '../dicom/pixels/index.js';

/** Bytes of parsed files kept for the viewer. */
export const DATASET_CACHE_BYTES = 256 * 2 ** 20;

interface Entry {
  opened: OpenedInstance;
  bytes: number;
}

export class DatasetCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<OpenedInstance>>();
  private total = 0;
  private generation = 0;

  constructor(private readonly maxBytes = DATASET_CACHE_BYTES) {}

  /** Bytes held now. */
  get bytes(): number {
    return this.total;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The parsed file for `key`, loading it with `load` once however many callers ask at the same time. */
  async open(key: string, load: () => Promise<OpenedInstance>): Promise<OpenedInstance> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key); // re-insert: most recently used last
      this.entries.set(key, hit);
      return hit.opened;
    }
    const pending = this.loading.get(key);
    if (pending) return pending;
    const generation = this.generation;
    const p = load().then((opened) => {
      if (generation === this.generation) this.add(key, opened);
      return opened;
    });
    this.loading.set(key, p);
    try {
      return await p;
    } finally {
      this.loading.delete(key);
    }
  }

  private add(key: string, opened: OpenedInstance): void {
    const bytes = opened.byteLength;
    for (const [k, e] of this.entries) {
      if (this.total + bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.total -= e.bytes;
    }
    this.entries.set(key, { opened, bytes });
    this.total += bytes;
  }

  /** Forgets every file and overwrites its plaintext (the vault locked). Loads still running are not kept. */
  clear(): void {
    for (const e of this.entries.values()) e.opened.ds.byteArray.fill(0);
    this.entries.clear();
    this.total = 0;
    this.generation++;
  }
}
