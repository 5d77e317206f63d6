// The one error type of the pixel engine: a DossierError that carries a PixelError (code + fields)
// as data; callers branch on `detail`, the words come from shared/words/imaging.ts.
import type { PixelError } from '../../../../shared/imaging/errors.js';
import { describePixelError } from '../../../../shared/words/imaging.js';
import { DossierError } from '../../base/errors.js';

export class PixelDecodeError extends DossierError {
  constructor(readonly detail: PixelError) {
    super('unreadable', describePixelError(detail), { details: { pixel: detail.code } });
    this.name = 'PixelDecodeError';
  }
}

export function fail(detail: PixelError): never {
  throw new PixelDecodeError(detail);
}
