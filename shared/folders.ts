// The browser host's folder chooser (browser mode has no native dialog): removable drives first,
// then the home folder; move into folders, make a new one, choose. Folders are named by opaque
// handles the host issues; choosing one returns a grant (shared/path-params.ts) for the service.
import type { ChosenPath, PathPurpose } from './path-params.js';

export interface FolderPlace {
  kind: 'removable' | 'home';
  label: string;
  handle: string;
}

export interface FolderEntry {
  name: string;
  handle: string;
}

export interface FolderListing {
  handle: string;
  /** The folder's path, for display. */
  path: string;
  /** The folder above, when there is one. */
  parent: string | null;
  folders: FolderEntry[];
}

/** Why a folder cannot be opened, made or chosen: codes, worded by shared/words/folders.ts. */
export const FOLDER_PROBLEMS = ['relative-path', 'missing-folder', 'not-a-folder', 'permission-denied', 'not-writable', 'bad-name', 'exists', 'unknown-folder'] as const;
export type FolderProblem = (typeof FOLDER_PROBLEMS)[number];

type M<P, R> = { params: P; result: R };

/** What the chooser answers, over the browser host's WebSocket (not the service's API). */
export interface FolderApi {
  'folders.places': M<Record<string, never>, FolderPlace[]>;
  'folders.list': M<{ handle: string }, FolderListing>;
  /** A path the person typed: must be absolute. */
  'folders.open': M<{ typed: string }, FolderListing>;
  'folders.create': M<{ handle: string; name: string }, FolderListing>;
  /** Choose the folder (or, with `fileName`, a new file in it: a zip to write). */
  'folders.choose': M<{ handle: string; purpose: PathPurpose; fileName?: string }, ChosenPath>;
}

export type FolderMethod = keyof FolderApi;

const FOLDER_METHOD_TABLE = {
  'folders.places': true,
  'folders.list': true,
  'folders.open': true,
  'folders.create': true,
  'folders.choose': true,
} as const satisfies Record<FolderMethod, true>;

export function isFolderMethod(name: unknown): name is FolderMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(FOLDER_METHOD_TABLE, name);
}
