// An export in progress writes under a temporary name next to its destination: a folder
// `.dossier-partial-<pid>-<random>` holding a marker file, or a zip `.<name>.dossier-partial-<pid>-<random>`.
// A killed export leaves that behind — readable medical data on a stick. The next export to the same
// place removes such leftovers (recognised by name and marker, and only when their process is gone),
// and `verify` refuses a bundle folder that still holds one.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isStale, thisProcess, type Owner } from '../base/process-owner.js';
import { escapeRegExp } from '../../../shared/regexp.js';

export const PARTIAL_PREFIX = '.dossier-partial-';
export const PARTIAL_MARKER = 'DOSSIER-PARTIAL.JSON';
/** What exports before markers existed left: `.dossier-partial-<12 hex>`, and `<out>.<12 hex>.partial`. */
const OLD_FOLDER = /^\.dossier-partial-[0-9a-f]{12}$/;

function suffix(): string {
  return `${process.pid}-${randomBytes(6).toString('hex')}`;
}

export function partialFolderName(): string {
  return `${PARTIAL_PREFIX}${suffix()}`;
}

export async function writePartialMarker(dir: string): Promise<void> {
  await writeFile(join(dir, PARTIAL_MARKER), JSON.stringify({ ...thisProcess(), since: new Date().toISOString() }), { mode: 0o600 });
}

function markerOwner(dir: string): Owner | null | 'absent' {
  try {
    const m = JSON.parse(readFileSync(join(dir, PARTIAL_MARKER), 'utf8')) as Partial<Owner>;
    return typeof m.pid === 'number' && typeof m.host === 'string' ? { pid: m.pid, host: m.host } : null;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : null;
  }
}

/** Leftover export folders in `dest`: ours by name and marker (or the old name), their process gone. */
export async function leftoverFolders(dest: string): Promise<string[]> {
  const names = await readdir(dest).catch(() => [] as string[]);
  return names.filter((n) => {
    if (!n.startsWith(PARTIAL_PREFIX)) return false;
    const owner = markerOwner(join(dest, n));
    return owner === 'absent' ? OLD_FOLDER.test(n) : isStale(owner);
  });
}

export async function removeLeftoverFolders(dest: string): Promise<string[]> {
  const found = await leftoverFolders(dest);
  for (const n of found) await rm(join(dest, n), { recursive: true, force: true });
  return found;
}

export function partialZipPath(out: string): string {
  return join(dirname(out), `.${basename(out)}.dossier-partial-${suffix()}`);
}

/** Leftover partial zips of this destination (the pid is in the name), and the old `<out>.<hex>.partial`. */
export async function removeLeftoverZips(out: string): Promise<string[]> {
  const dir = dirname(out);
  const name = basename(out);
  const mine = new RegExp(`^\\.${escapeRegExp(name)}\\.dossier-partial-(\\d+)-[0-9a-f]{12}$`);
  const old = new RegExp(`^${escapeRegExp(name)}\\.[0-9a-f]{12}\\.partial$`);
  const found = (await readdir(dir).catch(() => [] as string[])).filter((n) => {
    const m = mine.exec(n);
    return m ? isStale({ pid: Number(m[1]), host: thisProcess().host }) : old.test(n);
  });
  for (const n of found) await rm(join(dir, n), { force: true });
  return found;
}
