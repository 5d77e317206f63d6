// The pixel engine on uncompressed pixel data: every value is known, so decoding must be exact.
import { describe, expect, it } from 'vitest';
import type { PixelError } from '../../shared/imaging/errors.js';
import { modalityMapper } from '../../shared/imaging/voi.js';
import { decodeFrame, decodeFrameSync, frameCount, PixelDecodeError } from '../../electron/core/dicom/pixels/index.js';
import { TS, el } from '../../electron/core/dicom/writer.js';
import { nativeInstance, pattern, words, type NativeImage } from '../fixtures/dicom/pixels.js';

const NATIVE = [TS.explicitLE, TS.implicitLE, TS.explicitBE, TS.deflatedLE];

function errorOf(fn: () => unknown): PixelError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PixelDecodeError) return e.detail;
    throw e;
  }
  throw new Error('expected a PixelDecodeError');
}

function gray16(over: Partial<NativeImage> = {}, frames = 1): NativeImage {
  return {
    rows: 7,
    columns: 9,
    bitsAllocated: 16,
    bitsStored: 12,
    frames: Array.from({ length: frames }, (_, f) => words(pattern(7, 9, 0, 4095, f))),
    ...over,
  };
}

describe('grayscale', () => {
  it.each(NATIVE)('12 bits stored in 16 with garbage above them (%s): exact stored values', (transferSyntaxUID) => {
    const values = pattern(7, 9, 0, 4095);
    const garbage = values.map((v, i) => v | (((i * 7) % 16) << 12)); // overlay bits / junk in 12–15
    const frame = decodeFrameSync(nativeInstance(gray16({ frames: [words(garbage)], transferSyntaxUID })), 0);
    expect(frame.kind).toBe('gray');
    expect(frame.sampleType).toBe('u16');
    expect([...frame.samples]).toEqual(values);
    expect([frame.storedMin, frame.storedMax]).toEqual([Math.min(...values), Math.max(...values)]);
    expect(frame.invert).toBe(false);
  });

  it.each(NATIVE)('signed 12-in-16 CT with rescale (%s): sign-extended, modality values in HU', (transferSyntaxUID) => {
    const stored = pattern(7, 9, -2048, 2047);
    const garbage = stored.map((v, i) => (v & 0x0fff) | ((i % 2 ? 0xa : 0x5) << 12));
    const bytes = nativeInstance(
      gray16({
        signed: true,
        frames: [words(garbage)],
        transferSyntaxUID,
        extra: [el(0x00281052, 'DS', '-1024'), el(0x00281053, 'DS', '2'), el(0x00281054, 'LO', 'HU')],
      }),
    );
    const frame = decodeFrameSync(bytes, 0);
    expect(frame.sampleType).toBe('i16');
    expect([...frame.samples]).toEqual(stored);
    expect(frame.modality).toEqual({ kind: 'rescale', slope: 2, intercept: -1024, type: 'HU' });
    const hu = modalityMapper(frame.modality);
    expect(Array.from(frame.samples, hu)).toEqual(stored.map((v) => v * 2 - 1024));
    expect([frame.min, frame.max]).toEqual([Math.min(...stored) * 2 - 1024, Math.max(...stored) * 2 - 1024]);
  });

  it('full 16-bit signed values and 8-bit values keep their types', () => {
    const s16 = pattern(4, 5, -32768, 32767);
    expect([...decodeFrameSync(nativeInstance({ rows: 4, columns: 5, bitsAllocated: 16, signed: true, frames: [words(s16)] }), 0).samples]).toEqual(s16);
    const u8 = pattern(3, 3, 0, 255);
    const f8 = decodeFrameSync(nativeInstance({ rows: 3, columns: 3, bitsAllocated: 8, frames: [Uint8Array.from(u8)] }), 0);
    expect([f8.sampleType, [...f8.samples]]).toEqual(['u8', u8]);
  });

  it('MONOCHROME1 asks for inversion', () => {
    expect(decodeFrameSync(nativeInstance(gray16({ photometric: 'MONOCHROME1' })), 0).invert).toBe(true);
  });

  it('a High Bit above Bits Stored − 1 shifts the stored bits down', () => {
    const values = pattern(2, 3, 0, 255);
    const shifted = words(values.map((v) => (v << 4) | 0x000f)); // bits 4–11, junk below
    const frame = decodeFrameSync(nativeInstance({ rows: 2, columns: 3, bitsAllocated: 16, bitsStored: 8, highBit: 11, frames: [shifted] }), 0);
    expect([...frame.samples]).toEqual(values);
  });

  it('Float Pixel Data (OF) decodes as f32', () => {
    const values = [0.5, -1.25, 3e5, 7];
    const bytes = new Uint8Array(Float32Array.from(values).buffer);
    const frame = decodeFrameSync(nativeInstance({ rows: 2, columns: 2, bitsAllocated: 32, frames: [], extra: [el(0x7fe00008, 'OF', bytes)] }), 0);
    expect(frame.sampleType).toBe('f32');
    expect([...frame.samples]).toEqual(values);
  });
});

