// Error codes that cross the process boundary. Each maps to one clear message for the user.
export const ERROR_CODES = [
  'wrong-passphrase',
  'wrong-recovery-key',
  'not-a-vault',
  'vault-exists',
  'vault-in-use',
  'newer-format',
  'damaged',
  /** The index (dossier.db) is damaged, empty or missing; the stored files are intact: rebuild it. */
  'database-damaged',
  'disk-full',
  'permission-denied',
  'unreadable',
  'not-found',
  'locked',
  'invalid-params',
  'identity-mismatch',
  'destination-gone',
  'bundle-exists',
  'cancelled',
  /** More files in one folder or zip than one import takes. */
  'too-many-files',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What the person sees for any failure that is not one of the codes above (the detail is logged, never shown). */
export const INTERNAL_MESSAGE = 'Something went wrong inside Dossier. Your records are safe; please try again.';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Structured facts about an error (JSON-safe) that the UI and CLI may branch on or show. */
export type ErrorDetails = Record<string, JsonValue>;

/** The shape of every error the API returns. `message` is written for the user. */
export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

export function isApiErrorShape(value: unknown): value is ApiErrorShape {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.message === 'string' && (ERROR_CODES as readonly unknown[]).includes(v.code);
}
