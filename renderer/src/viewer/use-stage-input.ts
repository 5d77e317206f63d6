// Mouse, pen, touch and wheel on the image: the wheel scrolls images (Ctrl+wheel zooms), a drag
// does what the chosen tool does (window, pan or zoom), the middle button always pans.
import { useEffect, useRef, type PointerEvent, type RefObject } from 'react';
import { WheelSteps } from './view-state.js';

export type Tool = 'window' | 'pan' | 'zoom';
export type DragKind = Tool;

export interface StageInput {
  tool: Tool;
  /** Whole images to move by (wheel). */
  onScroll(steps: number): void;
  /** Zoom by a factor (Ctrl+wheel). */
  onWheelZoom(factor: number): void;
  /** A drag began: return whatever the move needs to start from. */
  onDragStart(kind: DragKind): void;
  /** Screen pixels moved since the drag began. */
  onDrag(kind: DragKind, dx: number, dy: number): void;
}

export function useStageInput(stage: RefObject<HTMLElement | null>, input: StageInput) {
  const latest = useRef(input);
  latest.current = input;
  const drag = useRef<{ kind: DragKind; x: number; y: number; pointer: number } | null>(null);

  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    const steps = new WheelSteps();
    // Not passive: the page must not scroll while the wheel moves through images.
    const onWheel = (e: WheelEvent): void => {
      e.preventDefault();
      if (e.ctrlKey || e.metaKey) latest.current.onWheelZoom(e.deltaY < 0 ? 1.1 : 1 / 1.1);
      else {
        const n = steps.steps(e.deltaY, e.deltaMode);
        if (n) latest.current.onScroll(n);
      }
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [stage]);

  return {
    onPointerDown(e: PointerEvent<HTMLElement>) {
      if (e.button !== 0 && e.button !== 1) return;
      e.preventDefault();
      e.currentTarget.focus();
      const kind: DragKind = e.button === 1 ? 'pan' : latest.current.tool;
      e.currentTarget.setPointerCapture(e.pointerId);
      drag.current = { kind, x: e.clientX, y: e.clientY, pointer: e.pointerId };
      latest.current.onDragStart(kind);
    },
    onPointerMove(e: PointerEvent<HTMLElement>) {
      const d = drag.current;
      if (!d || d.pointer !== e.pointerId) return;
      latest.current.onDrag(d.kind, e.clientX - d.x, e.clientY - d.y);
    },
    onPointerUp(e: PointerEvent<HTMLElement>) {
      if (drag.current?.pointer === e.pointerId) drag.current = null;
    },
    onPointerCancel() {
      drag.current = null;
    },
  };
}
