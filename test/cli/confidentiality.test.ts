// Nothing readable leaves the encryption: after importing files that contain a marker (in their
// names, text and bytes), `grep -r` over the vault folder finds it nowhere — database, WAL,
// blobs, temp files — both while the vault is open and after it is closed.
import { describe, it, expect } from 'vitest';
import { mkdirSync, writeFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Vault } from '../../electron/core/vault/vault.js';
import { Importer } from '../../electron/core/import/pipeline.js';
import { listRecords } from '../../electron/core/records/record-store.js';
import { dossier } from '../helpers/cli.js';
import { tempDir, TEST_PASSPHRASE, FAST_KDF } from '../helpers/temp-vault.js';

const MARKER = 'ZQXMARKER7731';

function grepVault(dir: string): { status: number | null; out: string } {
  // -a: search binary files as text; exit 1 means "not found".
  const res = spawnSync('grep', ['-r', '-a', '-l', '-i', MARKER, dir]);
  return { status: res.status, out: res.stdout.toString() };
}

function markedFiles(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${MARKER}-notes.txt`), `Patient diary. ${MARKER} appears here.\n`.repeat(50));
  writeFileSync(path.join(dir, 'big.txt'), `${MARKER} `.repeat(200_000)); // > 1 MiB, many chunks
  writeFileSync(path.join(dir, 'data.bin'), Buffer.concat([Buffer.from(MARKER), Buffer.alloc(70_000, 1), Buffer.from(MARKER)]));
}

describe('no plaintext in the vault folder', () => {
  it('while open (WAL present) and after close', async () => {
    const root = tempDir('dossier-marker-');
    const input = path.join(root, 'in');
    markedFiles(input);
    const dir = path.join(root, 'vault');
    const { vault } = await Vault.create(dir, TEST_PASSPHRASE, { kdfCost: FAST_KDF });
    await new Importer(vault).importPaths([input]);
    // The marker is searchable inside the vault, so it really was indexed…
    expect(listRecords(vault.db, { search: MARKER }).total).toBeGreaterThan(0);
    expect(readdirSync(dir)).toContain('dossier.db-wal');
    // …and yet no file under the vault folder contains it.
    expect(grepVault(dir)).toEqual({ status: 1, out: '' });
    vault.close();
    expect(grepVault(dir)).toEqual({ status: 1, out: '' });
  });

  it('after a CLI import (grep sanity check: the marker is found in the input)', () => {
    const root = tempDir('dossier-marker-cli-');
    const input = path.join(root, 'in');
    markedFiles(input);
    const dir = path.join(root, 'vault');
    expect(dossier(['init', '--vault', dir]).status).toBe(0);
    expect(dossier(['import', '--vault', dir, input]).status).toBe(0);
    expect(grepVault(input).status).toBe(0);
    expect(grepVault(dir)).toEqual({ status: 1, out: '' });
  });
});
