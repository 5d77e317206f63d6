// Import error paths through the real service's import.paths, with real files: an unreadable zip,
// a file the process may not read, a file that changes while it is read, a DICOMDIR listing files
// that are not there, and the disk filling up in the middle of an import. Each time the bad file
// gets a clear reason (or the import a clear error code), what was stored before stays present and
// readable, and `vault.check` finds nothing wrong afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { RecordPage } from '../../shared/api.js';
import type { ImportOutcome, ImportSummary, RecordDetail } from '../../shared/domain.js';
import type { CheckReport } from '../../shared/vault.js';
import type { ApiErrorShape } from '../../shared/errors.js';
import { outcomeReason } from '../../shared/words/import.js';
import { fileBytes } from '../helpers/file-bytes.js';
import { createDossierService, type DossierService } from '../../electron/core/service/service.js';
import { Vault } from '../../electron/core/vault/vault.js';
import { FAST_KDF, TEST_PASSPHRASE, tempDir } from '../helpers/temp-vault.js';
import { CLI, CLI_PASSPHRASE } from '../helpers/cli.js';
import { buildRawZip } from '../fixtures/bundle/raw-zip.js';
import { makeStudySet, writeCdFolder } from '../fixtures/dicom/cd-folder.js';

const roots: string[] = [];
const services: DossierService[] = [];

