// Identifiers made here: short random record ids (easy to copy from the CLI, unguessable, unrelated
// to any content) and the UIDs/OIDs of everything Dossier writes (DICOM, DICOMDIR, XDM).
import { randomBytes, randomUUID } from 'node:crypto';

export function newId(): string {
  return randomBytes(6).toString('hex');
}

/** A DICOM UID / OID under 2.25 (PS3.5 B.2, ITU-T X.667): a UUID as one decimal arc; no registration needed. */
export function newUid(uuid: string = randomUUID()): string {
  return `2.25.${BigInt(`0x${uuid.replace(/-/g, '')}`).toString(10)}`;
}
