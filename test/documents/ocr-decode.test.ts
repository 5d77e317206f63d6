// Turning photos and scanned PDF pages into grayscale pages for OCR: pixel layouts, turns and
// mirrors, downscaling, the size checks that run before decoding, and pictures taken out of PDFs
// without a canvas.
import { describe, it, expect } from 'vitest';
import { deflateSync } from 'node:zlib';
import { encode } from 'fast-png';
import { PDFDocument, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState, type PDFPage } from 'pdf-lib';
import { decodePage } from '../../electron/core/documents/ocr/decode-image.js';
import { OCR_LIMITS } from '../../electron/core/documents/ocr/limits.js';
import { PageNotRead } from '../../electron/core/documents/ocr/not-read.js';
import { openPdfImages } from '../../electron/core/documents/ocr/pdf-page-image.js';
import { turnsToTry } from '../../electron/core/documents/ocr/orientation.js';
import { applyExifOrientation, fitWithin, toGray, transform, type Raster } from '../../electron/core/documents/ocr/raster.js';
import { makeFtyp, makeJpeg } from '../fixtures/documents/images.js';
import { bombPng } from '../fixtures/documents/paper.js';

const raster = (width: number, height: number, values: number[]): Raster => ({ width, height, data: new Uint8Array(values) });
const rows = (r: Raster) => Array.from({ length: r.height }, (_, y) => [...r.data.subarray(y * r.width, (y + 1) * r.width)]);
const notRead = (p: Promise<unknown>) => p.then(() => 'read', (e: unknown) => (e instanceof PageNotRead ? e.message : `unexpected: ${String(e)}`));

describe('raster turns', () => {
  const r = raster(3, 2, [0, 1, 2, 3, 4, 5]);

  it('turns clockwise and mirrors', () => {
    expect(rows(transform(r, 90))).toEqual([[3, 0], [4, 1], [5, 2]]);
    expect(rows(transform(r, 180))).toEqual([[5, 4, 3], [2, 1, 0]]);
    expect(rows(transform(r, 270))).toEqual([[2, 5], [1, 4], [0, 3]]);
    expect(rows(transform(r, 0, true))).toEqual([[2, 1, 0], [5, 4, 3]]);
  });

  it('applies every EXIF orientation so that the stored picture is shown upright', () => {
    // How a camera stores an upright scene for each orientation, and what EXIF says to do about it.
    const stored: Record<number, Raster> = {
      1: r,
      2: transform(r, 0, true),
      3: transform(r, 180),
      4: transform(r, 180, true),
      5: raster(2, 3, [0, 3, 1, 4, 2, 5]), // transposed
      6: transform(r, 270),
      7: raster(2, 3, [5, 2, 4, 1, 3, 0]), // transversed
      8: transform(r, 90),
    };
    for (const [orientation, picture] of Object.entries(stored)) expect(rows(applyExifOrientation(picture, Number(orientation))), `orientation ${orientation}`).toEqual(rows(r));
  });
});

describe('raster conversion and scaling', () => {
  it('converts colour to luma, and transparency to white paper', () => {
    expect([...toGray({ width: 2, height: 1, channels: 3, data: new Uint8Array([255, 0, 0, 0, 0, 255]), max: 255 }).data]).toEqual([76, 29]);
    expect([...toGray({ width: 2, height: 1, channels: 4, data: new Uint8Array([0, 0, 0, 0, 0, 0, 0, 255]), max: 255 }).data]).toEqual([255, 0]);
    expect([...toGray({ width: 1, height: 1, channels: 1, data: new Uint16Array([65535]), max: 65535 }).data]).toEqual([255]);
  });

  it('scales a large page down to the reading resolution by averaging, and never up', () => {
    const big = { width: 7016, height: 4960, data: new Uint8Array(7016 * 4960).fill(100) };
    const fitted = fitWithin(big, OCR_LIMITS.readLongSide);
    expect([fitted.width, fitted.height]).toEqual([OCR_LIMITS.readLongSide, 2480]);
    expect(fitted.data.every((v) => v === 100)).toBe(true);
    expect([...fitWithin(raster(4, 2, [0, 255, 0, 0, 255, 0, 0, 0]), 2).data]).toEqual([128, 0]);
    const small = raster(2, 2, [1, 2, 3, 4]);
    expect(fitWithin(small, 100)).toBe(small);
  });
});

