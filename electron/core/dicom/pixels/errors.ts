// The one error type of the pixel engine: it carries a PixelError (code + fields) as data.
import type { PixelError } from '../../../../shared/imaging/errors.js';

export class PixelDecodeError extends Error {
  constructor(readonly detail: PixelError) {
    super(detail.code); // the code, not prose: callers read `detail`
    this.name = 'PixelDecodeError';
  }
}

export function fail(detail: PixelError): never {
  throw new PixelDecodeError(detail);
}
