// Valid DICOM instances without Pixel Data (as in the PS3.5 character-set examples: a dataset with
// the patient's name in three scripts and image attributes, but no pixels) are not truncated files:
// they join their study with a "no image data" mark, so the identity and the study are kept; the
// bundle lists them in the DICOMDIR and shows no preview for such a series.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { el } from '../../electron/core/dicom/writer.js';
import { newUid } from '../../electron/core/base/ids.js';
import { parseDicomInstance } from '../../electron/core/dicom/parse.js';
import { Importer } from '../../electron/core/import/pipeline.js';
import { bytesSource } from '../../electron/core/import/source.js';
import { getRecord } from '../../electron/core/records/record-store.js';
import { recordThumbnail } from '../../electron/core/records/thumbnail.js';
import { imageSeries } from '../../electron/core/records/image-series.js';
import { exportBundle } from '../../electron/core/export/export-bundle.js';
import { readDicomdir } from '../../electron/core/dicom/dicomdir-read.js';
import { makeDicomInstance } from '../fixtures/dicom/instance.js';
import { makeVault, tempDir } from '../helpers/temp-vault.js';
import type { Vault } from '../../electron/core/vault/vault.js';

const YAMADA = 'Yamada^Tarou=山田^太郎=やまだ^たろう';
const study = newUid();
const withPixels = makeDicomInstance({ studyInstanceUID: study, seriesInstanceUID: `${study}.1`, seriesNumber: 1, patientName: YAMADA, charset: 'ISO_IR 192', rows: 16, columns: 16 });
// Image attributes but no Pixel Data: what dcmdump shows for the character-set examples.
const noPixels = (series: string, n: number) =>
  makeDicomInstance({
    studyInstanceUID: study,
    seriesInstanceUID: series,
    seriesNumber: 2,
    instanceNumber: n,
    patientName: YAMADA,
    charset: 'ISO_IR 192',
    pixels: 'none',
    extra: [el(0x00280010, 'US', 512), el(0x00280011, 'US', 512)],
  });

describe('an instance without Pixel Data', () => {
  it('parses as a valid instance marked as having no image data', () => {
    const info = parseDicomInstance(noPixels(`${study}.2`, 1));
    expect(info.patient.name).toBe(YAMADA);
    expect(info.pixelData).toBe(false);
    expect(parseDicomInstance(withPixels).pixelData).toBe(true);
  });
});

describe('importing and exporting a study with an image-less series', () => {
  let vault: Vault;
  let cleanup: () => void;
  let recordId: string;
  beforeAll(async () => {
    ({ vault, cleanup } = await makeVault());
    const summary = await new Importer(vault).importSources([
      bytesSource('CD/IM1', 'IM1', withPixels),
      bytesSource('CD/IM2', 'IM2', noPixels(`${study}.2`, 1)),
      bytesSource('CD/IM3', 'IM3', noPixels(`${study}.2`, 2)),
    ]);
    expect(summary.outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'imported']);
    expect(summary.recordIds).toHaveLength(1);
    recordId = summary.recordIds[0]!;
  });
  afterAll(() => cleanup?.());

  it('keeps them in their study with the identity, the series marked "no image data"', async () => {
    const r = getRecord(vault.db, recordId);
    expect(r.patientName).toBe(YAMADA);
    expect(r.instanceCount).toBe(3);
    expect(r.series.map((s) => [s.seriesNumber, s.instanceCount, s.noImageData ?? false])).toEqual([
      [1, 1, false],
      [2, 2, true],
    ]);
    expect((await recordThumbnail(vault, recordId)).dataUrl).toMatch(/^data:image\//);
    // The viewer scrolls only the series that holds images.
    expect(imageSeries(vault.db, recordId).map((s) => s.seriesNumber)).toEqual([1]);
  });

  it('a study of image-less instances only has no thumbnail and no error', async () => {
    const other = newUid();
    const s = await new Importer(vault).importSources([bytesSource('X/IM1', 'IM1', makeDicomInstance({ studyInstanceUID: other, pixels: 'none', extra: [el(0x00280010, 'US', 8)] }))]);
    expect(s.outcomes[0]).toMatchObject({ status: 'imported' });
    expect((await recordThumbnail(vault, s.recordIds[0]!)).dataUrl).toBeNull();
  });

  it('the bundle lists every instance in the DICOMDIR and previews only the series with images', async () => {
    const out = path.join(tempDir('dossier-imageless-'), 'stick');
    const result = await exportBundle(vault, { recordIds: [recordId], destination: { kind: 'folder', path: out }, appVersion: '0.0.0-test' });
    expect(result.verified.ok).toBe(true);
    const dicomdir = readDicomdir(readFileSync(path.join(out, 'DICOMDIR')));
    expect(dicomdir.files).toHaveLength(3);
    expect(existsSync(path.join(out, 'PREVIEW', 'SER00001.JPG'))).toBe(true);
    expect(existsSync(path.join(out, 'PREVIEW', 'SER00002.JPG'))).toBe(false);
    const html = readFileSync(path.join(out, 'INDEX.HTM'), 'utf8');
    expect(html).toContain('No image data');
    expect(html).not.toContain('Preview not available');
  });
});
