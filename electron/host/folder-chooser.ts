// The folder chooser of browser mode (a browser page cannot open a native dialog or learn a path):
// the host lists removable drives first, then the home folder; the page moves between folders by
// opaque handles, may open a typed absolute path, make a folder, and choose one — which gives it a
// grant (shell/path-grants.ts) for the service, never the path. Problems are codes (shared/folders.ts).
import { randomBytes } from 'node:crypto';
import { open, mkdir, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FolderApi, FolderListing, FolderMethod, FolderPlace, FolderProblem } from '../../shared/folders.js';
import type { ChosenPath, PathPurpose } from '../../shared/path-params.js';
import type { ErrorCode } from '../../shared/errors.js';
import { describeFolderProblem } from '../../shared/words/folders.js';
import { ApiError } from '../core/service/errors.js';
import type { PathGrants } from '../shell/path-grants.js';
import type { RemovableDrive } from '../shell/removable-drives.js';
import { scanRemovableDrives } from '../shell/drive-scan.js';

/** More folders than this in one place are not listed (the person can type a path). */
const MAX_LISTED = 2000;

const CODES: Record<FolderProblem, ErrorCode> = {
  'relative-path': 'invalid-params',
  'missing-folder': 'not-found',
  'not-a-folder': 'invalid-params',
  'permission-denied': 'permission-denied',
  'not-writable': 'permission-denied',
  'bad-name': 'invalid-params',
  exists: 'invalid-params',
  'unknown-folder': 'not-found',
};

function problem(p: FolderProblem, where?: string): ApiError {
  return new ApiError({ code: CODES[p], message: describeFolderProblem(p, where), details: { problem: p, ...(where ? { path: where } : {}) } });
}

/** A file-system error while opening a folder, as the chooser's problem. */
function fsProblem(err: unknown, where: string): ApiError {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return problem('missing-folder', where);
  if (code === 'ENOTDIR') return problem('not-a-folder', where);
  if (code === 'EACCES' || code === 'EPERM') return problem('permission-denied', where);
  if (code === 'EEXIST') return problem('exists', where);
  throw err;
}

/** One name for a new folder or file: no separators, no "." or "..", nothing a file system refuses. */
function checkName(name: unknown): string {
  const n = typeof name === 'string' ? name.trim() : '';
  if (!n || n.length > 200 || n === '.' || n === '..' || /[/\\:*?"<>|\0]/.test(n)) throw problem('bad-name');
  return n;
}

function text(params: unknown, key: string): unknown {
  return typeof params === 'object' && params !== null ? (params as Record<string, unknown>)[key] : undefined;
}

export interface FolderChooserDeps {
  grants: PathGrants;
  drives?: () => Promise<RemovableDrive[]>;
  home?: () => string;
}

export class FolderChooser {
  private readonly handles = new Map<string, string>();

  constructor(private readonly deps: FolderChooserDeps) {}

  async call(method: FolderMethod, params: unknown): Promise<unknown> {
    switch (method) {
      case 'folders.places':
        return this.places();
      case 'folders.list':
        return this.list(this.folderOf(text(params, 'handle')));
      case 'folders.open':
        return this.openTyped(text(params, 'typed'));
      case 'folders.create':
        return this.create(this.folderOf(text(params, 'handle')), text(params, 'name'));
      case 'folders.choose':
        return this.choose(this.folderOf(text(params, 'handle')), text(params, 'purpose') === 'write' ? 'write' : 'read', text(params, 'fileName'));
    }
  }

  private handleFor(folder: string): string {
    for (const [h, p] of this.handles) if (p === folder) return h;
    const h = randomBytes(16).toString('base64url');
    this.handles.set(h, folder);
    return h;
  }

  private folderOf(handle: unknown): string {
    const folder = typeof handle === 'string' ? this.handles.get(handle) : undefined;
    if (!folder) throw problem('unknown-folder');
    return folder;
  }

  private async places(): Promise<FolderApi['folders.places']['result']> {
    const drives = await (this.deps.drives ?? scanRemovableDrives)().catch(() => []);
    const home = (this.deps.home ?? os.homedir)();
    const places: FolderPlace[] = drives.map((d) => ({ kind: 'removable', label: d.label, handle: this.handleFor(d.path) }));
    places.push({ kind: 'home', label: `Home folder (${path.basename(home) || home})`, handle: this.handleFor(home) });
    return places;
  }

  private async list(folder: string): Promise<FolderListing> {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (err) {
      throw fsProblem(err, folder);
    }
    const folders = entries
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b))
      .slice(0, MAX_LISTED)
      .map((name) => ({ name, handle: this.handleFor(path.join(folder, name)) }));
    const up = path.dirname(folder);
    return { handle: this.handleFor(folder), path: folder, parent: up === folder ? null : this.handleFor(up), folders };
  }

  private async openTyped(typed: unknown): Promise<FolderListing> {
    const t = typeof typed === 'string' ? typed.trim() : '';
    // A relative path would land in the host's working folder: never what the person meant.
    if (!t || !path.isAbsolute(t)) throw problem('relative-path');
    const folder = path.normalize(t);
    const info = await stat(folder).catch((err: unknown) => {
      throw fsProblem(err, folder);
    });
    if (!info.isDirectory()) throw problem('not-a-folder', folder);
    return this.list(folder);
  }

  private async create(folder: string, name: unknown): Promise<FolderListing> {
    const made = path.join(folder, checkName(name));
    try {
      await mkdir(made);
    } catch (err) {
      throw fsProblem(err, made);
    }
    return this.list(made);
  }

  private async choose(folder: string, purpose: PathPurpose, fileName: unknown): Promise<ChosenPath> {
    if (purpose === 'write') await this.probeWritable(folder);
    const chosen = fileName === undefined ? folder : path.join(folder, checkName(fileName));
    return this.deps.grants.choose(chosen, purpose);
  }

  /** Writes and removes a small file: the only sure test (read-only media, system folders, permissions). */
  private async probeWritable(folder: string): Promise<void> {
    const probe = path.join(folder, `.dossier-probe-${randomBytes(6).toString('hex')}`);
    try {
      await (await open(probe, 'wx')).close();
    } catch {
      throw problem('not-writable', folder);
    }
    await rm(probe, { force: true });
  }
}

export { isFolderMethod } from '../../shared/folders.js';
export type { FolderMethod };
