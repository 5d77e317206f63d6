// Where focus goes once the next render is on screen: after saving, adding or dismissing, the
// element that replaced the control the person used (by its DOM id), never <body>. A child may
// render the element a frame later (it copies props into state), so a few frames are tried.
import { useCallback, useEffect, useRef } from 'react';

const FRAMES = 10;

export function useFocusAfter(deps: unknown[]): (elementId: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    let frame = 0;
    let handle = 0;
    const attempt = () => {
      const target = pending.current;
      if (!target) return;
      const el = document.getElementById(target);
      if (el) {
        el.focus();
        pending.current = null;
      } else if (++frame < FRAMES) handle = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(handle);
  }, deps);
  return useCallback((elementId: string) => {
    pending.current = elementId;
  }, []);
}
