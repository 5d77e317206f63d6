// Backup → restore → open → the same records. `vault.backup` writes "Dossier vault backup <time>",
// a copy of the encrypted vault; restoring is putting that folder where a vault is opened from
// (the app's vault folder, or `--vault DIR` for the CLI and the browser host) — there is no
// separate restore command. Opened there with the same passphrase (or the recovery key) it holds
// exactly what the vault held when the backup was made: ids, titles, people, cases, the trash and
// every stored file's bytes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RecordPage, VaultStatus } from '../../shared/api.js';
import type { CheckReport } from '../../shared/vault.js';
import type { ImportSummary, RecordDetail } from '../../shared/domain.js';
import { fileBytes } from '../helpers/file-bytes.js';
import { createDossierService, type DossierService } from '../../electron/core/service/service.js';
import { FAST_KDF, TEST_PASSPHRASE, tempDir } from '../helpers/temp-vault.js';
import { CLI_PASSPHRASE, dossier, json } from '../helpers/cli.js';
import { makePdf } from '../fixtures/documents/pdf.js';
import { makeStudySet, writeCdFolder } from '../fixtures/dicom/cd-folder.js';

let root: string;
let original: DossierService;
let recoveryKey: string;
/** Every stored file's bytes as they went in, by the path they were imported from. */
const sources = new Map<string, Buffer>();

async function everything(service: DossierService) {
  const page = (await service.call('records.list', { limit: 1000, sort: 'title' })) as RecordPage;
  const details = await Promise.all(page.records.map(async (r) => (await service.call('records.get', { id: r.id })) as RecordDetail));
  return {
    records: page.records,
    details,
    trash: await service.call('records.trash', {}),
    people: await service.call('people.list', {}),
    cases: await service.call('cases.list', {}),
    health: await service.call('health.list', {}),
  };
}

async function openAt(vaultDir: string, passphrase = TEST_PASSPHRASE): Promise<DossierService> {
  const service = createDossierService({ vaultDir, kdfCost: FAST_KDF });
  expect(await service.call('vault.unlock', { passphrase })).toMatchObject({ unlocked: true, path: vaultDir });
  return service;
}

beforeAll(async () => {
  root = tempDir('dossier-backup-');
  const inputs = path.join(root, 'inputs');
  mkdirSync(inputs);
  const write = (name: string, bytes: Uint8Array) => {
    writeFileSync(path.join(inputs, name), bytes);
    sources.set(path.join(inputs, name), Buffer.from(bytes));
  };
  write('discharge.txt', Buffer.from('Discharge summary\nDate: 2024-03-05\nPatient: Doe, Jane\nHome in good health.\n'));
  write('pathology.pdf', await makePdf({ pages: [['Surgical pathology report', 'Date of procedure: 2024-02-01', 'Diagnosis: benign.']], title: 'Pathology report' }));
  write('lab.txt', Buffer.from('Laboratory results\nDate: 2024-01-10\nHemoglobin 13.5 g/dL\n'));
  write('to-trash.txt', Buffer.from('Old note\nDate: 2001-01-01\nNothing.\n'));
  const cd = path.join(root, 'cd');
  mkdirSync(cd);
  const set = makeStudySet({ studies: 1, series: 2, instances: 2 });
  for (const rel of writeCdFolder(cd, set)) sources.set(path.join(cd, ...rel.split('/')), readFileSync(path.join(cd, ...rel.split('/'))));

  original = createDossierService({ vaultDir: path.join(root, 'vault'), kdfCost: FAST_KDF });
  recoveryKey = ((await original.call('vault.create', { passphrase: TEST_PASSPHRASE })) as { recoveryKey: string }).recoveryKey;
  const summary = (await original.call('import.paths', { paths: [inputs, cd] })) as ImportSummary;
  expect(summary.imported).toBe(4 + 4);
  const person = (await original.call('people.create', { name: 'Jane Doe', birthDate: '1970-01-02' })) as { id: string };
  const all = ((await original.call('records.list', {})) as RecordPage).records;
  const trashed = all.find((r) => r.title.startsWith('Old note'))!;
  await original.call('records.delete', { ids: [trashed.id] });
  const kept = all.filter((r) => r.id !== trashed.id);
  await original.call('records.update', { id: kept[0]!.id, patch: { notes: 'Bring to the appointment.', tags: ['important'], personId: person.id } });
  const c = (await original.call('cases.create', { title: 'Second opinion on the biopsy', question: 'Is surgery needed?' })) as { id: string };
  await original.call('cases.setRecords', { id: c.id, recordIds: kept.map((r) => r.id) });
  await original.call('health.add', { personId: person.id, kind: 'condition', text: 'Asthma' });
});

