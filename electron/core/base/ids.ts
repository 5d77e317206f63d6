// Short random ids: easy to copy from the CLI, unguessable, and unrelated to any content.
import { randomBytes } from 'node:crypto';

export function newId(): string {
  return randomBytes(6).toString('hex');
}
