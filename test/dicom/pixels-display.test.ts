// renderToRgba and its helpers against values worked out by hand from PS3.3 C.11.2.1.2 (LINEAR)
// and C.11.2.1.3 (LINEAR_EXACT, SIGMOID), each rounded to the nearest grey level.
import { describe, expect, it } from 'vitest';
import type { DecodedFrame, SampleArray, SampleType } from '../../shared/imaging/frame.js';
import { renderToRgba } from '../../shared/imaging/render-rgba.js';
import { CT_WINDOW_PRESETS, defaultWindow } from '../../shared/imaging/windows.js';

function gray(samples: SampleArray, sampleType: SampleType, over: Partial<DecodedFrame> = {}): DecodedFrame {
  const values = Array.from(samples as ArrayLike<number>);
  return {
    rows: 1,
    columns: values.length,
    kind: 'gray',
    sampleType,
    samples,
    bitsStored: 16,
    modality: { kind: 'rescale', slope: 1, intercept: -1024 },
    voi: { windows: [], luts: [], function: 'LINEAR' },
    invert: false,
    storedMin: Math.min(...values),
    storedMax: Math.max(...values),
    min: Math.min(...values) - 1024,
    max: Math.max(...values) - 1024,
    photometric: 'MONOCHROME2',
    frameIndex: 0,
    frameCount: 1,
    ...over,
  };
}

/** The grey level of each pixel, checking that RGBA is grey and opaque. */
function greys(rgba: Uint8ClampedArray): number[] {
  const out: number[] = [];
  for (let i = 0; i < rgba.length; i += 4) {
    expect([rgba[i + 1], rgba[i + 2], rgba[i + 3]]).toEqual([rgba[i], rgba[i], 255]);
    out.push(rgba[i] as number);
  }
  return out;
}

// Modality values (HU) −160, −159, 40, 239, 240, 100 stored with intercept −1024.
const HU = [-160, -159, 40, 239, 240, 100];
const STORED = Int16Array.from(HU, (v) => v + 1024);
const WINDOW = { center: 40, width: 400 };

describe('renderToRgba (gray)', () => {
  it('LINEAR: y = ((x − (c − 0.5)) / (w − 1) + 0.5) · 255, clipped at c − 0.5 ∓ (w − 1)/2', () => {
    // bounds −160 and 239; e.g. x = −159: (−198.5/399 + 0.5)·255 = 0.64 → 1; x = 100: (60.5/399 + 0.5)·255 = 166.2
    expect(greys(renderToRgba(gray(STORED, 'i16'), WINDOW))).toEqual([0, 1, 128, 255, 255, 166]);
  });

  it('MONOCHROME1 inverts, and the view invert toggles that again', () => {
    const mono1 = gray(STORED, 'i16', { invert: true });
    expect(greys(renderToRgba(mono1, WINDOW))).toEqual([255, 254, 127, 0, 0, 89]);
    expect(greys(renderToRgba(mono1, { ...WINDOW, invert: true }))).toEqual([0, 1, 128, 255, 255, 166]);
  });

  it('LINEAR_EXACT: y = ((x − c)/w + 0.5) · 255 between c ∓ w/2', () => {
    // x = 40: 127.5 → 128; x = 239: (199/400 + 0.5)·255 = 254.4; x = 100: 0.65·255 = 165.75
    const frame = gray(STORED, 'i16', { voi: { windows: [], luts: [], function: 'LINEAR_EXACT' } });
    expect(greys(renderToRgba(frame, WINDOW))).toEqual([0, 1, 128, 254, 255, 166]);
  });

  it('SIGMOID: y = 255 / (1 + exp(−4 (x − c)/w))', () => {
    // x = −160: 255/(1 + e²) = 30.4; x = 240: 255/(1 + e⁻²) = 224.6; x = 100: 255/(1 + e^−0.6) = 164.6
    const frame = gray(STORED, 'i16', { voi: { windows: [], luts: [], function: 'SIGMOID' } });
    expect(greys(renderToRgba(frame, WINDOW))).toEqual([30, 31, 128, 224, 225, 165]);
    expect(greys(renderToRgba(gray(STORED, 'i16'), { ...WINDOW, function: 'SIGMOID' }))).toEqual([30, 31, 128, 224, 225, 165]);
  });

  it('maps float frames per pixel to the same values as the table of integer frames', () => {
    const asFloat = gray(Float32Array.from(STORED), 'f32');
    expect(greys(renderToRgba(asFloat, WINDOW))).toEqual(greys(renderToRgba(gray(STORED, 'i16'), WINDOW)));
  });

  it('a window narrower than 1 is a threshold at the center', () => {
    // width 1: everything ≤ c − 0.5 = 99.5 is black, the rest (100 included) white
    expect(greys(renderToRgba(gray(STORED, 'i16'), { center: 100, width: 0 }))).toEqual([0, 0, 0, 255, 255, 255]);
  });

  it('applies a modality LUT before the window', () => {
    // stored 0..3 → 10, 20, 30, 40; below/above the table take its first/last entry
    const lut = { firstMapped: 0, bits: 16, data: Uint16Array.from([10, 20, 30, 40]) };
    const frame = gray(Uint16Array.from([0, 1, 2, 3, 9]), 'u16', { modality: { kind: 'lut', lut } });
    // window 25/31: bounds 9.5 and 39.5 → 10 → (10 − 24.5)/30 + 0.5 = 0.0167 → 4
    expect(greys(renderToRgba(frame, { center: 25, width: 31 }))).toEqual([4, 89, 174, 255, 255]);
  });

  it('uses the VOI LUT when asked: entries over 2^bits − 1', () => {
    const lut = { firstMapped: -100, bits: 8, data: Uint16Array.from([0, 64, 128, 255]) };
    const frame = gray(Int16Array.from([-101, -100, -99, -98, -97, 50].map((v) => v + 1024)), 'i16', {
      voi: { windows: [WINDOW], luts: [lut], function: 'LINEAR' },
    });
    expect(greys(renderToRgba(frame, { ...WINDOW, useVoiLut: true }))).toEqual([0, 0, 64, 128, 255, 255]);
    const twelveBit = { firstMapped: 0, bits: 12, data: Uint16Array.from([0, 4095, 2048]) };
    const f12 = gray(Uint16Array.from([1024, 1025, 1026]), 'u16', { voi: { windows: [], luts: [twelveBit], function: 'LINEAR' } });
    expect(greys(renderToRgba(f12, { center: 0, width: 1, useVoiLut: true }))).toEqual([0, 255, 128]);
  });
});

