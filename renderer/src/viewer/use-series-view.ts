// The state of one series in the viewer — which image, how it is drawn (window, invert, zoom,
// pan, rotation, flips), the drag tool, cine — and what the keys, wheel and drags do to it.
import { useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { Window } from '../../../shared/imaging/frame.js';
import { seriesImages, type ImageSeries } from '../../../shared/imaging/series.js';
import type { View } from '../../../shared/imaging/voi.js';
import type { FrameLoader } from './frame-loader.js';
import { useCinePlayback } from './use-cine.js';
import { useCurrentFrame } from './use-current-frame.js';
import { useStageInput, type Tool } from './use-stage-input.js';
import { IDENTITY_TRANSFORM, dragSensitivity, dragWindow, indexForKey, presetsFor, rotated, zoomed, type Transform } from './view-state.js';
import { windowForChoice } from './window-choice.js';

/** Which image is asked for, and in which direction the person is scrolling (for prefetch). */
function useNavigation(count: number) {
  const [index, setIndex] = useState(0);
  const [direction, setDirection] = useState<1 | -1>(1);
  const go = (i: number): void => {
    const next = Math.max(0, Math.min(count - 1, i));
    setDirection(next >= index ? 1 : -1);
    setIndex(next);
  };
  return { index, direction, go };
}

export function useSeriesView(series: ImageSeries, loader: FrameLoader, stage: RefObject<HTMLElement | null>, onFullScreen: () => void) {
  const images = useMemo(() => seriesImages(series), [series]);
  const { index, direction, go } = useNavigation(images.length);
  const [choice, setChoice] = useState('file');
  const [custom, setCustom] = useState<Window | null>(null);
  const [invert, setInvert] = useState(false);
  const [transform, setTransform] = useState<Transform>(IDENTITY_TRANSFORM);
  const [tool, setTool] = useState<Tool>('window');
  const { shown, failure } = useCurrentFrame(loader, images, index, direction);
  const frame = shown?.result.ok ? shown.result.frame : null;
  const window = frame ? (choice === 'custom' && custom ? custom : windowForChoice(choice, frame)) : null;
  const view = useMemo<View | null>(() => (window ? { center: window.center, width: window.width, invert } : null), [window?.center, window?.width, invert]);
  const cine = useCinePlayback(images.length, index, shown?.index ?? -1, go);
  const dragFrom = useRef<{ window: Window | null; sensitivity: number; transform: Transform }>({ window: null, sensitivity: 1, transform });
  const presets = presetsFor(series.modality);

  const input = useStageInput(stage, {
    tool,
    onScroll: (n) => go(index + n),
    onWheelZoom: (f) => setTransform((t) => zoomed(t, f)),
    onDragStart: () => (dragFrom.current = { window, sensitivity: frame ? dragSensitivity(frame) : 1, transform }),
    onDrag: (kind, dx, dy) => {
      const from = dragFrom.current;
      if (kind === 'window' && from.window) {
        setCustom(dragWindow(from.window, dx, dy, from.sensitivity));
        setChoice('custom');
      } else if (kind === 'pan') setTransform({ ...from.transform, panX: from.transform.panX + dx, panY: from.transform.panY + dy });
      else if (kind === 'zoom') setTransform(zoomed(from.transform, Math.exp(-dy / 200)));
    },
  });

  function onKeyDown(e: KeyboardEvent<HTMLElement>): void {
    if (e.ctrlKey || e.metaKey || e.altKey) return; // the browser's and the system's shortcuts
    const next = indexForKey(e.key, index, images.length);
    const act = KEY_ACTIONS[e.key];
    if (next === null && !act) return;
    e.preventDefault();
    if (next !== null) go(next);
    else act?.({ setTransform, setInvert, toggleCine: cine.toggle, onFullScreen, setChoice, presets });
  }

  return { images, index, go, shown, failure, frame, window, view, choice, setChoice, invert, setInvert, transform, setTransform, tool, setTool, cine, presets, input, onKeyDown };
}

interface KeyContext {
  setTransform: (f: (t: Transform) => Transform) => void;
  setInvert: (f: (v: boolean) => boolean) => void;
  toggleCine: () => void;
  onFullScreen: () => void;
  setChoice: (c: string) => void;
  presets: readonly { id: string }[];
}

/** Keys that act on the view (navigation keys are in view-state.ts). */
const KEY_ACTIONS: Record<string, (c: KeyContext) => void> = {
  '+': (c) => c.setTransform((t) => zoomed(t, 1.25)),
  '=': (c) => c.setTransform((t) => zoomed(t, 1.25)),
  '-': (c) => c.setTransform((t) => zoomed(t, 0.8)),
  '0': (c) => c.setTransform(() => IDENTITY_TRANSFORM),
  i: (c) => c.setInvert((v) => !v),
  r: (c) => c.setTransform((t) => ({ ...t, rotation: rotated(t.rotation, 90) })),
  h: (c) => c.setTransform((t) => ({ ...t, flipH: !t.flipH })),
  v: (c) => c.setTransform((t) => ({ ...t, flipV: !t.flipV })),
  ' ': (c) => c.toggleCine(),
  f: (c) => c.onFullScreen(),
  ...Object.fromEntries(['1', '2', '3', '4'].map((k, i) => [k, (c: KeyContext) => c.presets[i] && c.setChoice(c.presets[i].id)])),
};
