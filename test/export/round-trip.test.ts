// 5. Round trip: what we export imports back — into fresh vaults, from the folder and from the
// zip — as the same studies, series and instances (same SOP Instance UIDs, same bytes).
import { describe, it, expect, beforeAll } from 'vitest';
import path from 'node:path';
import { Vault } from '../../electron/core/vault/vault.js';
import { CLI_PASSPHRASE, dossier, json } from '../helpers/cli.js';
import { buildScenario, createVault, importInto, listRecords, type RecordListing, type Scenario } from './scenario.js';

interface Shown {
  studyInstanceUID: string;
  seriesCount: number;
  instanceCount: number;
  modalities: string[];
  series: { seriesInstanceUID: string; modality: string; seriesDescription: string; seriesNumber: number | null; instanceCount: number }[];
}

/** What must survive the trip, per study: series and instance UIDs (with each instance's syntax). */
async function imagingOf(vaultDir: string): Promise<{ studies: Shown[]; instances: string[] }> {
  const imaging = listRecords(vaultDir).filter((r: RecordListing) => r.kind === 'imaging');
  const studies = imaging
    .map((r) => {
      const d = json<Shown>(dossier(['show', '--vault', vaultDir, r.id, '--json']));
      return { studyInstanceUID: d.studyInstanceUID, seriesCount: d.seriesCount, instanceCount: d.instanceCount, modalities: d.modalities, series: d.series };
    })
    .sort((a, b) => a.studyInstanceUID.localeCompare(b.studyInstanceUID));
  // SOP UIDs are not part of `show --json`: read them from the vault's index directly.
  const vault = await Vault.open(vaultDir, CLI_PASSPHRASE);
  try {
    const rows = vault.db.prepare('SELECT study_uid, series_uid, sop_uid, transfer_syntax FROM instances ORDER BY sop_uid').all() as Record<string, string>[];
    return { studies, instances: rows.map((r) => `${r.study_uid} ${r.series_uid} ${r.sop_uid} ${r.transfer_syntax}`) };
  } finally {
    vault.close();
  }
}

let s: Scenario;
let original: Awaited<ReturnType<typeof imagingOf>>;

beforeAll(async () => {
  s = await buildScenario();
  original = await imagingOf(s.vault);
  for (const args of [['--out', path.join(s.root, 'out', 'usb')], ['--out', path.join(s.root, 'out', 'bundle.zip'), '--zip']]) {
    const res = s.run(['export', '--case', s.caseId, ...args]);
    expect(res.status, res.stderr).toBe(0);
  }
});

describe('export → import round trip', () => {
  it('the source vault holds 2 studies, 4 series, 9 instances', () => {
    expect(original.studies).toHaveLength(2);
    expect(original.studies.flatMap((st) => st.series)).toHaveLength(4);
    expect(original.instances).toHaveLength(9);
  });

  for (const kind of ['folder', 'zip'] as const) {
    it(`importing the exported ${kind} into a fresh vault gives the same studies, series and SOP UIDs`, async () => {
      const fresh = path.join(s.root, `fresh-${kind}`);
      await createVault(fresh);
      const outcomes = importInto(fresh, [path.join(s.root, 'out', kind === 'folder' ? 'usb' : 'bundle.zip')], { allowSkipped: true });
      // Every DICOM file and PDF is imported; the bundle's own generated files are skipped by name.
      const imported = outcomes.filter((o) => o.status === 'imported').map((o) => o.path.replace(/^.*(usb\/|› )/, ''));
      expect(imported.filter((p) => p.startsWith('DICOM/'))).toHaveLength(9);
      expect(imported.filter((p) => p.startsWith('IHE_XDM/') && p.endsWith('.PDF'))).toHaveLength(3);
      // The summary for the doctor is a PDF on the media too: it comes back as a document of its own.
      expect(imported).toContain('SUMMARY.PDF');
      expect(imported.filter((p) => p.endsWith('.JPG'))).toHaveLength(1); // listed by METADATA.XML, so imported from the media
      for (const generated of ['INDEX.HTM', 'README.TXT', 'MANIFEST.TXT', 'FHIR/BUNDLE.JSN', 'FHIR/IPS.JSN']) expect(imported).not.toContain(generated);
      const again = await imagingOf(fresh);
      expect(again.studies).toEqual(original.studies);
      expect(again.instances).toEqual(original.instances);
      // The PDFs, the photo and the summary come back as documents.
      const docs = listRecords(fresh).filter((r) => r.kind === 'document');
      expect(docs).toHaveLength(5);
    });
  }
});
