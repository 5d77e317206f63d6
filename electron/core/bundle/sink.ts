// Where bundle files go: a folder or a zip. Both write into a temporary name inside the
// destination and only make the result visible in commit() — MANIFEST.TXT last — so an
// interrupted export never leaves something that looks like a complete bundle.

export interface BundleSink {
  /** The folder holding the bundle or the .zip file, once committed. */
  readonly finalPath: string;
  /** How many writeFile calls may run at once: a folder takes several files together, a zip one stream. */
  readonly parallelWrites: number;
  /** Whether a file's CRC-32, given with it, saves the sink work (a zip records one per entry). */
  readonly usesCrc32: boolean;
  /** Writes one file (whole in memory, or as it streams); `size` is the exact byte count of `data`. */
  writeFile(
    path: string,
    data: Uint8Array | AsyncIterable<Uint8Array>,
    size: number,
    options: { compress: boolean; crc32?: number },
  ): Promise<void>;
  commit(): Promise<void>;
  /** Removes everything written so far. Never throws. */
  abort(): Promise<void>;
}