describe('frames', () => {
  it.each(NATIVE)('decodes frame k alone of an odd-sized 8-bit multi-frame (%s)', (transferSyntaxUID) => {
    const frames = [0, 1, 2, 3, 4].map((f) => Uint8Array.from(pattern(3, 3, 0, 255, f)));
    const bytes = nativeInstance({ rows: 3, columns: 3, bitsAllocated: 8, frames, transferSyntaxUID, vr: transferSyntaxUID === TS.explicitBE ? 'OW' : 'OB' });
    expect(frameCount(bytes)).toBe(5);
    for (const k of [0, 3, 4]) expect([...decodeFrameSync(bytes, k).samples]).toEqual([...(frames[k] as Uint8Array)]);
    expect(errorOf(() => decodeFrameSync(bytes, 5))).toEqual({ code: 'frame-out-of-range', frame: 5, frameCount: 5 });
    expect(errorOf(() => decodeFrameSync(bytes, -1))).toEqual({ code: 'frame-out-of-range', frame: -1, frameCount: 5 });
  });

  it('a frame the pixel data does not reach is damaged; the ones before it still decode', async () => {
    const bytes = nativeInstance(gray16({ extra: [el(0x00280008, 'IS', 3)] }, 2));
    expect((await decodeFrame(bytes, 1)).frameIndex).toBe(1);
    expect(errorOf(() => decodeFrameSync(bytes, 2))).toEqual({ code: 'frame-damaged', frame: 2, cause: 'truncated' });
  });

  it('1-bit frames are packed from bit 0 without padding between frames', () => {
    // 3 × 5 = 15 bits per frame: frame 1 starts at bit 15, inside the second byte.
    const bits = [...pattern(3, 5, 0, 1, 0), ...pattern(3, 5, 0, 1, 1)];
    const packed = new Uint8Array(Math.ceil(bits.length / 8));
    bits.forEach((b, i) => (packed[i >> 3] = (packed[i >> 3] as number) | (b << (i & 7))));
    const bytes = nativeInstance({ rows: 3, columns: 5, bitsAllocated: 1, frames: [packed], extra: [el(0x00280008, 'IS', 2)] });
    const frame = decodeFrameSync(bytes, 1);
    expect([frame.bitsStored, [...frame.samples]]).toEqual([1, bits.slice(15)]);
  });
});

