import { describe, it, expect, beforeAll } from 'vitest';
import { writeFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { dossier, json, CLI_PASSPHRASE } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-vault.js';
import { Vault } from '../../electron/core/vault/vault.js';

interface Outcome {
  path: string;
  status: string;
  recordId?: string;
  reason?: string;
}

let vault: string;
let input: string;
let recoveryKey: string;

beforeAll(() => {
  const root = tempDir('dossier-cli-');
  vault = path.join(root, 'vault');
  input = path.join(root, 'input');
  mkdirSync(path.join(input, 'nested', '.hidden-dir'), { recursive: true });
  writeFileSync(path.join(input, 'notes.txt'), 'Blood pressure diary, March.\n');
  writeFileSync(path.join(input, 'nested', 'scan-photo.bin'), randomBytes(70_000));
  writeFileSync(path.join(input, 'nested', 'copy-of-notes.txt'), 'Blood pressure diary, March.\n');
  writeFileSync(path.join(input, '.DS_Store'), 'junk');
  writeFileSync(path.join(input, 'Thumbs.db'), 'junk');
  writeFileSync(path.join(input, 'nested', '.hidden-dir', 'x.txt'), 'hidden');
  writeFileSync(path.join(input, 'empty.txt'), '');
  const init = dossier(['init', '--vault', vault]);
  expect(init.status).toBe(0);
  recoveryKey = /([0-9A-Z]{4}(?:-[0-9A-Z]{4}){7})/.exec(init.stdout)![1]!;
});

describe('dossier CLI', () => {
  it('init prints the recovery key once, and refuses an existing vault', () => {
    expect(recoveryKey).toBeTruthy();
    const again = dossier(['init', '--vault', vault]);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/already a vault/);
  });

  it('imports a folder: every file imported, duplicate or skipped with a reason', () => {
    const outcomes = json<Outcome[]>(dossier(['import', '--vault', vault, input, '--json']));
    const by = (name: string) => outcomes.find((o) => path.basename(o.path) === name)!;
    expect(by('scan-photo.bin').status).toBe('imported');
    // Same content twice: the first one walked (nested/ sorts before notes.txt) is imported, the other is a duplicate of it.
    expect(by('copy-of-notes.txt').status).toBe('imported');
    expect(by('notes.txt')).toMatchObject({ status: 'duplicate', recordId: by('copy-of-notes.txt').recordId, reason: 'same content as a file already in the vault' });
    expect(by('.DS_Store')).toMatchObject({ status: 'skipped', reason: 'hidden or system file' });
    expect(by('Thumbs.db')).toMatchObject({ status: 'skipped', reason: 'hidden or system file' });
    expect(by('.hidden-dir')).toMatchObject({ status: 'skipped', reason: 'hidden or system file' });
    expect(by('empty.txt')).toMatchObject({ status: 'imported' });
    expect(outcomes).toHaveLength(7);
  });

  it('lists and shows records with original name, size and import time', () => {
    const list = json<{ id: string; title: string; sizeBytes: number; sourceFileCount: number; kind: string }[]>(dossier(['list', '--vault', vault, '--json']));
    expect(list).toHaveLength(3);
    const photo = list.find((r) => r.sizeBytes === 70_000)!;
    expect(photo).toMatchObject({ kind: 'document', sourceFileCount: 1 });
    const shown = json<{ files: { originalName: string; sizeBytes: number; importedAt: string }[] }>(dossier(['show', '--vault', vault, photo.id, '--json']));
    expect(shown.files[0]).toMatchObject({ originalName: 'scan-photo.bin', sizeBytes: 70_000 });
    expect(Date.parse(shown.files[0]!.importedAt)).toBeGreaterThan(Date.now() - 600_000);
  });

  it('cat returns the original bytes, to stdout and to a file', () => {
    const list = json<{ id: string; sizeBytes: number }[]>(dossier(['list', '--vault', vault, '--json']));
    const photo = list.find((r) => r.sizeBytes === 70_000)!;
    const original = readFileSync(path.join(input, 'nested', 'scan-photo.bin'));
    expect(dossier(['cat', '--vault', vault, photo.id]).stdoutBytes.equals(original)).toBe(true);
    const out = path.join(tempDir(), 'out.bin');
    expect(dossier(['cat', '--vault', vault, photo.id, '--out', out]).status).toBe(0);
    expect(readFileSync(out).equals(original)).toBe(true);
  });

  it('check says "vault ok" and exits 0 on a sound vault', () => {
    const res = dossier(['check', '--vault', vault]);
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/^vault ok/);
  });

  it('gives one clear line, without a stack trace, for each kind of user error', () => {
    const wrong = dossier(['list', '--vault', vault], { DOSSIER_PASSPHRASE: 'not it at all' });
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toMatch(/wrong passphrase/);
    const notVault = dossier(['list', '--vault', tempDir()]);
    expect(notVault.stderr).toMatch(/is not a Dossier vault/);
    const unknownRecord = dossier(['show', '--vault', vault, 'ffffffffffff']);
    expect(unknownRecord.stderr).toMatch(/no record with id ffffffffffff/);
    const usage = dossier(['frobnicate']);
    expect(usage.status).toBe(2);
    for (const r of [wrong, notVault, unknownRecord]) {
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    const distinct = new Set([wrong.stderr, notVault.stderr, unknownRecord.stderr]);
    expect(distinct.size).toBe(3);
  });

  it('refuses while another process has the vault open', async () => {
    const held = await Vault.open(vault, CLI_PASSPHRASE);
    try {
      const res = dossier(['list', '--vault', vault]);
      expect(res.status).not.toBe(0);
      expect(res.stderr).toMatch(/locked by another process/);
    } finally {
      held.close();
    }
    expect(dossier(['list', '--vault', vault]).status).toBe(0);
  });

  it('reports a vault from a newer version distinctly', () => {
    const copy = path.join(tempDir(), 'v');
    mkdirSync(copy);
    const vf = JSON.parse(readFileSync(path.join(vault, 'vault.json'), 'utf8'));
    writeFileSync(path.join(copy, 'vault.json'), JSON.stringify({ ...vf, version: 7 }));
    const res = dossier(['list', '--vault', copy]);
    expect(res.stderr).toMatch(/newer version of Dossier/);
  });

  it('passwd changes the passphrase; recover sets a new one with the recovery key', () => {
    expect(dossier(['passwd', '--vault', vault], { DOSSIER_NEW_PASSPHRASE: 'second passphrase' }).status).toBe(0);
    expect(dossier(['list', '--vault', vault]).stderr).toMatch(/wrong passphrase/);
    expect(dossier(['list', '--vault', vault], { DOSSIER_PASSPHRASE: 'second passphrase' }).status).toBe(0);
    // The key never goes on the command line (shell history, process list).
    const onArgv = dossier(['recover', '--vault', vault, '--recovery-key', recoveryKey], { DOSSIER_NEW_PASSPHRASE: 'third passphrase' });
    expect(onArgv.status).toBe(2);
    expect(onArgv.stderr).toMatch(/DOSSIER_RECOVERY_KEY/);
    const badKey = dossier(['recover', '--vault', vault], { DOSSIER_RECOVERY_KEY: '0000-0000-0000-0000-0000-0000-0000-0000', DOSSIER_NEW_PASSPHRASE: 'third passphrase' });
    expect(badKey.stderr).toMatch(/recovery key does not open this vault/);
    expect(dossier(['recover', '--vault', vault], { DOSSIER_RECOVERY_KEY: recoveryKey.toLowerCase(), DOSSIER_NEW_PASSPHRASE: CLI_PASSPHRASE }).status).toBe(0);
    expect(dossier(['list', '--vault', vault]).status).toBe(0);
  });

  it('check names the damaged record when a stored file is altered', () => {
    const list = json<{ id: string; title: string; sizeBytes: number }[]>(dossier(['list', '--vault', vault, '--json']));
    const photo = list.find((r) => r.sizeBytes === 70_000)!;
    // Find the photo's blob: the only one of its size class (70,000 B → 2 chunks).
    const blobs = readdirSync(path.join(vault, 'blobs'), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && /^[0-9a-f]{64}$/.test(d.name))
      .map((d) => path.join(d.parentPath, d.name));
    const target = blobs.find((b) => readFileSync(b).length > 70_000)!;
    const bytes = readFileSync(target);
    bytes[bytes.length - 100]! ^= 0x20;
    writeFileSync(target, bytes);
    const res = dossier(['check', '--vault', vault]);
    expect(res.status).not.toBe(0);
    expect(res.stdout).toMatch(new RegExp(`record ${photo.id}`, 'i'));
    expect(res.stdout).toMatch(/failed authentication/);
    const cat = dossier(['cat', '--vault', vault, photo.id]);
    expect(cat.status).not.toBe(0);
    expect(cat.stderr).toMatch(/damaged/);
  });
});
