// The one place a failure becomes what the person sees: { code, message, details }. Known errors
// (DossierError and the modules' own) keep their words; anything unexpected is logged in full here
// and reaches the person as a plain "something went wrong" — never a raw internal message.
import { ZodError } from 'zod';
import { INTERNAL_MESSAGE, type ApiErrorShape } from '../../../shared/errors.js';
import { DossierError, isDatabaseCorruption, databaseDamaged } from '../base/errors.js';

export type ErrorLog = (detail: string) => void;

const defaultLog: ErrorLog = (detail) => console.error(`[dossier] unexpected error: ${detail}`);


export function toApiError(err: unknown, log: ErrorLog = defaultLog): ApiErrorShape {
  if (err instanceof ApiError) return err.shape;
  if (isDatabaseCorruption(err)) err = databaseDamaged('corrupt', err);
  if (err instanceof DossierError) return { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) };
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