describe('renderToRgba (colour)', () => {
  const rgb = (values: number[]): DecodedFrame => ({
    ...gray(Uint8Array.from(values), 'u8'),
    columns: values.length / 3,
    kind: 'rgb',
    modality: { kind: 'rescale', slope: 1, intercept: 0 },
  });

  it('is the identity at the default window 128/256, and windows every channel alike', () => {
    const frame = rgb([0, 100, 255, 17, 128, 200]);
    const window = defaultWindow(frame);
    expect(window).toEqual({ center: 128, width: 256 });
    expect([...renderToRgba(frame, window)]).toEqual([0, 100, 255, 255, 17, 128, 200, 255]);
    expect([...renderToRgba(frame, { ...window, invert: true })]).toEqual([255, 155, 0, 255, 238, 127, 55, 255]);
    // 64/128: bounds 0 and 127 → 100 → ((100 − 63.5)/127 + 0.5)·255 = 200.8
    expect([...renderToRgba(frame, { center: 64, width: 128 })]).toEqual([0, 201, 255, 255, 34, 255, 255, 255]);
  });
});

describe('defaultWindow and presets', () => {
  it('takes the file’s first window', () => {
    const frame = gray(STORED, 'i16', { voi: { windows: [{ center: -600, width: 1500, explanation: 'LUNG' }, WINDOW], luts: [], function: 'LINEAR' } });
    expect(defaultWindow(frame)).toEqual({ center: -600, width: 1500, explanation: 'LUNG' });
  });

  it('otherwise spans min → black to max → white exactly, for every VOI function', () => {
    for (const fn of ['LINEAR', 'LINEAR_EXACT'] as const) {
      const frame = gray(STORED, 'i16', { voi: { windows: [], luts: [], function: fn } });
      const levels = greys(renderToRgba(frame, defaultWindow(frame)));
      expect(levels[0]).toBe(0); // −160 is the minimum
      expect(levels[4]).toBe(255); // 240 is the maximum
      expect(levels[2]).toBe(Math.round((200 / 400) * 255)); // 40 sits half-way
    }
  });

  it('has the CT presets in HU', () => {
    expect(Object.fromEntries(CT_WINDOW_PRESETS.map((p) => [p.id, [p.center, p.width]]))).toEqual({
      'soft-tissue': [40, 400],
      lung: [-600, 1500],
      bone: [400, 1800],
      brain: [40, 80],
    });
  });
});