afterAll(async () => {
  await original?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('backup, restore, open', () => {
  it('gives back the same records, people, cases, trash and file bytes', async () => {
    const before = await everything(original);
    expect(before.records).toHaveLength(4); // three documents and one study (four images); one note in the trash
    expect(before.trash).toHaveLength(1);

    const destination = path.join(root, 'usb-stick');
    mkdirSync(destination);
    const backup = (await original.call('vault.backup', { destination })) as { path: string; bytes: number };
    expect(path.dirname(backup.path)).toBe(destination);
    expect(path.basename(backup.path)).toMatch(/^Dossier vault backup \d{4}-\d{2}-\d{2}-\d{2}-\d{2}$/);
    expect(readdirSync(destination)).toEqual([path.basename(backup.path)]); // no ".partial" left behind
    expect(backup.bytes).toBeGreaterThan(0);

    // Changed after the backup: not in it.
    const later = path.join(root, 'later.txt');
    writeFileSync(later, 'Letter after the backup\nDate: 2024-06-01\n');
    await original.call('import.paths', { paths: [later] });

    // Restore: the backup folder becomes the vault folder on another computer.
    const restoredDir = path.join(root, 'new-computer', 'vault');
    cpSync(backup.path, restoredDir, { recursive: true });
    const restored = await openAt(restoredDir);
    try {
      const after = await everything(restored);
      expect(after).toEqual(before);
      expect(after.details.flatMap((d) => d.files)).toHaveLength(3 + 4);
      for (const detail of after.details) {
        for (const file of detail.files) {
          const bytes = await fileBytes(restored, file.id);
          expect(bytes.length, file.originalPath).toBe(file.sizeBytes);
          expect(bytes.equals(sources.get(file.originalPath)!), file.originalPath).toBe(true);
          expect(bytes.equals(await fileBytes(original, file.id)), file.originalPath).toBe(true);
        }
      }
      const trashedFile = ((await restored.call('records.get', { id: (before.trash as { id: string }[])[0]!.id })) as RecordDetail).files[0]!;
      expect((await fileBytes(restored, trashedFile.id)).equals(sources.get(trashedFile.originalPath)!)).toBe(true);
      const check = (await restored.call('vault.check', {})) as CheckReport;
      expect(check).toMatchObject({ ok: true, problems: [], records: 5, files: 8, unlistedFiles: 0 });
      await expect(restored.call('vault.unlock', { passphrase: 'not the passphrase' })).rejects.toMatchObject({ shape: { code: 'wrong-passphrase' } });
    } finally {
      await restored.close();
    }
  });

  it('opens with the recovery key too, and with the CLI', async () => {
    const destination = path.join(root, 'second-backup');
    mkdirSync(destination);
    const backup = (await original.call('vault.backup', { destination })) as { path: string };
    const expected = ((await original.call('records.list', { limit: 1000 })) as RecordPage).records.map((r) => [r.id, r.title]);
    expect(expected).toHaveLength(5); // with the letter imported after the first backup

    const restoredDir = path.join(root, 'recovered', 'vault');
    cpSync(backup.path, restoredDir, { recursive: true });
    const restored = createDossierService({ vaultDir: restoredDir, kdfCost: FAST_KDF });
    try {
      expect((await restored.call('vault.recover', { recoveryKey, newPassphrase: CLI_PASSPHRASE })) as VaultStatus).toMatchObject({ unlocked: true });
      expect(((await restored.call('records.list', { limit: 1000 })) as RecordPage).records.map((r) => [r.id, r.title])).toEqual(expected);
    } finally {
      await restored.close();
    }
    const listed = json<{ id: string; title: string }[]>(dossier(['list', '--json', '--vault', restoredDir]));
    expect(listed.map((r) => [r.id, r.title])).toEqual(expected);
  });

  it('carries the second copy of the keys and a fresh database snapshot: a restored backup survives a damaged vault.json and an emptied database', async () => {
    const destination = path.join(root, 'third-backup');
    mkdirSync(destination);
    const backup = (await original.call('vault.backup', { destination })) as { path: string };
    expect(readdirSync(backup.path).sort()).toEqual(['blobs', 'dossier.db', 'snapshots', 'vault.backup.json', 'vault.json']);
    const cases = await original.call('cases.list', {});

    const restoredDir = path.join(root, 'damaged-restore', 'vault');
    cpSync(backup.path, restoredDir, { recursive: true });
    writeFileSync(path.join(restoredDir, 'vault.json'), '{ damaged');
    truncateSync(path.join(restoredDir, 'dossier.db'), 0);
    const restored = createDossierService({ vaultDir: restoredDir, kdfCost: FAST_KDF });
    try {
      await expect(restored.call('vault.unlock', { passphrase: TEST_PASSPHRASE })).rejects.toMatchObject({ shape: { code: 'database-damaged' } });
      await restored.call('vault.rebuildIndex', { passphrase: TEST_PASSPHRASE });
      // Cases live only in the database: they come back from the snapshot the backup carried.
      expect(await restored.call('cases.list', {})).toEqual(cases);
      expect(((await restored.call('records.list', { limit: 1000 })) as RecordPage).total).toBe(5);
    } finally {
      await restored.close();
    }
  });
});

