// Lists the files under the paths a person dropped, as one flat tree per dropped item, so that
// folder imports and zip imports go through the same planning rules (plan.ts).
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { MAX_FILES_PER_IMPORT } from '../archive/zip-safety.js';
import { DossierError } from '../base/errors.js';
import { fileSource, type ImportSource } from './source.js';
import type { SkipReason } from '../../../shared/import-outcomes.js';

export interface TreeEntry {
  /** Path inside the dropped item, '/'-separated (for DICOMDIR and XDM lookups). */
  relPath: string;
  source: ImportSource;
}

export interface Skip {
  path: string;
  reason: SkipReason;
}

export interface Tree {
  entries: TreeEntry[];
  skipped: Skip[];
}

const SYSTEM_NAMES = new Set(['thumbs.db', 'desktop.ini', '__macosx', '$recycle.bin', 'system volume information', '.ds_store', '.spotlight-v100', '.trashes', '.fseventsd']);

/** Hidden and operating-system files are never records. */
export function isHiddenOrSystem(name: string): boolean {
  return name.startsWith('.') || SYSTEM_NAMES.has(name.toLowerCase());
}

export async function walkPath(inputPath: string): Promise<Tree> {
  const tree: Tree = { entries: [], skipped: [] };
  let stat;
  try {
    stat = await fsp.lstat(inputPath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    tree.skipped.push({ path: inputPath, reason: code === 'ENOENT' ? { code: 'path-missing' } : { code: 'unreadable', what: 'file', detail: String(code) } });
    return tree;
  }
  if (stat.isSymbolicLink()) {
    tree.skipped.push({ path: inputPath, reason: { code: 'symlink' } });
  } else if (stat.isDirectory()) {
    await walkDir(inputPath, '', tree);
  } else if (stat.isFile()) {
    tree.entries.push({ relPath: path.basename(inputPath), source: fileSource(inputPath, path.basename(inputPath), stat.size) });
  } else {
    tree.skipped.push({ path: inputPath, reason: { code: 'not-a-regular-file' } });
  }
  return tree;
}

async function walkDir(dir: string, rel: string, tree: Tree): Promise<void> {
  let names: string[];
  try {
    names = (await fsp.readdir(dir)).sort();
  } catch (err) {
    tree.skipped.push({ path: dir, reason: { code: 'unreadable', what: 'folder', detail: String((err as NodeJS.ErrnoException).code) } });
    return;
  }
  for (const name of names) {
    const full = path.join(dir, name);
    const relPath = rel ? `${rel}/${name}` : name;
    if (isHiddenOrSystem(name)) {
      tree.skipped.push({ path: full, reason: { code: 'hidden-or-system' } });
      continue;
    }
    let stat;
    try {
      stat = await fsp.lstat(full);
    } catch (err) {
      tree.skipped.push({ path: full, reason: { code: 'unreadable', what: 'file', detail: String((err as NodeJS.ErrnoException).code) } });
      continue;
    }
    if (stat.isSymbolicLink()) tree.skipped.push({ path: full, reason: { code: 'symlink' } });
    else if (stat.isDirectory()) await walkDir(full, relPath, tree);
    else if (stat.isFile()) addFile(tree, relPath, fileSource(full, name, stat.size));
    else tree.skipped.push({ path: full, reason: { code: 'not-a-regular-file' } });
  }
}

/** Refuses a folder with more files than one import takes, before anything is read. */
function addFile(tree: Tree, relPath: string, source: ImportSource): void {
  if (tree.entries.length >= MAX_FILES_PER_IMPORT)
    throw new DossierError(
      'too-many-files',
      `This folder holds more than ${MAX_FILES_PER_IMPORT.toLocaleString('en-US')} files, the most Dossier takes in one import. Import its folders one at a time.`,
      { details: { limit: MAX_FILES_PER_IMPORT } },
    );
  tree.entries.push({ relPath, source });
}