afterAll(async () => {
  for (const s of services) await s.close();
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function newRoot(prefix: string): string {
  const root = tempDir(prefix);
  roots.push(root);
  return root;
}

function note(dir: string, name: string, title: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, `${title}\nDate: 2024-03-05\nSeen in clinic; nothing new.\n`);
  return file;
}

/** A vault (in `vaultDir`) holding three notes imported before the trouble starts. */
async function vaultWithEarlierRecords(vaultDir: string, inputs: string): Promise<{ service: DossierService; earlier: Map<string, Buffer> }> {
  const service = createDossierService({ vaultDir, kdfCost: FAST_KDF });
  services.push(service);
  await service.call('vault.create', { passphrase: TEST_PASSPHRASE });
  const files = [note(inputs, 'a.txt', 'Clinic letter A'), note(inputs, 'b.txt', 'Clinic letter B'), note(inputs, 'c.txt', 'Clinic letter C')];
  const summary = (await service.call('import.paths', { paths: files })) as ImportSummary;
  expect(summary.imported).toBe(3);
  const earlier = new Map(summary.outcomes.map((o) => [o.recordId!, readFileSync(o.path)]));
  return { service, earlier };
}

/** Every earlier record is still listed and its stored bytes are what went in; the vault checks clean. */
async function expectEarlierIntactAndClean(service: DossierService, earlier: Map<string, Buffer>): Promise<CheckReport> {
  for (const [id, bytes] of earlier) {
    const detail = (await service.call('records.get', { id })) as RecordDetail;
    expect(detail.files).toHaveLength(1);
    expect((await fileBytes(service, detail.files[0]!.id)).equals(bytes), detail.title).toBe(true);
  }
  const check = (await service.call('vault.check', {})) as CheckReport;
  expect(check).toMatchObject({ ok: true, problems: [], unlistedFiles: 0 });
  return check;
}

const outcomeFor = (summary: ImportSummary, file: string): ImportOutcome => {
  const found = summary.outcomes.find((o) => o.path === file);
  if (!found) throw new Error(`no outcome for ${file} in ${JSON.stringify(summary.outcomes, null, 1)}`);
  return found;
};

describe('an unreadable zip', () => {
  it('is skipped with the reason — garbage named .zip, and a zip cut short — while the files beside it import', async () => {
    const root = newRoot('dossier-err-zip-');
    const { service, earlier } = await vaultWithEarlierRecords(path.join(root, 'vault'), path.join(root, 'earlier'));
    const drop = path.join(root, 'download');
    mkdirSync(drop);
    const garbage = path.join(drop, 'portal-export.zip');
    writeFileSync(garbage, randomBytes(64 * 1024));
    const whole = buildRawZip([
      { name: 'report.txt', data: Buffer.from('Radiology report\nDate: 2024-02-02\nNormal.\n'), deflate: true },
      { name: 'letter.txt', data: Buffer.from(`Letter\n${'x'.repeat(20_000)}\n`), deflate: true },
    ]);
    const cut = path.join(drop, 'cut-short.zip');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const beside = note(drop, 'beside.txt', 'Discharge summary');

    const summary = (await service.call('import.paths', { paths: [drop] })) as ImportSummary;
    expect(outcomeFor(summary, garbage)).toEqual({ path: garbage, status: 'skipped', skip: { code: 'misnamed', expected: 'zip' } });
    expect(outcomeFor(summary, cut)).toEqual({ path: cut, status: 'skipped', skip: { code: 'zip-unreadable', detail: expect.any(String) } });
    expect(outcomeReason(outcomeFor(summary, garbage))).toMatch(/^not a zip archive: named like one/);
    expect(outcomeReason(outcomeFor(summary, cut))).toMatch(/^zip archive could not be opened: .+/);
    expect(outcomeFor(summary, beside)).toMatchObject({ status: 'imported' });
    expect(summary.imported).toBe(1);

    const page = (await service.call('records.list', {})) as RecordPage;
    expect(page.records.map((r) => r.title).sort()).toEqual(['Clinic letter A', 'Clinic letter B', 'Clinic letter C', 'Discharge summary']);
    expect((await expectEarlierIntactAndClean(service, earlier)).records).toBe(4);
  });
});

describe('a file the importing process may not read', () => {
  it('is skipped as permission denied (a file and a folder), and the readable files import', async () => {
    // Root reads every file whatever its mode: run the import as an unprivileged user instead.
    // The CLI's `import` is the service's import.paths (electron/core/cli/context.ts).
    const asRoot = process.getuid?.() === 0;
    const root = newRoot('dossier-err-perm-');
    chmodSync(root, 0o755);
    const vaultDir = path.join(root, 'vault');
    const created = await Vault.create(vaultDir, CLI_PASSPHRASE, { kdfCost: FAST_KDF });
    created.vault.close();
    const inputs = path.join(root, 'inputs');
    const readable = note(inputs, 'readable.txt', 'Operative note');
    const secret = note(inputs, 'secret.txt', 'Psychiatry note');
    const closedFolder = path.join(inputs, 'closed');
    note(closedFolder, 'inside.txt', 'Inside a closed folder');
    chmodSync(secret, 0o000);
    chmodSync(closedFolder, 0o000);
    const user = { uid: 65534, gid: 65534 }; // nobody
    if (asRoot) {
      chownRecursive(vaultDir, user.uid, user.gid);
      chownSync(inputs, user.uid, user.gid);
      chownSync(readable, user.uid, user.gid);
    }
    const run = spawnSync(process.execPath, [CLI, 'import', inputs, '--json', '--no-ocr', '--vault', vaultDir], {
      env: { ...process.env, DOSSIER_PASSPHRASE: CLI_PASSPHRASE, HOME: root },
      encoding: 'utf8',
      ...(asRoot ? user : {}),
    });
    chmodSync(secret, 0o644);
    chmodSync(closedFolder, 0o755);
    expect(run.status, run.stderr).toBe(0);
    // The CLI's JSON: the code and its fields, and the reason in words.
    const outcomes = JSON.parse(run.stdout) as (ImportOutcome & { reason?: string })[];
    expect(outcomes).toEqual(
      expect.arrayContaining([
        { path: secret, status: 'skipped', skip: { code: 'read-failed', problem: 'permission-denied', path: secret }, reason: `permission denied reading ${secret}` },
        { path: closedFolder, status: 'skipped', skip: { code: 'unreadable', what: 'folder', detail: 'EACCES' }, reason: 'folder cannot be read (EACCES)' },
        expect.objectContaining({ path: readable, status: 'imported' }),
      ]),
    );
    expect(outcomes).toHaveLength(3);

    const service = createDossierService({ vaultDir, kdfCost: FAST_KDF });
    services.push(service);
    await service.call('vault.unlock', { passphrase: CLI_PASSPHRASE });
    const page = (await service.call('records.list', {})) as RecordPage;
    expect(page.records.map((r) => r.title)).toEqual(['Operative note']);
    const detail = (await service.call('records.get', { id: page.records[0]!.id })) as RecordDetail;
    expect((await fileBytes(service, detail.files[0]!.id)).equals(readFileSync(readable))).toBe(true);
    expect(await service.call('vault.check', {})).toMatchObject({ ok: true, problems: [], records: 1, unlistedFiles: 0 });
  });
});

function chownRecursive(dir: string, uid: number, gid: number): void {
  chownSync(dir, uid, gid);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chownRecursive(full, uid, gid);
    else chownSync(full, uid, gid);
  }
}