describe('colour', () => {
  const rgb = pattern(4, 6, 0, 255).flatMap((v, i) => [v, (v * 3 + i) % 256, (255 - v + i * 5) % 256]);

  it.each(NATIVE)('RGB planar configuration 0 and 1 (%s)', (transferSyntaxUID) => {
    const interleaved = decodeFrameSync(nativeInstance({ rows: 4, columns: 6, samplesPerPixel: 3, bitsAllocated: 8, frames: [Uint8Array.from(rgb)], transferSyntaxUID }), 0);
    expect([interleaved.kind, [...interleaved.samples]]).toEqual(['rgb', rgb]);
    const planes = [0, 1, 2].flatMap((c) => rgb.filter((_, i) => i % 3 === c));
    const planar = decodeFrameSync(nativeInstance({ rows: 4, columns: 6, samplesPerPixel: 3, bitsAllocated: 8, planar: true, frames: [Uint8Array.from(planes)], transferSyntaxUID }), 0);
    expect([...planar.samples]).toEqual(rgb);
  });

  /** PS3.3 C.7.6.3.1.2, inverted: R = Y + 1.402 Cr', G = Y − 0.344136 Cb' − 0.714136 Cr', B = Y + 1.772 Cb'. */
  const toRgb = (y: number, cb: number, cr: number): number[] =>
    [y + 1.402 * (cr - 128), y - 0.344136 * (cb - 128) - 0.714136 * (cr - 128), y + 1.772 * (cb - 128)].map((v) => Math.min(255, Math.max(0, Math.round(v))));

  it('YBR_FULL converts to RGB', () => {
    const ybr = [16, 128, 128, 235, 128, 128, 81, 90, 240, 145, 54, 34, 41, 240, 110, 200, 30, 220];
    const frame = decodeFrameSync(nativeInstance({ rows: 2, columns: 3, samplesPerPixel: 3, bitsAllocated: 8, photometric: 'YBR_FULL', frames: [Uint8Array.from(ybr)] }), 0);
    const expected = [0, 1, 2, 3, 4, 5].flatMap((p) => toRgb(ybr[p * 3] as number, ybr[p * 3 + 1] as number, ybr[p * 3 + 2] as number));
    expect([...frame.samples]).toEqual(expected);
  });

  it('YBR_FULL_422 shares chroma between pixel pairs (Y1 Y2 Cb Cr), then converts', () => {
    const stored = [50, 60, 100, 200, 210, 220, 30, 40, 90, 95, 128, 128]; // 2 rows × 4 columns: 4 pairs... of 2 rows
    const frame = decodeFrameSync(nativeInstance({ rows: 2, columns: 3, samplesPerPixel: 3, bitsAllocated: 8, photometric: 'YBR_FULL_422', frames: [Uint8Array.from(stored)] }), 0);
    const pairs = [0, 1, 2].map((k) => stored.slice(k * 4, k * 4 + 4));
    const expected = [0, 1, 2, 3, 4, 5].flatMap((p) => {
      const [y1, y2, cb, cr] = pairs[p >> 1] as number[];
      return toRgb((p & 1 ? y2 : y1) as number, cb as number, cr as number);
    });
    expect([...frame.samples]).toEqual(expected);
  });

  const paletteElements = (red: number[], green: number[], blue: number[], first: number, bits: number) => [
    el(0x00281101, 'US', [red.length, first, bits]),
    el(0x00281102, 'US', [green.length, first, bits]),
    el(0x00281103, 'US', [blue.length, first, bits]),
    el(0x00281201, 'OW', words(red)),
    el(0x00281202, 'OW', words(green)),
    el(0x00281203, 'OW', words(blue)),
  ];

  it('PALETTE COLOR with 16-bit entries: indices below/above the table clamp to its ends', () => {
    const red = [0x0000, 0x4000, 0x8000, 0xffff];
    const green = [0xffff, 0x8000, 0x4000, 0x0000];
    const blue = [0x1234, 0x1234, 0x5678, 0x9abc];
    const indices = [9, 10, 11, 12, 13, 0];
    const bytes = nativeInstance({ rows: 2, columns: 3, bitsAllocated: 8, photometric: 'PALETTE COLOR', frames: [Uint8Array.from(indices)], extra: paletteElements(red, green, blue, 10, 16) });
    const frame = decodeFrameSync(bytes, 0);
    const at = (i: number) => Math.min(3, Math.max(0, i - 10));
    expect([...frame.samples]).toEqual(indices.flatMap((i) => [red[at(i)]! >> 8, green[at(i)]! >> 8, blue[at(i)]! >> 8]));
  });

  it('segmented PALETTE COLOR LUTs expand discrete and linear segments', () => {
    const linear = [0, 1, 0x0000, 1, 4, 0xff00]; // discrete [0], then a linear ramp to 0xff00 over 4 entries
    const seg = (tag: number) => el(tag, 'OW', words(linear));
    const desc = (tag: number) => el(tag, 'US', [5, 0, 16]);
    const extra = [desc(0x00281101), desc(0x00281102), desc(0x00281103), seg(0x00281221), seg(0x00281222), seg(0x00281223)];
    const frame = decodeFrameSync(nativeInstance({ rows: 1, columns: 5, bitsAllocated: 8, photometric: 'PALETTE COLOR', frames: [Uint8Array.from([0, 1, 2, 3, 4])], extra }), 0);
    expect([...frame.samples].filter((_, i) => i % 3 === 0)).toEqual([0, 0x3f, 0x7f, 0xbf, 0xff]);
  });

  it('PALETTE COLOR without its LUTs is damaged, not blank', () => {
    const bytes = nativeInstance({ rows: 1, columns: 2, bitsAllocated: 8, photometric: 'PALETTE COLOR', frames: [Uint8Array.from([1, 2])] });
    expect(errorOf(() => decodeFrameSync(bytes, 0))).toEqual({ code: 'frame-damaged', frame: 0, cause: 'bad-lut' });
  });
});

