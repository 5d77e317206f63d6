// A small preview image of a DICOM instance's first frame for the bundle's INDEX.HTM and the UI.
// Only what can be done without codecs: uncompressed and RLE frames become PNG, JPEG Baseline
// frames are passed through; anything else is null ("preview not available").
import { readDicomDataSet } from './dataset.js';
import type { DataSet, Element } from './dicom-parser-lib.js';
import { HeaderReader } from './parse.js';
import { encodePng } from './png.js';
import { decodeRleFrame } from './rle.js';

export interface PreviewImage {
  mime: 'image/png' | 'image/jpeg';
  bytes: Uint8Array;
}

const MAX_SIDE = 512;
const MAX_DECODED_SAMPLES = 1 << 27;
const UNCOMPRESSED = new Set(['1.2.840.10008.1.2', '1.2.840.10008.1.2.1', '1.2.840.10008.1.2.1.99', '1.2.840.10008.1.2.2']);
const BIG_ENDIAN = '1.2.840.10008.1.2.2';
const RLE = '1.2.840.10008.1.2.5';
const JPEG_BASELINE = '1.2.840.10008.1.2.4.50';

interface FrameLayout {
  rows: number;
  cols: number;
  spp: number;
  bitsAllocated: number;
  bitsStored: number;
  signed: boolean;
  planar: boolean;
  photometric: string;
}

/** Never throws: a damaged or unsupported instance simply has no preview. */
export function renderPreview(bytes: Uint8Array): PreviewImage | null {
  try {
    return render(bytes);
  } catch {
    return null;
  }
}

