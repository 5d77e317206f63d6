// Where bundle files go: a folder or a zip. Both write into a temporary name inside the
// destination and only make the result visible in commit() — MANIFEST.TXT last — so an
// interrupted export never leaves something that looks like a complete bundle.

export interface BundleSink {
  /** The folder holding the bundle or the .zip file, once committed. */
  readonly finalPath: string;
  /** Writes one file; `size` is the exact byte count of `data`. */
  writeFile(
    path: string,
    data: AsyncIterable<Uint8Array>,
    size: number,
    options: { compress: boolean },
  ): Promise<void>;
  commit(): Promise<void>;
  /** Removes everything written so far. Never throws. */
  abort(): Promise<void>;
}
