// Messages to a vault worker (structured clone; a file's bytes are transferred, not copied): seal
// a file for the import, or unseal a blob for an export.
export interface SealWorkerData {
  encryptionKey: Uint8Array;
  namingKey: Uint8Array;
  tmpDir: string;
}

export interface SealRequest {
  op: 'seal';
  bytes: ArrayBuffer;
  offset: number;
  length: number;
  factsJson: string;
}

export interface UnsealRequest {
  op: 'unseal';
  /** The blob's path in the vault. */
  file: string;
  blobId: string;
  /** Also the SHA-1 of the plaintext (XDM lists documents by it). */
  sha1: boolean;
  /** Also its CRC-32 (a zip entry records it). */
  crc32: boolean;
}

export type VaultWorkerRequest = SealRequest | UnsealRequest;
