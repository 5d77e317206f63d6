// Which API params are file-system paths — the one definition. The app never sends a path: it
// sends a grant (an unguessable string) that the Electron shell issued for what a native dialog or
// a drop returned, or that the browser host issued for what its folder chooser returned. The
// transports swap grants for paths with this table before the service sees the params, and refuse
// anything else. The CLI (the person at a terminal) passes paths to the service directly.
import type { ApiMethod } from './api.js';

/** 'read': a file or folder to read from; 'write': a destination to write to. */
export type PathPurpose = 'read' | 'write';

export interface PathParam {
  /** Where the value sits in the params object: ['destination', 'path'] is params.destination.path. */
  at: readonly string[];
  /** An array of paths rather than one. */
  many?: true;
  purpose: PathPurpose;
}

export const PATH_PARAMS = {
  'import.paths': { at: ['paths'], many: true, purpose: 'read' },
  'export.run': { at: ['destination', 'path'], purpose: 'write' },
  'export.verify': { at: ['path'], purpose: 'read' },
  'vault.backup': { at: ['destination'], purpose: 'write' },
} as const satisfies Partial<Record<ApiMethod, PathParam>>;

/** A file or folder the person chose: the grant to send, and what to show them. */
export interface ChosenPath {
  grant: string;
  /** The path as the person knows it, for display only. */
  label: string;
}

const GRANT_PREFIX = 'grant:';

export function isGrantLike(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(GRANT_PREFIX);
}

export function grantString(random: string): string {
  return `${GRANT_PREFIX}${random}`;
}

type Swap = (value: unknown, purpose: PathPurpose) => string;

function swapAt(node: unknown, at: readonly string[], spec: PathParam, swap: Swap): unknown {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return node; // the service's validation refuses it
  const [key, ...rest] = at as [string, ...string[]];
  if (!(key in node)) return node;
  const value = (node as Record<string, unknown>)[key];
  const next = rest.length
    ? swapAt(value, rest, spec, swap)
    : spec.many && Array.isArray(value)
      ? value.map((v) => swap(v, spec.purpose))
      : swap(value, spec.purpose);
  return { ...node, [key]: next };
}

/** The params with every path param passed through `swap` (which throws to refuse); others as they are. */
export function mapPathParams(method: string, params: unknown, swap: Swap): unknown {
  const spec: PathParam | undefined = (PATH_PARAMS as Partial<Record<string, PathParam>>)[method];
  return spec ? swapAt(params, spec.at, spec, swap) : params;
}