describe('display attributes', () => {
  it('reads windows with explanations, the VOI LUT Function and the VOI LUT Sequence (implicit VR too)', () => {
    for (const transferSyntaxUID of [TS.explicitLE, TS.implicitLE]) {
      const voiLut = [[el(0x00283002, 'US', [3, 100, 8]), el(0x00283003, 'LO', 'CURVE'), el(0x00283006, 'OW', words([0, 128, 255]))]];
      const bytes = nativeInstance(
        gray16({
          transferSyntaxUID,
          extra: [
            el(0x00281050, 'DS', ['40', '-600']),
            el(0x00281051, 'DS', ['400', '1500']),
            el(0x00281055, 'LO', ['SOFT', 'LUNG']),
            el(0x00281056, 'CS', 'SIGMOID'),
            el(0x00283010, 'SQ', voiLut),
            el(0x00280030, 'DS', ['0.5', '0.25']),
          ],
        }),
      );
      const frame = decodeFrameSync(bytes, 0);
      expect(frame.voi.windows).toEqual([
        { center: 40, width: 400, explanation: 'SOFT' },
        { center: -600, width: 1500, explanation: 'LUNG' },
      ]);
      expect(frame.voi.function).toBe('SIGMOID');
      expect(frame.voi.luts).toEqual([{ firstMapped: 100, bits: 8, data: Uint16Array.from([0, 128, 255]), explanation: 'CURVE' }]);
      expect(frame.pixelSpacing).toEqual({ row: 0.5, column: 0.25, source: 'pixel-spacing' });
    }
  });

  it('a Modality LUT Sequence replaces rescale; its first mapped value is signed for signed pixels', () => {
    const item = [[el(0x00283002, 'US', [4, 0xfffe, 16]), el(0x00283004, 'LO', 'OD'), el(0x00283006, 'OW', words([100, 200, 300, 400]))]];
    const bytes = nativeInstance(gray16({ signed: true, frames: [words([-2, -1, 0, 1, 5, -9, 0, 0, 0])], rows: 3, columns: 3, extra: [el(0x00283000, 'SQ', item)] }));
    const frame = decodeFrameSync(bytes, 0);
    expect(frame.modality.kind).toBe('lut');
    expect(Array.from(frame.samples, modalityMapper(frame.modality))).toEqual([100, 200, 300, 400, 400, 100, 300, 300, 300]);
    expect([frame.min, frame.max]).toEqual([100, 400]);
  });

  it('enhanced multi-frame: rescale and window per frame from the functional groups', () => {
    const group = (intercept: number, center: number) => [
      el(0x00289145, 'SQ', [[el(0x00281052, 'DS', intercept), el(0x00281053, 'DS', 1)]]),
      el(0x00289132, 'SQ', [[el(0x00281050, 'DS', center), el(0x00281051, 'DS', 100)]]),
    ];
    const shared = [[el(0x00289110, 'SQ', [[el(0x00280030, 'DS', ['0.7', '0.7'])]])]];
    const bytes = nativeInstance(gray16({ extra: [el(0x52009229, 'SQ', shared), el(0x52009230, 'SQ', [group(-1024, 40), group(-1000, 60)])] }, 2));
    const [a, b] = [decodeFrameSync(bytes, 0), decodeFrameSync(bytes, 1)];
    expect([a.modality, a.voi.windows]).toEqual([{ kind: 'rescale', slope: 1, intercept: -1024 }, [{ center: 40, width: 100 }]]);
    expect([b.modality, b.voi.windows]).toEqual([{ kind: 'rescale', slope: 1, intercept: -1000 }, [{ center: 60, width: 100 }]]);
    expect(b.pixelSpacing).toEqual({ row: 0.7, column: 0.7, source: 'pixel-spacing' });
  });
});

describe('typed errors', () => {
  it('an unsupported transfer syntax names itself', () => {
    const mpeg = nativeInstance(gray16({ transferSyntaxUID: '1.2.840.10008.1.2.4.100' }));
    expect(errorOf(() => decodeFrameSync(mpeg, 0))).toEqual({
      code: 'unsupported-transfer-syntax',
      transferSyntaxUID: '1.2.840.10008.1.2.4.100',
      name: 'MPEG2 Main Profile / Main Level',
    });
  });

  it('no pixel data, a damaged dataset, an unsupported photometric, a hostile size', () => {
    expect(errorOf(() => decodeFrameSync(nativeInstance({ ...gray16(), frames: [] }), 0))).toEqual({ code: 'no-pixel-data' });
    expect(errorOf(() => decodeFrameSync(new TextEncoder().encode('not dicom at all'), 0))).toEqual({ code: 'damaged-dataset' });
    expect(errorOf(() => decodeFrameSync(nativeInstance({ ...gray16(), samplesPerPixel: 4, photometric: 'CMYK' }), 0))).toEqual({
      code: 'unsupported-pixel-format',
      photometric: 'CMYK',
      samplesPerPixel: 4,
      bitsAllocated: 16,
    });
    const huge = nativeInstance({ ...gray16(), rows: 65535, columns: 65535 });
    expect(errorOf(() => decodeFrameSync(huge, 0))).toEqual({ code: 'too-large', rows: 65535, columns: 65535, samplesPerPixel: 1, limit: 1 << 27 });
  });
});

describe('deflate', () => {
  it('parses deflated files whatever their compressed bytes look like (dicom-parser alone misreads many)', () => {
    // Random UIDs make every compressed stream different; before inflating in dataset.ts about
    // two in three of these failed.
    for (let n = 0; n < 30; n++) {
      const values = pattern(7, 9, -2048, 2047, n);
      const bytes = nativeInstance(gray16({ signed: true, frames: [words(values)], transferSyntaxUID: TS.deflatedLE }));
      expect([...decodeFrameSync(bytes, 0).samples]).toEqual(values);
    }
  });
});
