import { describe, expect, it } from 'vitest';
import { analyzeImage } from '../../electron/core/documents/image.js';
import { analyzeText } from '../../electron/core/documents/text.js';
import { SkipFile } from '../../electron/core/base/analysis.js';
import { makeFtyp, makeJpeg, makePng } from '../fixtures/documents/images.js';
import { SAMPLE_TEXTS } from '../fixtures/documents/sample-texts.js';

describe('analyzeImage', () => {
  it.each([false, true])('reads JPEG size and EXIF date (little-endian: %s)', async (littleEndian) => {
    const bytes = makeJpeg({ width: 3024, height: 4032, dateTimeOriginal: '2024:03:05 10:11:12', littleEndian });
    const a = await analyzeImage({ name: 'IMG_0042.JPG', bytes });
    expect(a).toMatchObject({ format: 'jpeg', kind: 'document', type: 'other', title: 'IMG_0042', date: '2024-03-05', dateGuessed: true });
    expect(a.metadata).toMatchObject({ width: 3024, height: 4032 });
  });

  it('has no date without EXIF, and ignores an invalid EXIF date', async () => {
    const plain = await analyzeImage({ name: 'a.jpg', bytes: makeJpeg({ width: 10, height: 20 }) });
    expect(plain.date).toBeUndefined();
    expect(plain.metadata).toEqual({ width: 10, height: 20 });
    const zero = await analyzeImage({ name: 'a.jpg', bytes: makeJpeg({ width: 10, height: 20, dateTimeOriginal: '0000:00:00 00:00:00' }) });
    expect(zero.date).toBeUndefined();
  });

  it('survives a JPEG cut anywhere', async () => {
    const bytes = makeJpeg({ width: 640, height: 480, dateTimeOriginal: '2024:03:05 10:11:12' });
    for (let n = 3; n < bytes.length; n++) {
      const a = await analyzeImage({ name: 'cut.jpg', bytes: bytes.subarray(0, n) });
      expect(a.format).toBe('jpeg');
    }
  });

  it('reads PNG size and recognises HEIC', async () => {
    const png = await analyzeImage({ name: 'scan.png', bytes: makePng(800, 600) });
    expect(png).toMatchObject({ format: 'png', title: 'scan', metadata: { width: 800, height: 600 } });
    const heic = await analyzeImage({ name: 'photo.HEIC', bytes: makeFtyp('heic', ['mif1', 'heic']) });
    expect(heic.format).toBe('heic');
    await expect(analyzeImage({ name: 'x.jpg', bytes: new Uint8Array([1, 2, 3]) })).rejects.toBeInstanceOf(SkipFile);
  });
});

describe('analyzeText', () => {
  it('types, dates and titles a UTF-8 note', async () => {
    const a = await analyzeText({ name: 'ct.txt', bytes: new TextEncoder().encode(SAMPLE_TEXTS['radiology-report']) });
    expect(a).toMatchObject({ format: 'text', type: 'radiology-report', title: 'EXAMINATION: CT CHEST WITH CONTRAST', date: '2024-03-05' });
    expect(a.metadata['encoding']).toBe('utf-8');
  });

  it('decodes UTF-16 with BOM and Latin-1', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Befund für Frau Müller\r\nDatum: 05.03.2024', 'utf16le')]);
    const a = await analyzeText({ name: 'b.txt', bytes: utf16 });
    expect(a.title).toBe('Befund für Frau Müller');
    expect(a.text).toBe('Befund für Frau Müller\nDatum: 05.03.2024');
    expect(a.date).toBe('2024-03-05');
    const latin1 = await analyzeText({ name: 'c.txt', bytes: Buffer.from('Befund für Frau Müller', 'latin1') });
    expect(latin1.text).toBe('Befund für Frau Müller');
    expect(latin1.metadata['encoding']).toBe('windows-1252');
  });

  it('titles an empty-ish file from its name', async () => {
    const a = await analyzeText({ name: 'notes/2024 visit.txt', bytes: new TextEncoder().encode('\n  12\n') });
    expect(a.title).toBe('2024 visit');
    expect(a.type).toBe('other');
  });
});
