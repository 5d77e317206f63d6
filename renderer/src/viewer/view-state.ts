// The viewer's pure rules: which image a key or wheel turn leads to, how a drag changes the
// window, how the image is fitted, zoomed, rotated and flipped. No React, no DOM: tested alone.
import type { DecodedFrame, Window } from '../../../shared/imaging/frame.js';
import { CT_WINDOW_PRESETS, type CtWindowPresetId } from '../../../shared/imaging/windows.js';

export type Rotation = 0 | 90 | 180 | 270;

export interface Transform {
  /** Multiplies the fitted size. */
  zoom: number;
  /** Pan in screen pixels. */
  panX: number;
  panY: number;
  rotation: Rotation;
  flipH: boolean;
  flipV: boolean;
}

export const IDENTITY_TRANSFORM: Transform = { zoom: 1, panX: 0, panY: 0, rotation: 0, flipH: false, flipV: false };
export const ZOOM_LIMITS = { min: 0.1, max: 16 } as const;
/** Images skipped by PageUp/PageDown. */
export const PAGE_STEP = 10;

/** The image a navigation key leads to, or null when the key is not one. */
export function indexForKey(key: string, index: number, count: number): number | null {
  const clamp = (i: number): number => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return clamp(index + 1);
    case 'ArrowUp':
    case 'ArrowLeft':
      return clamp(index - 1);
    case 'PageDown':
      return clamp(index + PAGE_STEP);
    case 'PageUp':
      return clamp(index - PAGE_STEP);
    case 'Home':
      return 0;
    case 'End':
      return clamp(count - 1);
    default:
      return null;
  }
}

/** Wheel deltas → whole images: one per mouse notch, touchpad deltas added up. */
export class WheelSteps {
  private acc = 0;
  static readonly NOTCH = 50;

  steps(deltaY: number, deltaMode: number): number {
    const pixels = deltaMode === 1 ? deltaY * WheelSteps.NOTCH : deltaMode === 2 ? deltaY * WheelSteps.NOTCH * 10 : deltaY;
    if (Math.abs(pixels) >= WheelSteps.NOTCH) {
      this.acc = 0;
      return Math.sign(pixels) * Math.max(1, Math.round(Math.abs(pixels) / (WheelSteps.NOTCH * 2)));
    }
    this.acc += pixels;
    const n = Math.trunc(this.acc / WheelSteps.NOTCH);
    this.acc -= n * WheelSteps.NOTCH;
    return n;
  }
}

/** Modality units per screen pixel dragged: the frame's value range over 512 pixels. */
export function dragSensitivity(frame: DecodedFrame): number {
  return Math.max(frame.max - frame.min, 1) / 512;
}

/** Dragging right widens the window, down raises its centre (the image darkens), as in most PACS. */
export function dragWindow(start: Window, dx: number, dy: number, sensitivity: number): Window {
  return { center: start.center + dy * sensitivity, width: Math.max(1, start.width + dx * sensitivity) };
}

/** Presets offered for a modality (CT only: Hounsfield units mean the same on every scanner). */
export function presetsFor(modality: string): readonly { id: CtWindowPresetId; center: number; width: number }[] {
  return modality.toUpperCase() === 'CT' ? CT_WINDOW_PRESETS : [];
}

/** Vertical stretch for non-square pixels (row spacing over column spacing). */
export function pixelAspect(frame: DecodedFrame): number {
  if (frame.pixelSpacing) return frame.pixelSpacing.row / frame.pixelSpacing.column;
  if (frame.aspectRatio) return frame.aspectRatio.vertical / frame.aspectRatio.horizontal;
  return 1;
}

/** Scale at which the (rotated) image fills the box without cropping. */
export function fitScale(box: { width: number; height: number }, frame: { columns: number; rows: number }, aspect: number, rotation: Rotation): number {
  const w = frame.columns;
  const h = frame.rows * aspect;
  const [rw, rh] = rotation === 90 || rotation === 270 ? [h, w] : [w, h];
  if (rw <= 0 || rh <= 0 || box.width <= 0 || box.height <= 0) return 1;
  return Math.min(box.width / rw, box.height / rh);
}

/**
 * The CSS transform of the canvas (drawn at the image's own size, centred in the box). Read right
 * to left: size and pixel aspect, then rotation, then flips — on screen, so "flip horizontal"
 * mirrors left and right whatever the rotation — then pan.
 */
export function cssTransform(t: Transform, fit: number, aspect: number): string {
  const s = fit * t.zoom;
  return `translate(${t.panX}px, ${t.panY}px) scale(${t.flipH ? -1 : 1}, ${t.flipV ? -1 : 1}) rotate(${t.rotation}deg) scale(${s}, ${s * aspect})`;
}

export function rotated(r: Rotation, by: 90 | -90): Rotation {
  return (((r + by) % 360) + 360) % 360 as Rotation;
}

export function zoomed(t: Transform, factor: number): Transform {
  return { ...t, zoom: Math.max(ZOOM_LIMITS.min, Math.min(ZOOM_LIMITS.max, t.zoom * factor)) };
}
