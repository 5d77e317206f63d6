// Default and preset windows for the viewer.
import type { DecodedFrame, Window } from './frame.js';

/**
 * CT presets in Hounsfield units (center/width), as listed by Radiopaedia's "Windowing (CT)"
 * article: brain 40/80, lungs −600/1500, bone 400/1800, soft tissue 40/400 (its range is
 * W 350–400, L 20–60). Ids, not labels: the UI names them.
 */
export const CT_WINDOW_PRESETS = [
  { id: 'soft-tissue', center: 40, width: 400 },
  { id: 'lung', center: -600, width: 1500 },
  { id: 'bone', center: 400, width: 1800 },
  { id: 'brain', center: 40, width: 80 },
] as const satisfies readonly (Window & { id: string })[];

export type CtWindowPresetId = (typeof CT_WINDOW_PRESETS)[number]['id'];

/** The 8-bit identity window under LINEAR: 0 → 0, 255 → 255. */
export const IDENTITY_WINDOW: Window = { center: 128, width: 256 };

/**
 * The file's first window; else for colour the identity; else one spanning the frame's modality
 * values exactly (min → black, max → white) under the frame's VOI LUT Function.
 */
export function defaultWindow(frame: DecodedFrame): Window {
  const first = frame.voi.windows[0];
  if (first) return first;
  if (frame.kind === 'rgb') return IDENTITY_WINDOW;
  const { min, max } = frame;
  if (frame.voi.function === 'LINEAR') return { center: (min + max) / 2 + 0.5, width: max - min + 1 };
  return { center: (min + max) / 2, width: Math.max(max - min, Number.MIN_VALUE) };
}
