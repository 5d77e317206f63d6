// Every failure leaves the core as { code, message }: a message written for the person.
import { ZodError } from 'zod';
import type { ApiErrorShape } from '../../../shared/errors.js';
import { DossierError } from '../base/errors.js';
import { asDossierError } from '../export/bundle-errors.js';

export function toApiError(err: unknown): ApiErrorShape {
  if (err instanceof ApiError) return err.shape;
  const mapped = asDossierError(err);
  if (mapped instanceof DossierError) return { code: mapped.code, message: mapped.message };
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    return { code: 'invalid-params', message: `Invalid request${issue ? ` (${issue.path.join('.') || 'params'}: ${issue.message})` : ''}.` };
  }
  return { code: 'internal', message: `Something went wrong inside Dossier: ${(err as Error)?.message ?? String(err)}` };
}

export class ApiError extends Error {
  constructor(readonly shape: ApiErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
  }
}
