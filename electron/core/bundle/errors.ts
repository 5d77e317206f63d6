// Clear, user-readable errors for writing to a destination (often a USB stick that can fill up,
// be read-only, or be pulled out mid-write).
import type { ErrorCode } from '../../../shared/errors.js';

export class BundleError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BundleError';
  }
}

export const MESSAGES = {
  diskFull: 'not enough space on the destination',
  gone: 'the destination disappeared (was the USB stick removed?)',
  readOnly: 'cannot write to the destination (read-only or no permission)',
} as const;

/** Maps a filesystem error from writing the bundle to a BundleError; other errors pass through. */
export function destinationError(error: unknown): unknown {
  if (error instanceof BundleError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new BundleError('disk-full', MESSAGES.diskFull, { cause: error });
    case 'EIO':
    case 'ENOENT':
    case 'ENODEV':
    case 'ENXIO':
    case 'ESTALE':
      return new BundleError('destination-gone', MESSAGES.gone, { cause: error });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new BundleError('permission-denied', MESSAGES.readOnly, { cause: error });
    default:
      return error;
  }
}
