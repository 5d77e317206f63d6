// The viewer's API on the real service: images.series lists a CT series (by instance number, with
// slice locations) and a multi-frame file; images.frame gives the pixel engine's frame for a file
// and frame, or a typed PixelError as data; the dataset cache keeps a multi-frame file parsed once
// and stays within its byte budget; the cache is emptied when the vault locks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createDossierService, type DossierService } from '../../electron/core/service/service.js';
import { decodeFrameSync, openInstance } from '../../electron/core/dicom/pixels/index.js';
import { DatasetCache } from '../../electron/core/records/dataset-cache.js';
import { TS, el } from '../../electron/core/dicom/writer.js';
import type { FrameResult, ImageSeries } from '../../shared/imaging/series.js';
import { seriesImages } from '../../shared/imaging/series.js';
import { makeCtSeries, makeMultiFrame } from '../fixtures/dicom/ct-series.js';
import { encapsulatedInstance } from '../fixtures/dicom/pixels.js';
import { FAST_KDF, TEST_PASSPHRASE, tempDir } from '../helpers/temp-vault.js';

let root: string;
let service: DossierService;
let ct: Uint8Array[];
let cine: Uint8Array;
let ctRecord: string;

const call = <T>(method: string, params: unknown): Promise<T> => service.call(method, params) as Promise<T>;

beforeAll(async () => {
  root = tempDir('dossier-images-');
  service = createDossierService({ vaultDir: path.join(root, 'vault'), kdfCost: FAST_KDF });
  await call('vault.create', { passphrase: TEST_PASSPHRASE });
  ct = await makeCtSeries({ slices: 5, rows: 32, columns: 40, window: { center: 40, width: 400 } });
  const study = (await import('../../electron/core/dicom/parse.js')).parseDicomInstance(ct[0]!).studyInstanceUID;
  cine = makeMultiFrame({ frames: 12, studyInstanceUID: study });
  // An instance whose syntax the engine does not decode (JPEG XL), to get a PixelError back.
  const jxl = encapsulatedInstance({ rows: 8, columns: 8, bitsAllocated: 8, transferSyntaxUID: '1.2.840.10008.1.2.4.110', frames: [[new Uint8Array([0xff, 0x0a, 0, 0])]], extra: [el(0x0020000d, 'UI', study), el(0x0008103e, 'LO', 'JXL')] });
  // Slices uploaded out of order: the API puts them back in instance order.
  const files = [...[3, 0, 4, 1, 2].map((i) => ({ name: `ct${i}.dcm`, bytes: ct[i]! })), { name: 'cine.dcm', bytes: cine }, { name: 'jxl.dcm', bytes: jxl }];
  const summary = await service.importUploaded(files);
  expect(summary.imported).toBe(7);
  ctRecord = summary.recordIds[0]!;
});
afterAll(async () => {
  await service.close();
  rmSync(root, { recursive: true, force: true });
});

