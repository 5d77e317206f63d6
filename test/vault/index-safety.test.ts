// "The database is an index; the blobs are the truth." A damaged, emptied or missing dossier.db
// never costs a stored file: opening refuses and names the problem, `check` reports it, and
// `rebuild-index` brings every record back from the blobs and the latest database snapshot.
import { describe, it, expect, beforeAll } from 'vitest';
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync, openSync, writeSync, closeSync, readSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { CLI_PASSPHRASE, dossier, json } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-vault.js';
import { makePdf } from '../fixtures/documents/pdf.js';
import { SAMPLE_TEXTS } from '../fixtures/documents/sample-texts.js';
import { makeStudySet, writeCdFolder } from '../fixtures/dicom/cd-folder.js';

interface Listed {
  id: string;
  title: string;
  type: string;
  date: string | null;
  patientName: string | null;
  sourceFileCount: number;
  sizeBytes: number;
  instanceCount?: number;
}

let template: string; // a vault with 40 imported files, a person and a case; copied per test
let inputs: Map<string, Buffer>; // original name → bytes
let before: Listed[];
let recoveryKey: string;

function blobFiles(vault: string): string[] {
  const dir = path.join(vault, 'blobs');
  return readdirSync(dir)
    .filter((d) => /^[0-9a-f]{2}$/.test(d))
    .flatMap((d) => readdirSync(path.join(dir, d)).map((f) => path.join(dir, d, f)));
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function copyOfTemplate(): string {
  const dir = path.join(tempDir('dossier-index-'), 'vault');
  cpSync(template, dir, { recursive: true });
  return dir;
}

function sorted(list: Listed[]): Listed[] {
  return [...list].sort((a, b) => a.id.localeCompare(b.id));
}

beforeAll(async () => {
  const root = tempDir('dossier-index-template-');
  template = path.join(root, 'vault');
  const input = path.join(root, 'input');
  mkdirSync(input);
  inputs = new Map();
  const texts = Object.values(SAMPLE_TEXTS);
  for (let i = 0; i < 28; i++) {
    const name = `report-${String(i).padStart(2, '0')}.${i % 2 ? 'pdf' : 'txt'}`;
    const body = `${texts[i % texts.length]}\nReference ZQ${i}XK`;
    const bytes = i % 2 ? Buffer.from(await makePdf({ pages: [body.split('\n')] })) : Buffer.from(body);
    writeFileSync(path.join(input, name), bytes);
    inputs.set(name, bytes);
  }
  // 12 DICOM instances on a "CD": 2 studies → 2 imaging records.
  writeCdFolder(path.join(input, 'cd'), makeStudySet({ studies: 2, series: 2, instances: 3 }));
  const init = dossier(['init', '--vault', template]);
  expect(init.status).toBe(0);
  recoveryKey = /^\s+([0-9A-Z]{4}(?:-[0-9A-Z]{4}){7})$/m.exec(init.stdout)![1]!;
  const imported = dossier(['import', '--vault', template, input]);
  expect(imported.status, imported.stderr).toBe(0);
  before = json<Listed[]>(dossier(['list', '--vault', template, '--json']));
  expect(before).toHaveLength(30);
  const made = dossier(['case', 'create', '--vault', template, '--title', 'Second opinion on my biopsy', '--question', 'Is surgery needed?']);
  expect(made.status, made.stderr).toBe(0);
}, 120_000);

describe('an emptied database', () => {
  it('is refused with a clear message, deletes no blob, and rebuild-index brings every record back', () => {
    const vault = copyOfTemplate();
    const blobs = blobFiles(vault).length;
    expect(blobs).toBeGreaterThanOrEqual(40);
    truncateSync(path.join(vault, 'dossier.db'), 0);

    const listed = dossier(['list', '--vault', vault]);
    expect(listed.status).toBe(1);
    expect(listed.stderr).toMatch(/database.*(damaged|empty)/i);
    expect(listed.stderr).toMatch(/rebuild-index/);
    expect(listed.stderr.trim().split('\n')).toHaveLength(1);
    const checked = dossier(['check', '--vault', vault]);
    expect(checked.status).toBe(1);
    expect(`${checked.stdout}${checked.stderr}`).toMatch(/database.*(damaged|empty)/i);
    expect(blobFiles(vault)).toHaveLength(blobs);

    const rebuilt = dossier(['rebuild-index', '--vault', vault]);
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(blobFiles(vault)).toHaveLength(blobs);
    expect(sorted(json<Listed[]>(dossier(['list', '--vault', vault, '--json'])))).toEqual(sorted(before));
    // The case lived only in the database: it comes back from the snapshot.
    expect(json<{ title: string }[]>(dossier(['case', 'list', '--vault', vault, '--json'])).map((c) => c.title)).toEqual(['Second opinion on my biopsy']);
    // The damaged database was kept aside, not deleted.
    expect(readdirSync(vault).some((n) => n.startsWith('dossier.db.damaged-'))).toBe(true);
    expect(dossier(['check', '--vault', vault]).status).toBe(0);
  }, 120_000);

  it('without any snapshot, records, their metadata and original bytes come back from the blobs alone', () => {
    const vault = copyOfTemplate();
    rmSync(path.join(vault, 'snapshots'), { recursive: true, force: true });
    rmSync(path.join(vault, 'dossier.db'));
    const rebuilt = dossier(['rebuild-index', '--vault', vault]);
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    const after = json<Listed[]>(dossier(['list', '--vault', vault, '--json']));
    expect(sorted(after)).toEqual(sorted(before));
    // Every original comes back byte for byte: export them all (one process) and compare contents.
    const out = path.join(path.dirname(vault), 'bundle');
    expect(dossier(['export', '--all', '--allow-identity-mismatch', '--out', out, '--vault', vault]).status).toBe(0);
    const docs = path.join(out, 'IHE_XDM');
    const exported = new Set(
      readdirSync(docs, { recursive: true, encoding: 'utf8' })
        .map((f) => path.join(docs, f))
        .filter((f) => statSync(f).isFile())
        .map((f) => sha256(readFileSync(f))),
    );
    for (const [name, bytes] of inputs) expect(exported.has(sha256(bytes)), name).toBe(true);
    const sample = after.find((r) => r.sourceFileCount === 1)!;
    const detail = json<{ files: { originalName: string }[] }>(dossier(['show', sample.id, '--vault', vault, '--json']));
    expect(dossier(['cat', sample.id, '--vault', vault]).stdoutBytes.equals(inputs.get(detail.files[0]!.originalName)!)).toBe(true);
    const found = json<Listed[]>(dossier(['list', '--vault', vault, '--search', 'ZQ7XK', '--json']));
    expect(found.map((r) => r.title)).toHaveLength(1);
  }, 120_000);

  it('a missing database is refused the same way (never a fresh empty vault)', () => {
    const vault = copyOfTemplate();
    renameSync(path.join(vault, 'dossier.db'), path.join(vault, 'elsewhere.db'));
    const listed = dossier(['list', '--vault', vault]);
    expect(listed.status).toBe(1);
    expect(listed.stderr).toMatch(/rebuild-index/);
    expect(readdirSync(vault)).not.toContain('dossier.db');
  });
});

describe('check reports damage, never crashes', () => {
  it('a flipped byte in the database: exit 1 with one line naming the next step', () => {
    const vault = copyOfTemplate();
    const db = path.join(vault, 'dossier.db');
    expect(statSync(db).size).toBeGreaterThan(8192);
    const fd = openSync(db, 'r+');
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, 4200);
    b[0] = b[0]! ^ 0xff;
    writeSync(fd, b, 0, 1, 4200);
    closeSync(fd);
    const checked = dossier(['check', '--vault', vault]);
    expect(checked.status).toBe(1);
    const out = `${checked.stdout}${checked.stderr}`.trim();
    expect(out).not.toMatch(/unexpected error/);
    expect(out).toMatch(/database.*damaged/i);
    expect(out).toMatch(/rebuild-index/);
    expect(out.split('\n')).toHaveLength(1);
  });

  it('two same-size blobs swapped on disk: check names both records', () => {
    const vault = copyOfTemplate();
    const bySize = new Map<number, string[]>();
    for (const f of blobFiles(vault)) bySize.set(statSync(f).size, [...(bySize.get(statSync(f).size) ?? []), f]);
    const pair = [...bySize.values()].find((files) => files.length >= 2);
    expect(pair, 'two blobs of equal size (the DICOM instances)').toBeDefined();
    const [a, b] = pair!;
    const tmp = `${a}.swap`;
    renameSync(a!, tmp);
    renameSync(b!, a!);
    renameSync(tmp, b!);
    const checked = dossier(['check', '--vault', vault, '--json']);
    expect(checked.status).toBe(1);
    const report = JSON.parse(checked.stdout) as { problems: { code: string; recordId?: string; blobId?: string }[] };
    const named = report.problems.filter((p) => p.code === 'blob-swapped');
    expect(named.map((p) => p.blobId).sort()).toEqual([path.basename(a!), path.basename(b!)].sort());
    expect(named.every((p) => typeof p.recordId === 'string')).toBe(true);
  });
});

