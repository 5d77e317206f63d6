// Turns a drop into Files. Electron resolves folders itself (the preload gives the folder path),
// but a browser page only sees folders as entries: walk them, keeping each file's path inside the
// dropped folder so the importer sees a CD's structure (DICOMDIR next to its DICOM files).

type Entry = FileSystemEntry;

function readAll(dir: FileSystemDirectoryEntry): Promise<Entry[]> {
  const reader = dir.createReader();
  const out: Entry[] = [];
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) return resolve(out);
        out.push(...batch);
        next();
      }, reject);
    next();
  });
}

async function walk(entry: Entry, files: File[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    Object.defineProperty(file, 'webkitRelativePath', { value: entry.fullPath.replace(/^\//, '') });
    files.push(file);
  } else if (entry.isDirectory) {
    for (const child of await readAll(entry as FileSystemDirectoryEntry)) await walk(child, files);
  }
}

/** Must be called synchronously inside the drop handler (the DataTransfer empties afterwards). */
export function collectDrop(dt: DataTransfer, walkFolders: boolean): Promise<File[]> {
  const plain = Array.from(dt.files);
  if (!walkFolders) return Promise.resolve(plain);
  const entries = Array.from(dt.items).map((item) => item.webkitGetAsEntry?.() ?? null);
  if (!entries.some((e) => e?.isDirectory)) return Promise.resolve(plain);
  return (async () => {
    const files: File[] = [];
    for (const [i, entry] of entries.entries()) {
      if (entry) await walk(entry, files);
      else if (plain[i]) files.push(plain[i]);
    }
    return files;
  })();
}
