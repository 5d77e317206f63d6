// The export preview lists exactly the files the export writes (one plan, one code path), and the
// README speaks only of what the bundle holds: a documents-only bundle has no DICOMDIR and does not
// tell staff to import one. README.TXT is UTF-8 (names and dashes survive) and names the real version.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createDossierService } from '../../electron/core/service/service.js';
import { FAST_KDF, tempDir, TEST_PASSPHRASE } from '../helpers/temp-vault.js';
import { makePdf } from '../fixtures/documents/pdf.js';
import { makeStudySet, writeCdFolder } from '../fixtures/dicom/cd-folder.js';
import { filesIn } from './bundle-files.js';
import { writeFileSync, mkdirSync } from 'node:fs';
import type { BundlePreview, ExportResult } from '../../shared/cases.js';
import type { ImportSummary } from '../../shared/domain.js';
import type { RecordPage } from '../../shared/api.js';

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

async function vaultWith(files: 'documents' | 'both') {
  const root = tempDir('dossier-plan-');
  const input = path.join(root, 'input');
  mkdirSync(input);
  writeFileSync(path.join(input, 'letter.pdf'), await makePdf({ pages: [['Letter for Zoë Ångström — pathology review']] }));
  writeFileSync(path.join(input, 'note.txt'), 'Treatment summary — chemotherapy finished.');
  if (files === 'both') writeCdFolder(path.join(input, 'cd'), makeStudySet({ studies: 1, series: 2, instances: 3 }));
  const service = createDossierService({ vaultDir: path.join(root, 'vault'), kdfCost: FAST_KDF });
  await service.call('vault.create', { passphrase: TEST_PASSPHRASE });
  const summary = (await service.call('import.paths', { paths: [input] })) as ImportSummary;
  expect(summary.imported).toBeGreaterThan(0);
  const recordIds = ((await service.call('records.list', {})) as RecordPage).records.map((r) => r.id);
  return { root, service, recordIds };
}

describe('the export plan is the truth', () => {
  for (const kind of ['both', 'documents'] as const) {
    it(`preview lists exactly the files written (${kind})`, async () => {
      const { root, service, recordIds } = await vaultWith(kind);
      const preview = (await service.call('export.preview', { recordIds, allowIdentityMismatch: true })) as BundlePreview;
      const out = path.join(root, 'usb');
      const result = (await service.call('export.run', { recordIds, allowIdentityMismatch: true, destination: { kind: 'folder', path: out } })) as ExportResult;
      expect(result.verified.ok, result.verified.problems.join('\n')).toBe(true);
      expect(filesIn(out).sort()).toEqual(preview.entries.map((e) => e.path).sort());
      expect(result.fileCount).toBe(preview.entries.length);
      const readme = readFileSync(path.join(out, 'README.TXT'));
      expect([...readme.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = readme.toString('utf8');
      expect(text).toContain(`with Dossier ${version}`);
      if (kind === 'documents') {
        expect(filesIn(out)).not.toContain('DICOMDIR');
        expect(text).not.toMatch(/DICOMDIR|DICOM\/|PREVIEW\//);
      } else {
        expect(text).toContain('DICOMDIR');
        expect(filesIn(out).filter((f) => f.startsWith('PREVIEW/'))).toHaveLength(2);
      }
      await service.close();
    });
  }

  it('viewer images: the preview lists them and estimates their size; left out when asked, everything else the same', async () => {
    const { root, service, recordIds } = await vaultWith('both');
    const withImages = (await service.call('export.preview', { recordIds, allowIdentityMismatch: true })) as BundlePreview;
    const without = (await service.call('export.preview', { recordIds, allowIdentityMismatch: true, viewerImages: false })) as BundlePreview;
    const viewer = withImages.entries.filter((e) => e.kind === 'viewer').map((e) => e.path);
    expect(viewer).toHaveLength(6); // 2 series × 3 images
    expect(viewer[0]).toBe('VIEWER/SER00001/IMG00001.JPG');
    expect(withImages.viewerImages).toMatchObject({ included: true, count: 6 });
    expect(withImages.viewerImages.estimatedBytes).toBeGreaterThan(0);
    expect(without.viewerImages).toEqual({ ...withImages.viewerImages, included: false });
    expect(without.entries.map((e) => e.path)).toEqual(withImages.entries.map((e) => e.path).filter((p) => !viewer.includes(p)));
    const out = path.join(root, 'usb-small');
    const result = (await service.call('export.run', { recordIds, allowIdentityMismatch: true, viewerImages: false, destination: { kind: 'folder', path: out } })) as ExportResult;
    expect(result.verified.ok).toBe(true);
    expect(filesIn(out).sort()).toEqual(without.entries.map((e) => e.path).sort());
    expect(readFileSync(path.join(out, 'INDEX.HTM'), 'utf8')).not.toContain('<script');
    await service.close();
  });
});
