// The shape every handler group fills: one function per API method, params already validated.
import type { ApiEvent, ApiMethod, ApiParams, ApiResult, DossierEvents } from '../../../../shared/api.js';
import type { VaultSession } from '../session.js';
import type { DatasetCache } from '../../records/dataset-cache.js';

export type Handlers = { [K in ApiMethod]: (params: ApiParams<K>) => Promise<ApiResult<K>> | ApiResult<K> };

export interface HandlerContext {
  session: VaultSession;
  appVersion: string;
  /** Parsed DICOM files of the series being viewed; cleared when the vault locks. */
  datasets: DatasetCache;
  emit: <E extends ApiEvent>(event: E, payload: DossierEvents[E]) => void;
}
