// What the browser host needs from the core service (electron/core/service/service.ts implements it;
// tests may pass a stand-in).
import type { ApiEvent } from '../../shared/api.js';
import type { ImportSummary } from '../../shared/domain.js';

export interface HostedService {
  call(method: string, params: unknown): Promise<unknown>;
  onEvent(listener: (event: ApiEvent, payload: unknown) => void): () => void;
  importUploaded(files: { name: string; bytes: Uint8Array }[]): Promise<ImportSummary>;
  close(): Promise<void>;
}