describe('a file that changes while it is read', () => {
  // The seam: the service reports a file as current (import.progress) synchronously, before it
  // opens it; the listener changes the file right then — after the folder was listed and sized.
  function changeOnProgress(service: DossierService, changes: Map<string, () => void>): () => void {
    return service.onEvent((event, payload) => {
      if (event !== 'import.progress') return;
      const file = (payload as { currentFile: string }).currentFile;
      const change = changes.get(file);
      if (!change) return;
      changes.delete(file);
      change();
    });
  }

  it('is skipped when a large file shrinks or grows before it is stored; nothing is half-stored', async () => {
    const root = newRoot('dossier-err-change-');
    const { service, earlier } = await vaultWithEarlierRecords(path.join(root, 'vault'), path.join(root, 'earlier'));
    const drop = path.join(root, 'scans');
    mkdirSync(drop);
    // Larger than the size read whole (16 MiB), of no format with an analyzer: streamed into the vault.
    const shrinking = path.join(drop, 'shrinking.raw');
    const growing = path.join(drop, 'growing.raw');
    const big = 17 * 2 ** 20;
    writeFileSync(shrinking, randomBytes(big));
    writeFileSync(growing, randomBytes(big));
    const steady = note(drop, 'steady.txt', 'Referral letter');
    const stop = changeOnProgress(
      service,
      new Map([
        [shrinking, () => truncateSync(shrinking, 2 ** 20)],
        [growing, () => appendFileSync(growing, randomBytes(4096))],
      ]),
    );
    const summary = (await service.call('import.paths', { paths: [drop] })) as ImportSummary;
    stop();
    expect(outcomeFor(summary, shrinking)).toEqual({ path: shrinking, status: 'skipped', skip: { code: 'changed-while-read', before: big, after: 2 ** 20 } });
    expect(outcomeFor(summary, growing)).toEqual({ path: growing, status: 'skipped', skip: { code: 'changed-while-read', before: big, after: big + 4096 } });
    expect(outcomeReason(outcomeFor(summary, growing))).toBe(`file changed while it was being read (${big} → ${big + 4096} bytes)`);
    expect(outcomeFor(summary, steady)).toMatchObject({ status: 'imported' });
    expect((await expectEarlierIntactAndClean(service, earlier)).records).toBe(4);
    expect(readdirSync(path.join(root, 'vault', 'blobs', 'tmp'))).toEqual([]);
  });

  it('stores a small file as it was when read, whole and consistent, when it is replaced after the folder was listed', async () => {
    const root = newRoot('dossier-err-replace-');
    const { service, earlier } = await vaultWithEarlierRecords(path.join(root, 'vault'), path.join(root, 'earlier'));
    const drop = path.join(root, 'letters');
    const replaced = note(drop, 'replaced.txt', 'First draft');
    const final = Buffer.from('Final letter\nDate: 2024-04-04\nThe final version, longer than the first draft was.\n');
    const stop = changeOnProgress(service, new Map([[replaced, () => writeFileSync(replaced, final)]]));
    const summary = (await service.call('import.paths', { paths: [drop] })) as ImportSummary;
    stop();
    const outcome = outcomeFor(summary, replaced);
    expect(outcome.status).toBe('imported');
    const detail = (await service.call('records.get', { id: outcome.recordId! })) as RecordDetail;
    expect(detail.title).toBe('Final letter');
    expect(detail.files[0]!.sizeBytes).toBe(final.length);
    expect((await fileBytes(service, detail.files[0]!.id)).equals(final)).toBe(true);
    await expectEarlierIntactAndClean(service, earlier);
  });
});

