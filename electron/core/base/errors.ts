// Typed, user-readable errors. The CLI prints `message` (no stack); the API sends { code, message }.
import type { ErrorCode } from '../../../shared/errors.js';

export class DossierError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DossierError';
    this.code = code;
  }
}

/** Maps an operating-system error on `what` (a path or description) to a clear DossierError. */
export function fsError(err: unknown, what: string): DossierError {
  if (err instanceof DossierError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new DossierError('disk-full', `Not enough free disk space to write ${what}.`, { cause: err });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new DossierError('permission-denied', `Permission denied: cannot write ${what}.`, { cause: err });
    case 'ENOENT':
      return new DossierError('not-found', `Not found: ${what}.`, { cause: err });
    case 'EIO':
    case 'ENXIO':
    case 'ENODEV':
      return new DossierError('destination-gone', `The disk holding ${what} stopped responding (was it removed?).`, { cause: err });
    default:
      return new DossierError('unreadable', `Could not access ${what}: ${(err as Error)?.message ?? String(err)}`, { cause: err });
  }
}
