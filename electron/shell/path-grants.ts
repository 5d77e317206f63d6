// Paths as opaque grants (shared/path-params.ts): the Electron shell issues one for each path a
// native dialog or a drop returned, the browser host for what its folder chooser returned. Before
// the service sees a call, the grants in its path params are swapped for the paths; a raw path, a
// grant this table never issued, or a read grant where something is written is refused. Plain Node
// (no 'electron' import): the browser host uses it too.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { grantString, isGrantLike, mapPathParams, type ChosenPath, type PathPurpose } from '../../shared/path-params.js';
import { ApiError } from '../core/service/errors.js';

export type GrantProblem = 'raw-path' | 'unknown-grant' | 'wrong-purpose';

const REFUSALS: Record<GrantProblem, string> = {
  'raw-path': 'This request was refused: files and folders must be chosen in Dossier (a dialog or a drop), not typed in.',
  'unknown-grant': 'That file or folder choice has expired. Please choose it again.',
  'wrong-purpose': 'That folder was chosen for reading, not for writing. Please choose where to write.',
};

function refused(problem: GrantProblem): ApiError {
  return new ApiError({ code: 'invalid-params', message: REFUSALS[problem], details: { problem } });
}

export class PathGrants {
  private readonly table = new Map<string, { path: string; purpose: PathPurpose }>();

  /** A grant for an absolute path the person chose. */
  issue(chosen: string, purpose: PathPurpose): string {
    if (!path.isAbsolute(chosen)) throw new Error(`only absolute paths are granted, not "${chosen}"`);
    const grant = grantString(randomBytes(32).toString('base64url'));
    this.table.set(grant, { path: path.normalize(chosen), purpose });
    return grant;
  }

  /** What the page gets for a chosen path: the grant, and the path to show. */
  choose(chosen: string, purpose: PathPurpose): ChosenPath {
    return { grant: this.issue(chosen, purpose), label: chosen };
  }

  /** The path behind a grant; a write grant also reads (a destination is verified after writing). */
  resolve(value: unknown, purpose: PathPurpose): string {
    if (!isGrantLike(value)) throw refused('raw-path');
    const entry = this.table.get(value);
    if (!entry) throw refused('unknown-grant');
    if (purpose === 'write' && entry.purpose !== 'write') throw refused('wrong-purpose');
    return entry.path;
  }

  /** The params with every grant swapped for its path; throws (an ApiError) to refuse the call. */
  swapParams(method: string, params: unknown): unknown {
    return mapPathParams(method, params, (value, purpose) => this.resolve(value, purpose));
  }
}
