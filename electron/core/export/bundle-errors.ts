// The bundle and archive modules throw their own error types; the API speaks DossierError.
import { DossierError } from '../base/errors.js';
import { BundleError } from '../bundle/errors.js';
import { ZipReadError } from '../archive/zip-read.js';
import { describeSkip } from '../../../shared/words/import.js';

export function asDossierError(err: unknown): unknown {
  if (err instanceof DossierError) return err;
  if (err instanceof BundleError) return new DossierError(err.code, capitalize(err.message), { cause: err });
  if (err instanceof ZipReadError) return new DossierError('unreadable', `Cannot read the zip: ${describeSkip(err.reason)}.`, { cause: err, details: { zip: err.reason.code } });
  return err;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1) + (/[.!?]$/.test(s) ? '' : '.');
}
