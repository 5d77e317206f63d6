// The grayscale pipeline of PS3.3 C.11: stored value → Modality LUT / rescale → VOI (window or
// VOI LUT) → display value 0…255. Pure functions; the renderer and the core both use them.
import type { DecodedFrame, Lut, ModalityTransform, VoiLutFunction } from './frame.js';

/** Display range: PS3.3 C.11.2.1.2 writes y in [ymin, ymax]; we output 8-bit grey levels. */
const Y_MIN = 0;
const Y_MAX = 255;

/** A LUT as a function: inputs below/above the table take its first/last entry (PS3.3 C.11.1.1). */
export function lutLookup(lut: Lut): (x: number) => number {
  const last = lut.data.length - 1;
  return (x) => {
    const i = Math.round(x) - lut.firstMapped;
    return lut.data[i < 0 ? 0 : i > last ? last : i] as number;
  };
}

/** stored value → modality value (e.g. HU). */
export function modalityMapper(modality: ModalityTransform): (stored: number) => number {
  if (modality.kind === 'lut') return lutLookup(modality.lut);
  const { slope, intercept } = modality;
  return (stored) => stored * slope + intercept;
}

/**
 * Window functions of PS3.3 C.11.2.1.2 (LINEAR) and C.11.2.1.3 (LINEAR_EXACT, SIGMOID), giving an
 * unrounded display value in [0, 255]. LINEAR needs width ≥ 1 and the others width > 0, so
 * smaller widths are raised to those minimums (a hard threshold at the center).
 */
export function windowFunction(center: number, width: number, fn: VoiLutFunction): (x: number) => number {
  const range = Y_MAX - Y_MIN;
  if (fn === 'SIGMOID') {
    const w = width > 0 ? width : Number.MIN_VALUE;
    return (x) => range / (1 + Math.exp((-4 * (x - center)) / w)) + Y_MIN;
  }
  if (fn === 'LINEAR_EXACT') {
    const w = width > 0 ? width : Number.MIN_VALUE;
    const low = center - w / 2;
    const high = center + w / 2;
    return (x) => (x <= low ? Y_MIN : x > high ? Y_MAX : ((x - center) / w + 0.5) * range + Y_MIN);
  }
  const w = Math.max(1, width);
  const low = center - 0.5 - (w - 1) / 2;
  const high = center - 0.5 + (w - 1) / 2;
  return (x) => (x <= low ? Y_MIN : x > high ? Y_MAX : ((x - (center - 0.5)) / (w - 1) + 0.5) * range + Y_MIN);
}

/** A VOI LUT scaled to [0, 255]: full scale is 2^bits − 1 of its descriptor. */
export function voiLutFunction(lut: Lut): (x: number) => number {
  const lookup = lutLookup(lut);
  const full = 2 ** lut.bits - 1;
  return (x) => (lookup(x) / full) * (Y_MAX - Y_MIN) + Y_MIN;
}

export interface View {
  center: number;
  width: number;
  /** The user's invert toggle, on top of MONOCHROME1's own inversion. */
  invert?: boolean;
  /** Use the file's VOI LUT (index voiLutIndex, default 0) instead of center/width, when it has one. */
  useVoiLut?: boolean;
  voiLutIndex?: number;
  /** Overrides the file's VOI LUT Function. */
  function?: VoiLutFunction;
}

/** stored value → display grey level 0…255 (rounded, inverted as asked) for a gray frame. */
export function grayMapper(frame: DecodedFrame, view: View): (stored: number) => number {
  const modality = modalityMapper(frame.modality);
  const lut = view.useVoiLut ? frame.voi.luts[view.voiLutIndex ?? 0] : undefined;
  const voi = lut ? voiLutFunction(lut) : windowFunction(view.center, view.width, view.function ?? frame.voi.function);
  const invert = frame.invert !== (view.invert ?? false);
  return (stored) => {
    const y = Math.round(voi(modality(stored)));
    return invert ? Y_MAX - y : y;
  };
}