describe('images.series', () => {
  it('lists every series with images, instances in scrolling order, slice locations and frame counts', async () => {
    const series = await call<ImageSeries[]>('images.series', { recordId: ctRecord });
    expect(series.map((s) => [s.modality, s.description, s.imageCount])).toEqual([
      ['CT', 'Axial 2.5mm', 5],
      ['US', 'Cine loop', 12],
      ['OT', 'JXL', 1], // no series number: last
    ]);
    const axial = series[0]!;
    expect(axial.instances.map((i) => i.instanceNumber)).toEqual([1, 2, 3, 4, 5]);
    expect(axial.instances.map((i) => i.sliceLocation)).toEqual([0, -2.5, -5, -7.5, -10]);
    expect(axial.instances[0]).toMatchObject({ rows: 32, columns: 40, frames: 1 });
    expect(seriesImages(series[1]!).map((r) => r.frame)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('refuses an unknown record', async () => {
    await expect(call('images.series', { recordId: '0123456789ab' })).rejects.toMatchObject({ shape: { code: 'not-found' } });
  });
});

describe('images.frame', () => {
  it('gives the pixel engine’s decoded frame (typed arrays) for a file and frame', async () => {
    const [axial, loop] = await call<ImageSeries[]>('images.series', { recordId: ctRecord });
    const third = await call<FrameResult>('images.frame', { fileId: axial!.instances[2]!.fileId, frame: 0 });
    expect(third.ok).toBe(true);
    if (!third.ok) return;
    const expected = decodeFrameSync(ct[2]!, 0);
    expect(third.frame.samples).toBeInstanceOf(Int16Array);
    expect(Array.from(third.frame.samples)).toEqual(Array.from(expected.samples));
    expect(third.frame.voi.windows).toEqual([{ center: 40, width: 400 }]);
    const seventh = await call<FrameResult>('images.frame', { fileId: loop!.instances[0]!.fileId, frame: 6 });
    expect(seventh.ok && Array.from(seventh.frame.samples)).toEqual(Array.from(decodeFrameSync(cine, 6).samples));
  });

  it('returns a PixelError as data for what cannot be decoded, and for a frame out of range', async () => {
    const [axial, , jxl] = await call<ImageSeries[]>('images.series', { recordId: ctRecord });
    expect(await call('images.frame', { fileId: jxl!.instances[0]!.fileId, frame: 0 })).toEqual({
      ok: false,
      error: { code: 'unsupported-transfer-syntax', transferSyntaxUID: '1.2.840.10008.1.2.4.110' },
    });
    expect(await call('images.frame', { fileId: axial!.instances[0]!.fileId, frame: 3 })).toEqual({ ok: false, error: { code: 'frame-out-of-range', frame: 3, frameCount: 1 } });
  });

  it('refuses a file that is not DICOM, an unknown file and malformed params', async () => {
    await expect(call('images.frame', { fileId: 'ffffffffffff', frame: 0 })).rejects.toMatchObject({ shape: { code: 'not-found' } });
    await expect(call('images.frame', { fileId: 'ffffffffffff', frame: -1 })).rejects.toMatchObject({ shape: { code: 'invalid-params' } });
    await expect(call('images.frame', { fileId: 'ffffffffffff', frame: 0, extra: 1 })).rejects.toMatchObject({ shape: { code: 'invalid-params' } });
  });

  it('needs the vault unlocked', async () => {
    const [axial] = await call<ImageSeries[]>('images.series', { recordId: ctRecord });
    await call('vault.lock', {});
    await expect(call('images.frame', { fileId: axial!.instances[0]!.fileId, frame: 0 })).rejects.toMatchObject({ shape: { code: 'locked' } });
    await call('vault.unlock', { passphrase: TEST_PASSPHRASE });
  });
});

describe('DatasetCache', () => {
  it('parses a multi-frame file once for all its frames, however many ask at the same time', async () => {
    const cache = new DatasetCache(1 << 20);
    let loads = 0;
    const load = async () => (loads++, openInstance(cine));
    const opened = await Promise.all(Array.from({ length: 12 }, () => cache.open('cine', load)));
    for (let k = 0; k < 12; k++) await cache.open('cine', load);
    expect(loads).toBe(1);
    expect(new Set(opened).size).toBe(1);
  });

  it('stays within its byte budget, least recently used first out; a file over budget is kept alone', async () => {
    const size = Math.max(...ct.map((f) => openInstance(f).byteLength)); // UIDs differ in length by a byte or two
    const cache = new DatasetCache(size * 3);
    for (let i = 0; i < 5; i++) await cache.open(`ct${i}`, async () => openInstance(ct[i]!));
    expect(cache.bytes).toBeLessThanOrEqual(size * 3);
    expect([0, 1, 2, 3, 4].map((i) => cache.has(`ct${i}`))).toEqual([false, false, true, true, true]);
    await cache.open('ct2', async () => openInstance(ct[2]!)); // used: now the newest
    await cache.open('ct0', async () => openInstance(ct[0]!));
    expect([0, 2, 3, 4].map((i) => cache.has(`ct${i}`))).toEqual([true, true, false, true]);
    const tiny = new DatasetCache(10);
    await tiny.open('a', async () => openInstance(ct[0]!));
    await tiny.open('b', async () => openInstance(ct[1]!));
    expect([tiny.has('a'), tiny.has('b'), tiny.bytes]).toEqual([false, true, openInstance(ct[1]!).byteLength]);
  });

  it('clear() forgets every file and zeroes its plaintext', async () => {
    const cache = new DatasetCache(1 << 20);
    const opened = await cache.open('cine', async () => openInstance(new Uint8Array(cine)));
    cache.clear();
    expect(cache.bytes).toBe(0);
    expect(cache.has('cine')).toBe(false);
    expect(opened.ds.byteArray.every((b) => b === 0)).toBe(true);
  });
});

it('TS table has the lossless syntaxes the fixtures use', () => {
  expect(TS.jpegLsLossless).toBe('1.2.840.10008.1.2.4.80');
});