function render(bytes: Uint8Array): PreviewImage | null {
  const { dataSet, transferSyntaxUID } = readDicomDataSet(bytes, { untilPixelData: false });
  const h = new HeaderReader(dataSet);
  const pixel = dataSet.elements.x7fe00010;
  const layout: FrameLayout = {
    rows: h.us('x00280010') ?? 0,
    cols: h.us('x00280011') ?? 0,
    spp: h.us('x00280002') ?? 1,
    bitsAllocated: h.us('x00280100') ?? 0,
    bitsStored: h.us('x00280101') ?? h.us('x00280100') ?? 0,
    signed: h.us('x00280103') === 1,
    planar: h.us('x00280006') === 1,
    photometric: h.text('x00280004') ?? 'MONOCHROME2',
  };
  if (!pixel || layout.rows === 0 || layout.cols === 0) return null;
  // A hostile header must not make us allocate gigabytes for a thumbnail.
  if (layout.rows * layout.cols * layout.spp > MAX_DECODED_SAMPLES) return null;

  if (transferSyntaxUID === JPEG_BASELINE) {
    let jpeg = firstFrameFragments(dataSet, pixel);
    if (!jpeg || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return null;
    // Fragments are padded to even length after the EOI marker; the image file should end at EOI.
    if (jpeg.length > 3 && jpeg[jpeg.length - 1] === 0 && jpeg[jpeg.length - 2] === 0xd9 && jpeg[jpeg.length - 3] === 0xff) {
      jpeg = jpeg.subarray(0, jpeg.length - 1);
    }
    return { mime: 'image/jpeg', bytes: jpeg };
  }
  let frame: Uint8Array | null;
  let littleEndian = true;
  if (UNCOMPRESSED.has(transferSyntaxUID)) {
    const size = layout.rows * layout.cols * layout.spp * (layout.bitsAllocated / 8);
    if (pixel.dataOffset + size > dataSet.byteArray.length) return null;
    frame = dataSet.byteArray.subarray(pixel.dataOffset, pixel.dataOffset + size);
    littleEndian = transferSyntaxUID !== BIG_ENDIAN;
  } else if (transferSyntaxUID === RLE) {
    const rle = firstFrameFragments(dataSet, pixel);
    frame = rle && decodeRleFrame(rle, layout.rows * layout.cols, layout.spp, layout.bitsAllocated / 8);
    layout.planar = false; // the decoder interleaves samples
  } else {
    return null;
  }
  if (!frame) return null;
  if (layout.photometric.startsWith('MONOCHROME') && layout.spp === 1 && [8, 16].includes(layout.bitsAllocated)) {
    return grayPreview(frame, layout, littleEndian, h);
  }
  if (layout.photometric === 'RGB' && layout.spp === 3 && layout.bitsAllocated === 8) return rgbPreview(frame, layout);
  return null;
}

/** The first frame's bytes: all fragments for a single frame, else per the offset table or one per frame. */
function firstFrameFragments(ds: DataSet, pixel: Element): Uint8Array | null {
  const fragments = pixel.fragments ?? [];
  const first = fragments[0];
  if (!first) return null;
  const frames = Number.parseInt(new HeaderReader(ds).text('x00280008') ?? '1', 10) || 1;
  const table = pixel.basicOffsetTable ?? [];
  let chosen = fragments;
  if (frames > 1) {
    const end = table[1];
    chosen = end !== undefined ? fragments.filter((f) => f.offset < end) : [first];
  }
  return Buffer.concat(chosen.map((f) => ds.byteArray.subarray(f.position, f.position + f.length)));
}

/** Output size and a nearest-neighbour source index for each output pixel. */
function sampling(rows: number, cols: number): { width: number; height: number; source: (x: number, y: number) => number } {
  const scale = Math.min(1, MAX_SIDE / Math.max(rows, cols));
  const width = Math.max(1, Math.round(cols * scale));
  const height = Math.max(1, Math.round(rows * scale));
  return {
    width,
    height,
    source: (x, y) => Math.min(rows - 1, Math.floor(y / scale)) * cols + Math.min(cols - 1, Math.floor(x / scale)),
  };
}

function grayPreview(frame: Uint8Array, l: FrameLayout, littleEndian: boolean, h: HeaderReader): PreviewImage {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const shift = 32 - l.bitsStored;
  const slope = Number.parseFloat(h.text('x00281053') ?? '1') || 1;
  const intercept = Number.parseFloat(h.text('x00281052') ?? '0') || 0;
  const sample = (i: number): number => {
    const raw = l.bitsAllocated === 8 ? (frame[i] as number) : view.getUint16(i * 2, littleEndian);
    // Keep only the stored bits; sign-extend them for signed data.
    const stored = l.signed ? (raw << shift) >> shift : (raw << shift) >>> shift;
    return stored * slope + intercept;
  };
  const { width, height, source } = sampling(l.rows, l.cols);
  const values = new Float64Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) values[y * width + x] = sample(source(x, y));

  const center = Number.parseFloat(h.text('x00281050')?.split('\\')[0] ?? '');
  const widthW = Number.parseFloat(h.text('x00281051')?.split('\\')[0] ?? '');
  let low: number;
  let high: number;
  if (Number.isFinite(center) && Number.isFinite(widthW) && widthW >= 1) {
    low = center - 0.5 - (widthW - 1) / 2;
    high = center - 0.5 + (widthW - 1) / 2;
  } else {
    low = Infinity;
    high = -Infinity;
    for (const v of values) {
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
  }
  const range = high > low ? high - low : 1;
  const invert = l.photometric === 'MONOCHROME1';
  const out = new Uint8Array(width * height);
  values.forEach((v, i) => {
    const g = Math.round(Math.min(1, Math.max(0, (v - low) / range)) * 255);
    out[i] = invert ? 255 - g : g;
  });
  return { mime: 'image/png', bytes: encodePng(width, height, 1, out) };
}

function rgbPreview(frame: Uint8Array, l: FrameLayout): PreviewImage {
  const { width, height, source } = sampling(l.rows, l.cols);
  const plane = l.rows * l.cols;
  const out = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const s = source(x, y);
      for (let c = 0; c < 3; c++) {
        out[(y * width + x) * 3 + c] = (l.planar ? frame[c * plane + s] : frame[s * 3 + c]) ?? 0;
      }
    }
  }
  return { mime: 'image/png', bytes: encodePng(width, height, 3, out) };
}
