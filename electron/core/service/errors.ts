// The one place a failure becomes what the person sees: { code, message, details }. Known errors
// (DossierError and the modules' own) keep their words; anything unexpected is logged in full here
// and reaches the person as a plain "something went wrong" — never a raw internal message.
import { ZodError } from 'zod';
import type { ApiErrorShape } from '../../../shared/errors.js';
import { DossierError, isDatabaseCorruption, databaseDamaged } from '../base/errors.js';
import { asDossierError } from '../export/bundle-errors.js';

export type ErrorLog = (detail: string) => void;

const defaultLog: ErrorLog = (detail) => console.error(`[dossier] unexpected error: ${detail}`);

export const INTERNAL_MESSAGE = 'Something went wrong inside Dossier. Your records are safe; please try again.';

export function toApiError(err: unknown, log: ErrorLog = defaultLog): ApiErrorShape {
  if (err instanceof ApiError) return err.shape;
  if (isDatabaseCorruption(err)) err = databaseDamaged('corrupt', err);
  const mapped = asDossierError(err);
  if (mapped instanceof DossierError) return { code: mapped.code, message: mapped.message, ...(mapped.details ? { details: mapped.details } : {}) };
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    return { code: 'invalid-params', message: `Invalid request${issue ? ` (${issue.path.join('.') || 'params'}: ${issue.message})` : ''}.` };
  }
  log((err as Error)?.stack ?? String(err));
  return { code: 'internal', message: INTERNAL_MESSAGE };
}

export class ApiError extends Error {
  constructor(readonly shape: ApiErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
  }
}
