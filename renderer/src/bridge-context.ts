// React access to the bridge, and turning any rejection into words for the user.
import { createContext, useContext } from 'react';
import type { DossierBridge } from '../../shared/api.js';
import { INTERNAL_MESSAGE, isApiErrorShape } from '../../shared/errors.js';

export const BridgeContext = createContext<DossierBridge | null>(null);

export function useBridge(): DossierBridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('BridgeContext missing');
  return bridge;
}

export function errorMessage(err: unknown): string {
  if (isApiErrorShape(err)) return err.message;
  return INTERNAL_MESSAGE;
}

export function errorCode(err: unknown): string | null {
  return isApiErrorShape(err) ? err.code : null;
}
