// "Moved to the trash — Undo", once per deletion: deleting two records one after the other leaves
// two offers, each taking back its own records. Emptying the trash withdraws them all.
import { useCallback, useState } from 'react';
import { errorMessage, useBridge } from '../bridge-context.js';

/** The most offers shown at once; older ones stay in the trash (Settings → Trash). */
const MAX_OFFERS = 4;

export interface UndoOffer {
  key: number;
  ids: string[];
  label: string;
}

export interface UndoState {
  offers: UndoOffer[];
  error: string | null;
  push(ids: string[], label: string): void;
  restore(offer: UndoOffer): Promise<void>;
  dismiss(offer: UndoOffer): void;
  clear(): void;
}

let nextKey = 1;

export function useUndo(onRestored: () => void): UndoState {
  const bridge = useBridge();
  const [offers, setOffers] = useState<UndoOffer[]>([]);
  const [error, setError] = useState<string | null>(null);
  const dismiss = useCallback((offer: UndoOffer) => setOffers((list) => list.filter((o) => o.key !== offer.key)), []);
  return {
    offers,
    error,
    push: useCallback((ids: string[], label: string) => setOffers((list) => [...list, { key: nextKey++, ids, label }].slice(-MAX_OFFERS)), []),
    async restore(offer) {
      setError(null);
      try {
        await bridge.call('records.restore', { ids: offer.ids });
        dismiss(offer);
        onRestored();
      } catch (err) {
        setError(errorMessage(err));
      }
    },
    dismiss,
    clear: useCallback(() => setOffers([]), []),
  };
}

export function UndoToasts({ undo }: { undo: UndoState }) {
  if (!undo.offers.length && !undo.error) return null;
  return (
    <div className="toasts" role="region" aria-label="Undo">
      {undo.error && <p className="toast" role="alert">{undo.error}</p>}
      {undo.offers.map((o) => (
        <div className="toast" key={o.key} role="status">
          <span>{o.label} moved to the trash.</span>
          <button type="button" onClick={() => void undo.restore(o)} aria-label={`Undo: restore ${o.label}`}>Undo</button>
          <button type="button" className="icon" aria-label={`Dismiss: ${o.label} moved to the trash`} onClick={() => undo.dismiss(o)}>✕</button>
        </div>
      ))}
    </div>
  );
}
