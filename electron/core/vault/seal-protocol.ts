// Messages to a seal worker (structured clone; the file's bytes are transferred, not copied).
export interface SealWorkerData {
  encryptionKey: Uint8Array;
  namingKey: Uint8Array;
  tmpDir: string;
}

export interface SealRequest {
  bytes: ArrayBuffer;
  offset: number;
  length: number;
  factsJson: string;
}
