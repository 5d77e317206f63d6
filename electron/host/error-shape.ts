// Turns whatever the service rejected with into the { code, message } the UI expects. The core
// rejects with ApiError instances (the shape under `.shape`); stand-ins reject with plain shapes.
import { isApiErrorShape, type ApiErrorShape } from '../../shared/errors.js';

export const INTERNAL_ERROR: ApiErrorShape = { code: 'internal', message: 'Something went wrong. Your records are safe; please try again.' };

export function errorShapeOf(err: unknown): ApiErrorShape {
  if (isApiErrorShape(err)) return { code: err.code, message: err.message };
  const shape = (err as { shape?: unknown } | null)?.shape;
  if (isApiErrorShape(shape)) return { code: shape.code, message: shape.message };
  return INTERNAL_ERROR;
}
