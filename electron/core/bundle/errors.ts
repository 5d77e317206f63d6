// Writing to a destination (often a USB stick that can fill up, be read-only, or be pulled out
// mid-write): its OS errors said as the place, through the one errno mapper.
import { DossierError, fsError } from '../base/errors.js';
import { formatBytes } from '../../../shared/format.js';

export function destinationError(error: unknown): unknown {
  return fsError(error, 'the destination', { destination: true });
}

/** Measured before writing: how much the bundle needs with room to write safely, and how much is free. */
export function destinationFull(neededBytes: number, freeBytes: number): DossierError {
  return new DossierError('disk-full', `Not enough space on the destination: the bundle needs about ${formatBytes(neededBytes)} with room to write safely; ${formatBytes(freeBytes)} free.`, {
    details: { neededBytes, freeBytes },
  });
}
