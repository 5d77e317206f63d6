// Where the keyboard focus goes when a screen opens: its heading (announced by screen readers),
// so focus never drops to <body> after unlocking, opening a case or finishing an export.
import { useEffect, type RefObject } from 'react';

export function useFocusOnMount(ref: RefObject<HTMLElement | null>, when = true): void {
  useEffect(() => {
    if (when) ref.current?.focus();
  }, [ref, when]);
}