describe('vault.json', () => {
  it('a damaged vault.json is repaired from its second copy; both damaged says "damaged", not "wrong passphrase"', () => {
    const vault = copyOfTemplate();
    const file = path.join(vault, 'vault.json');
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { wrappedKeys: { passphrase: { data: string } } };
    const data = Buffer.from(parsed.wrappedKeys.passphrase.data, 'base64');
    data[3] = data[3]! ^ 1;
    parsed.wrappedKeys.passphrase.data = data.toString('base64');
    writeFileSync(file, JSON.stringify(parsed));
    const listed = dossier(['list', '--vault', vault, '--json']);
    expect(listed.status, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toHaveLength(30);
    // Repaired in place: the primary opens again on its own.
    rmSync(path.join(vault, 'vault.backup.json'));
    expect(dossier(['list', '--vault', vault]).status).toBe(0);
    // Both copies damaged (the second one gone, the first cut short): "damaged", never "wrong passphrase".
    rmSync(path.join(vault, 'vault.backup.json'));
    writeFileSync(file, '{"format": "dossier-vault", "vers');
    const broken = dossier(['list', '--vault', vault]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/damaged/i);
    expect(broken.stderr).not.toMatch(/wrong passphrase/i);
  });
});

describe('through the app (the service API)', () => {
  it('unlock and recover on an emptied database say "database-damaged"; rebuild-index brings the records back', async () => {
    const { createDossierService } = await import('../../electron/core/service/service.js');
    const vault = copyOfTemplate();
    const blobs = blobFiles(vault).length;
    truncateSync(path.join(vault, 'dossier.db'), 0);
    const service = createDossierService({ vaultDir: vault });
    await expect(service.call('vault.unlock', { passphrase: CLI_PASSPHRASE })).rejects.toMatchObject({ shape: { code: 'database-damaged', details: { problem: 'empty' } } });
    expect(blobFiles(vault)).toHaveLength(blobs);
    const result = (await service.call('vault.rebuildIndex', { passphrase: CLI_PASSPHRASE })) as { status: { unlocked: boolean }; report: { recordsKept: number } };
    expect(result.status.unlocked).toBe(true);
    expect(((await service.call('records.list', {})) as { total: number }).total).toBe(before.length);
    await service.close();
  }, 120_000);

  it('recover sets the new passphrase first, so a damaged database can then be rebuilt with it', async () => {
    const { createDossierService } = await import('../../electron/core/service/service.js');
    const vault = copyOfTemplate();
    rmSync(path.join(vault, 'dossier.db'));
    const service = createDossierService({ vaultDir: vault });
    const fresh = 'a brand new passphrase';
    await expect(service.call('vault.recover', { recoveryKey, newPassphrase: fresh })).rejects.toMatchObject({ shape: { code: 'database-damaged', details: { problem: 'missing' } } });
    await expect(service.call('vault.unlock', { passphrase: fresh })).rejects.toMatchObject({ shape: { code: 'database-damaged' } });
    await service.call('vault.rebuildIndex', { passphrase: fresh });
    expect(((await service.call('records.list', {})) as { total: number }).total).toBe(before.length);
    await service.close();
  }, 120_000);
});