describe('decodePage', () => {
  it('decodes PNG in its layouts: gray, RGB, alpha, 16-bit, 1-bit and palette', async () => {
    const page = async (png: Parameters<typeof encode>[0]) => [...(await decodePage(encode(png))).data];
    expect(await page({ width: 2, height: 1, data: new Uint8Array([0, 200]), channels: 1, depth: 8 })).toEqual([0, 200]);
    expect(await page({ width: 1, height: 1, data: new Uint8Array([0, 0, 255]), channels: 3, depth: 8 })).toEqual([29]);
    expect(await page({ width: 1, height: 1, data: new Uint8Array([0, 0, 0, 0]), channels: 4, depth: 8 })).toEqual([255]);
    expect(await page({ width: 1, height: 1, data: new Uint16Array([32896]), channels: 1, depth: 16 })).toEqual([128]);
    expect(await page({ width: 10, height: 1, data: new Uint8Array([0b10100000, 0b01000000]), channels: 1, depth: 1 })).toEqual([255, 0, 255, 0, 0, 0, 0, 0, 0, 255]);
    expect(await page({ width: 2, height: 1, data: new Uint8Array([1, 0]), channels: 1, depth: 8, palette: [[0, 0, 0], [255, 255, 255]] })).toEqual([255, 0]);
  });

  it('refuses an image too large to decode from its header alone (PNG and JPEG)', async () => {
    const reason = /too large to read text from \(20000 × 20000 pixels; the limit is 64 megapixels\)/;
    expect(await notRead(decodePage(bombPng(20_000, 20_000)))).toMatch(reason);
    // This JPEG has no decodable data at all: only its header can have been read.
    expect(await notRead(decodePage(makeJpeg({ width: 20_000, height: 20_000 })))).toMatch(reason);
  });

  it('refuses a PNG whose data inflates beyond the size it declares (decompression bomb)', async () => {
    expect(await notRead(decodePage(bombPng(100, 100, 64 * 2 ** 20)))).toMatch(/more pixel data than its size declares/);
  });

  it('gives a reason for damaged images', async () => {
    expect(await notRead(decodePage(makeJpeg({ width: 640, height: 480 })))).toMatch(/JPEG data could not be decoded/);
    expect(await notRead(decodePage(makeFtyp('heic', ['mif1', 'heic'])))).toMatch(/not read from HEIC photos/);
    const png = encode({ width: 300, height: 300, data: new Uint8Array(90_000), channels: 1, depth: 8 });
    expect(await notRead(decodePage(png.subarray(0, 60)))).toMatch(/PNG could not be decoded/);
  });
});

/** A page painting raw images (no filters but Flate), as a scanner writes them. */
async function pdfWithImages(images: { width: number; height: number; gray: boolean; bits: 1 | 8; data: Uint8Array }[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page: PDFPage = doc.addPage([595, 842]);
  images.forEach((img, i) => {
    const stream = doc.context.flateStream(img.data, {
      Type: 'XObject', Subtype: 'Image', Width: img.width, Height: img.height,
      ColorSpace: img.gray ? 'DeviceGray' : 'DeviceRGB', BitsPerComponent: img.bits,
    });
    const name = page.node.newXObject(`Im${i}`, doc.context.register(stream));
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(img.width / 2, 0, 0, img.height / 2, 0, 0), drawObject(name), popGraphicsState());
  });
  return doc.save();
}

describe('pictures in scanned PDF pages (pdf.js, no canvas)', () => {
  it('takes the largest picture of a page, 1-bit black and white', async () => {
    // 1-bit: a set bit is white. Left half black, right half white; rows padded to whole bytes.
    const width = 320, height = 240;
    const row = new Uint8Array(width / 8).fill(0).fill(0xff, width / 16);
    const bw = new Uint8Array(Array.from({ length: height }, () => [...row]).flat());
    const logo = { width: 60, height: 40, gray: true, bits: 8 as const, data: new Uint8Array(2400).fill(128) };
    const pdf = await openPdfImages(await pdfWithImages([logo, { width, height, gray: true, bits: 1, data: bw }]));
    const page = (await pdf.page(1))!;
    await pdf.close();
    expect([page.width, page.height]).toEqual([width, height]);
    expect([page.data[5 * width + 10], page.data[5 * width + 300]]).toEqual([0, 255]);
  });

  it('reads RGB pictures as gray, and finds none on a page with only small images', async () => {
    const red = new Uint8Array(250 * 250 * 3).map((_, i) => (i % 3 === 0 ? 255 : 0));
    const pdf = await openPdfImages(await pdfWithImages([{ width: 250, height: 250, gray: false, bits: 8, data: red }]));
    expect((await pdf.page(1))!.data[0]).toBe(76);
    await pdf.close();
    const tiny = await openPdfImages(await pdfWithImages([{ width: 100, height: 80, gray: true, bits: 8, data: new Uint8Array(8000) }]));
    expect(await tiny.page(1)).toBeNull();
    await tiny.close();
  });

  it('finds no picture that exceeds the pixel limit (pdf.js drops it before decoding)', async () => {
    const side = Math.ceil(Math.sqrt(OCR_LIMITS.maxPixels)) + 1;
    // A 1-bit image of side × side zeros: tiny when compressed, huge when decoded.
    const data = deflateSync(Buffer.alloc(Math.ceil(side / 8) * side));
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    const stream = doc.context.stream(data, { Type: 'XObject', Subtype: 'Image', Width: side, Height: side, ColorSpace: 'DeviceGray', BitsPerComponent: 1, Filter: 'FlateDecode' });
    const name = page.node.newXObject('Big', doc.context.register(stream));
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(595, 0, 0, 842, 0, 0), drawObject(name), popGraphicsState());
    const pdf = await openPdfImages(await doc.save());
    expect(await pdf.page(1)).toBeNull();
    await pdf.close();
  });
});

describe('orientation guess', () => {
  /** A page of dark bars: text lines seen from afar, running across (rows) or down (columns). */
  const bars = (vertical: boolean): Raster => {
    const width = 600, height = 800;
    const data = new Uint8Array(width * height).fill(255);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (((vertical ? x : y) >> 4) % 2 === 1 && (x * 7 + y * 3) % 5 !== 0) data[y * width + x] = 0;
    return { width, height, data };
  };

  it('tries upside down first for lines across the page, sideways first for lines down it', () => {
    expect(turnsToTry(bars(false))).toEqual([180, 90, 270]);
    expect(turnsToTry(bars(true))).toEqual([90, 270, 180]);
  });
});
