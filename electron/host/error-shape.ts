// Turns whatever the service rejected with into the { code, message, details } the UI expects. The
// core rejects with ApiError (the shape under `.shape`); anything else is an internal failure.
import { INTERNAL_MESSAGE, isApiErrorShape, type ApiErrorShape } from '../../shared/errors.js';

export const INTERNAL_ERROR: ApiErrorShape = { code: 'internal', message: INTERNAL_MESSAGE };

export function errorShapeOf(err: unknown): ApiErrorShape {
  const shape = isApiErrorShape(err) ? err : (err as { shape?: unknown } | null)?.shape;
  if (!isApiErrorShape(shape)) return INTERNAL_ERROR;
  return { code: shape.code, message: shape.message, ...(shape.details ? { details: shape.details } : {}) };
}
