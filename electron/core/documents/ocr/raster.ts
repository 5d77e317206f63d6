// 8-bit grayscale pages: what every decoder produces and the recognizer reads. Grayscale is all
// OCR needs, and it keeps a 300 dpi page at ~9 MB instead of ~35 MB as RGBA.

export interface Raster {
  width: number;
  height: number;
  /** One byte per pixel, row by row, 0 = black. */
  data: Uint8Array;
}

/** Decoded pixels as libraries hand them over: interleaved channels, 8 or 16 bits. */
export interface Pixels {
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
  data: Uint8Array | Uint8ClampedArray | Uint16Array;
  /** Largest sample value (255 for 8-bit, 65535 for 16-bit). */
  max: number;
}

/** Luma (BT.601) over a white background where there is alpha: transparent paper is white. */
export function toGray(p: Pixels): Raster {
  const n = p.width * p.height;
  const out = new Uint8Array(n);
  const { data, channels } = p;
  const scale = 255 / p.max;
  const color = channels >= 3;
  const alphaAt = channels === 2 ? 1 : channels === 4 ? 3 : -1;
  for (let i = 0, s = 0; i < n; i++, s += channels) {
    let v = color ? 0.299 * data[s]! + 0.587 * data[s + 1]! + 0.114 * data[s + 2]! : data[s]!;
    if (alphaAt >= 0) {
      const a = data[s + alphaAt]! / p.max;
      v = v * a + p.max * (1 - a);
    }
    out[i] = Math.round(v * scale);
  }
  return { width: p.width, height: p.height, data: out };
}

/** Area-average downscale so the long side is at most `longSide` (never upscales). */
export function fitWithin(r: Raster, longSide: number): Raster {
  const factor = Math.max(r.width, r.height) / longSide;
  if (factor <= 1) return r;
  const width = Math.max(1, Math.round(r.width / factor));
  const height = Math.max(1, Math.round(r.height / factor));
  const out = new Uint8Array(width * height);
  const xStart = spans(r.width, width);
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor((y * r.height) / height);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * r.height) / height));
    for (let x = 0; x < width; x++) {
      const x0 = xStart[x]!;
      const x1 = Math.max(x0 + 1, xStart[x + 1]!);
      let sum = 0;
      for (let sy = y0; sy < y1; sy++) {
        const row = sy * r.width;
        for (let sx = x0; sx < x1; sx++) sum += r.data[row + sx]!;
      }
      out[y * width + x] = Math.round(sum / ((y1 - y0) * (x1 - x0)));
    }
  }
  return { width, height, data: out };
}

function spans(from: number, to: number): Int32Array {
  const starts = new Int32Array(to + 1);
  for (let i = 0; i <= to; i++) starts[i] = Math.floor((i * from) / to);
  return starts;
}

export type Rotation = 0 | 90 | 180 | 270;

/** Mirrors left-right (when asked), then turns clockwise by `rotation` degrees. */
export function transform(r: Raster, rotation: Rotation, mirror = false): Raster {
  if (rotation === 0 && !mirror) return r;
  const { width: w, height: h } = r;
  const turned = rotation === 90 || rotation === 270;
  const outW = turned ? h : w;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const mx = mirror ? w - 1 - x : x;
      let dx: number, dy: number;
      if (rotation === 90) (dx = h - 1 - y), (dy = mx);
      else if (rotation === 180) (dx = w - 1 - mx), (dy = h - 1 - y);
      else if (rotation === 270) (dx = y), (dy = w - 1 - mx);
      else (dx = mx), (dy = y);
      out[dy * outW + dx] = r.data[y * w + x]!;
    }
  }
  return { width: outW, height: turned ? w : h, data: out };
}

/** EXIF Orientation (1–8) → the turn that shows the photo as it was meant to be seen. */
export function applyExifOrientation(r: Raster, orientation: number | undefined): Raster {
  switch (orientation) {
    case 2: return transform(r, 0, true);
    case 3: return transform(r, 180);
    case 4: return transform(r, 180, true);
    case 5: return transform(r, 270, true);
    case 6: return transform(r, 90);
    case 7: return transform(r, 90, true);
    case 8: return transform(r, 270);
    default: return r;
  }
}

/** Binary PGM (P5): the simplest format the recognizer's image reader takes, with no decoding cost. */
export function toPgm(r: Raster): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${r.width} ${r.height}\n255\n`);
  const out = new Uint8Array(header.length + r.data.length);
  out.set(header);
  out.set(r.data, header.length);
  return out;
}
