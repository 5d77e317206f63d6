// Thumbnails: drawn by the core for imaging (the middle image of the first series), handed in by the
// app for PDFs and photos and checked (PNG/JPEG magic, size cap, dimensions), cached encrypted in
// the vault; the check counts no stray files, emptying the trash removes them, and rebuild-index
// never mistakes a cached picture for a record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { THUMBNAIL_MAX_BYTES, type RecordPage, type ThumbnailResult } from '../../shared/api.js';
import type { CheckReport } from '../../shared/vault.js';
import { createDossierService, type DossierService } from '../../electron/core/service/service.js';
import { checkThumbnailImage } from '../../electron/core/records/thumbnail-image.js';
import { encodePng } from '../../electron/core/dicom/png.js';
import { makeCtSeries } from '../fixtures/dicom/ct-series.js';
import { makePdf } from '../fixtures/documents/pdf.js';
import { makeJpeg, makePng } from '../fixtures/documents/images.js';
import { FAST_KDF, TEST_PASSPHRASE, tempDir } from '../helpers/temp-vault.js';

let root: string;
let vaultDir: string;
let service: DossierService;
let ctId: string;
let pdfId: string;

const call = <T>(method: string, params: unknown): Promise<T> => service.call(method, params) as Promise<T>;
const blobFiles = (): string[] => readdirSync(path.join(vaultDir, 'blobs'), { recursive: true, encoding: 'utf8' }).filter((f) => /[0-9a-f]{64}$/.test(f));
const png = (w: number, h: number): Uint8Array => encodePng(w, h, 1, new Uint8Array(w * h).fill(128));

beforeAll(async () => {
  root = tempDir('dossier-thumbs-');
  vaultDir = path.join(root, 'vault');
  service = createDossierService({ vaultDir, kdfCost: FAST_KDF });
  await call('vault.create', { passphrase: TEST_PASSPHRASE });
  const ct = await makeCtSeries({ slices: 5, rows: 40, columns: 40 });
  const pdf = await makePdf({ pages: [['Discharge letter']] });
  const summary = await service.importUploaded([...ct.map((bytes, i) => ({ name: `ct${i}.dcm`, bytes })), { name: 'letter.pdf', bytes: pdf }]);
  const { records } = await call<RecordPage>('records.list', {});
  ctId = records.find((r) => r.kind === 'imaging')!.id;
  pdfId = records.find((r) => r.format === 'pdf')!.id;
  expect(summary.imported).toBe(6);
});
afterAll(async () => {
  await service.close();
  rmSync(root, { recursive: true, force: true });
});

describe('checkThumbnailImage', () => {
  it('accepts PNG and JPEG within the limits and reads their size', () => {
    expect(checkThumbnailImage(png(200, 150))).toEqual({ mime: 'image/png', width: 200, height: 150 });
    expect(checkThumbnailImage(makeJpeg({ width: 120, height: 256 }))).toEqual({ mime: 'image/jpeg', width: 120, height: 256 });
  });

  it.each([
    ['empty', new Uint8Array(0)],
    ['not-an-image', new TextEncoder().encode('<svg onload="alert(1)"/>')],
    ['too-large', new Uint8Array(THUMBNAIL_MAX_BYTES + 1).fill(0xff)],
    ['bad-dimensions', makePng(257, 10)],
    ['bad-dimensions', makePng(0, 10)],
    ['bad-dimensions', makeJpeg({ width: 4000, height: 3000 })],
    ['damaged', new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2])],
    ['damaged', makePng(10, 10).subarray(0, 20)],
  ])('refuses %s input with a clear error', (problem, bytes) => {
    expect(() => checkThumbnailImage(bytes)).toThrow(expect.objectContaining({ code: 'invalid-params', details: { problem } }));
    expect(() => checkThumbnailImage(bytes)).toThrow(/This thumbnail was refused: /);
  });
});

describe('thumbnails through the API', () => {
  it('draws an imaging study once (JPEG), then serves it from the encrypted cache', async () => {
    const blobsBefore = blobFiles().length;
    const first = await call<ThumbnailResult>('records.thumbnail', { id: ctId });
    expect(first.dataUrl).toMatch(/^data:image\/jpeg;base64,/);
    expect(blobFiles()).toHaveLength(blobsBefore + 1);
    const again = await call<ThumbnailResult>('records.thumbnail', { id: ctId });
    expect(again).toEqual(first);
    expect(blobFiles()).toHaveLength(blobsBefore + 1);
    // On disk the picture is encrypted: its JPEG bytes appear in no file of the vault.
    const jpeg = Buffer.from(first.dataUrl!.split(',')[1]!, 'base64');
    const needle = jpeg.subarray(jpeg.length - 64);
    for (const f of blobFiles()) expect(readFileSync(path.join(vaultDir, 'blobs', f)).includes(needle)).toBe(false);
  });

  it('asks the app to draw a PDF’s first page, keeps what it hands back, refuses bad input', async () => {
    expect(await call('records.thumbnail', { id: pdfId })).toEqual({ dataUrl: null, needs: 'pdf-page' });
    await expect(call('records.storeThumbnail', { id: pdfId, image: new TextEncoder().encode('GIF89a') })).rejects.toMatchObject({ shape: { code: 'invalid-params', message: expect.stringMatching(/neither a PNG nor a JPEG/) as string } });
    await expect(call('records.storeThumbnail', { id: pdfId, image: 'not bytes' })).rejects.toMatchObject({ shape: { code: 'invalid-params' } });
    await expect(call('records.storeThumbnail', { id: ctId, image: png(10, 10) })).rejects.toMatchObject({ shape: { code: 'invalid-params' } });
    const stored = await call<{ dataUrl: string }>('records.storeThumbnail', { id: pdfId, image: png(180, 256) });
    expect(stored.dataUrl).toMatch(/^data:image\/png;base64,/);
    expect(await call('records.thumbnail', { id: pdfId })).toEqual({ dataUrl: stored.dataUrl });
    // Replacing it leaves one picture behind, not two.
    const before = blobFiles().length;
    await call('records.storeThumbnail', { id: pdfId, image: png(181, 256) });
    expect(blobFiles()).toHaveLength(before);
  });

  it('the check counts no stray files; rebuild-index from the blobs alone adopts no picture as a record', async () => {
    const check = await call<CheckReport>('vault.check', {});
    expect(check).toMatchObject({ ok: true, unlistedFiles: 0 });
    const records = (await call<RecordPage>('records.list', {})).total;
    await call('vault.lock', {});
    rmSync(path.join(vaultDir, 'snapshots'), { recursive: true, force: true });
    rmSync(path.join(vaultDir, 'dossier.db'));
    await call('vault.rebuildIndex', { passphrase: TEST_PASSPHRASE });
    expect((await call<RecordPage>('records.list', {})).total).toBe(records);
    // The orphaned pictures were cache, and went; the study draws its picture again.
    expect(await call('vault.check', {})).toMatchObject({ ok: true, unlistedFiles: 0 });
    expect((await call<ThumbnailResult>('records.thumbnail', { id: ctId })).dataUrl).toMatch(/^data:image\/jpeg/);
  });

  it('emptying the trash removes a record’s cached picture', async () => {
    await call('records.thumbnail', { id: ctId });
    const before = blobFiles().length;
    await call('records.delete', { ids: [ctId] });
    await call('records.emptyTrash', {});
    expect(blobFiles()).toHaveLength(before - 6); // five slices and the picture
    expect(await call('vault.check', {})).toMatchObject({ ok: true, unlistedFiles: 0 });
  });
});