describe('a DICOMDIR listing files that are missing', () => {
  it('reports each missing file (the first 20, then a count), imports the images that are there', async () => {
    const root = newRoot('dossier-err-dicomdir-');
    const { service, earlier } = await vaultWithEarlierRecords(path.join(root, 'vault'), path.join(root, 'earlier'));
    const cd = path.join(root, 'cd');
    mkdirSync(cd);
    const set = makeStudySet({ studies: 1, series: 1, instances: 25 });
    const files = writeCdFolder(cd, set);
    const missing = files.slice(3); // 22 of 25 images are gone (a disc burned half-way)
    for (const rel of missing) unlinkSync(path.join(cd, ...rel.split('/')));

    const summary = (await service.call('import.paths', { paths: [cd] })) as ImportSummary;
    const dicomdir = path.join(cd, 'DICOMDIR');
    const missingOutcomes = summary.outcomes.filter((o) => o.skip?.code === 'missing-from-disc');
    expect(missingOutcomes.map((o) => o.path)).toEqual(missing.slice(0, 20).map((rel) => `${dicomdir} → ${rel}`));
    expect(missingOutcomes.every((o) => o.status === 'skipped')).toBe(true);
    expect(summary.outcomes).toContainEqual({ path: dicomdir, status: 'skipped', skip: { code: 'more-missing-from-disc', count: 2 } });
    const present = files.slice(0, 3).map((rel) => path.join(cd, ...rel.split('/')));
    for (const p of present) expect(outcomeFor(summary, p)).toMatchObject({ status: 'imported' });

    const studyId = outcomeFor(summary, present[0]!).recordId!;
    const study = (await service.call('records.get', { id: studyId })) as RecordDetail;
    expect(study.instanceCount).toBe(3);
    expect(study.files.map((f) => f.originalPath).sort()).toEqual([...present].sort());
    for (const f of study.files) expect((await fileBytes(service, f.id)).equals(readFileSync(f.originalPath))).toBe(true);
    expect((await expectEarlierIntactAndClean(service, earlier)).records).toBe(4);
  });
});

describe('the disk filling up in the middle of an import', () => {
  let mountPoint: string | null = null;
  let mountRefused: string | null = null;

  beforeAll(() => {
    const root = newRoot('dossier-err-full-');
    const dir = path.join(root, 'small-disk');
    mkdirSync(dir);
    // A 3 MB file system of its own for the vault (needs root and a kernel that allows tmpfs mounts).
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', dir], { encoding: 'utf8' });
    if (mounted.status === 0) mountPoint = dir;
    else mountRefused = `${mounted.error?.message ?? mounted.stderr.trim()}`;
  });

  afterAll(async () => {
    for (const s of services.splice(0)) await s.close();
    if (mountPoint) spawnSync('umount', [mountPoint]);
  });

  it('stops with "disk-full"; what was imported before and every file reported imported stay readable; the vault checks clean and imports again once there is room', async (ctx) => {
    if (!mountPoint) {
      console.warn(`skipping the disk-full import test: a small tmpfs cannot be mounted here (${mountRefused})`);
      ctx.skip();
      return;
    }
    const root = path.dirname(mountPoint);
    const vaultDir = path.join(mountPoint, 'vault');
    const { service, earlier } = await vaultWithEarlierRecords(vaultDir, path.join(root, 'earlier'));
    const outcomes: ImportOutcome[] = [];
    service.onEvent((event, payload) => {
      if (event === 'import.outcomes') outcomes.push(...(payload as ImportOutcome[]));
    });
    const drop = path.join(root, 'many-scans');
    mkdirSync(drop);
    const bytes = new Map<string, Buffer>();
    for (let i = 0; i < 40; i++) {
      const file = path.join(drop, `scan-${String(i).padStart(2, '0')}.raw`);
      bytes.set(file, randomBytes(200 * 1024)); // 8 MB in all, on a 3 MB disk
      writeFileSync(file, bytes.get(file)!);
    }

    let error: ApiErrorShape | null = null;
    await service.call('import.paths', { paths: [drop] }).catch((err: { shape: ApiErrorShape }) => (error = err.shape));
    expect(error).toMatchObject({ code: 'disk-full' });

    // Whatever was reported imported before the disk filled is there and whole.
    const reported = outcomes.filter((o) => o.status === 'imported');
    for (const o of reported) {
      const detail = (await service.call('records.get', { id: o.recordId! })) as RecordDetail;
      expect((await fileBytes(service, detail.files[0]!.id)).equals(bytes.get(o.path)!), o.path).toBe(true);
    }
    const check = await expectEarlierIntactAndClean(service, earlier);
    expect(check.records).toBe(3 + reported.length);
    expect(readdirSync(path.join(vaultDir, 'blobs', 'tmp'))).toEqual([]);

    // Locked and opened again, then with room on the disk, the same folder imports.
    await service.call('vault.lock', {});
    await service.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect(spawnSync('mount', ['-o', 'remount,size=64m', mountPoint]).status).toBe(0);
    const again = (await service.call('import.paths', { paths: [drop] })) as ImportSummary;
    expect(again.imported + again.duplicates).toBe(40);
    expect(again.duplicates).toBe(reported.length);
    expect((await expectEarlierIntactAndClean(service, earlier)).records).toBe(3 + 40);
  });
});
