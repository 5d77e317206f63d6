// Smaller holes the attack found, each shown closed: a damaged stored copy of an instance is
// replaced by an intact re-import (not called a duplicate); control characters from a hostile file
// reach neither a terminal nor the bundle's XML; the database files are owner-only; unlock always
// checks the passphrase; a lock during an import finishes the batch and reports what was saved.
import { describe, it, expect } from 'vitest';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createDossierService, type DossierService } from '../../electron/core/service/service.js';
import type { ImportSummary } from '../../shared/domain.js';
import type { CheckReport } from '../../shared/vault.js';
import type { RecordPage } from '../../shared/api.js';
import { makeDicomInstance } from '../fixtures/dicom/instance.js';
import { dossier } from '../helpers/cli.js';
import { FAST_KDF, TEST_PASSPHRASE, tempDir } from '../helpers/temp-vault.js';
import { CLI_PASSPHRASE } from '../helpers/cli.js';

async function serviceOn(root: string, passphrase = TEST_PASSPHRASE): Promise<DossierService> {
  const service = createDossierService({ vaultDir: path.join(root, 'vault'), kdfCost: FAST_KDF });
  await service.call('vault.create', { passphrase });
  return service;
}

function blobPaths(vault: string): string[] {
  const dir = path.join(vault, 'blobs');
  return readdirSync(dir).filter((d) => /^[0-9a-f]{2}$/.test(d)).flatMap((d) => readdirSync(path.join(dir, d)).map((f) => path.join(dir, d, f)));
}

describe('holes the attack found', () => {
  it('an intact copy of an instance replaces a damaged stored one, keeping the record', async () => {
    const root = tempDir('dossier-repair-');
    const file = path.join(root, 'ct.dcm');
    writeFileSync(file, makeDicomInstance({ rows: 64, columns: 64 }));
    const service = await serviceOn(root);
    const first = (await service.call('import.paths', { paths: [file] })) as ImportSummary;
    const [blob] = blobPaths(path.join(root, 'vault'));
    const bytes = readFileSync(blob!);
    bytes[200] = bytes[200]! ^ 0xff;
    writeFileSync(blob!, bytes);
    expect(((await service.call('vault.check', {})) as CheckReport).ok).toBe(false);
    const again = (await service.call('import.paths', { paths: [file] })) as ImportSummary;
    expect(again.outcomes[0]).toMatchObject({ status: 'imported', recordId: first.recordIds[0] });
    expect(((await service.call('vault.check', {})) as CheckReport).ok).toBe(true);
    expect(blobPaths(path.join(root, 'vault'))).toHaveLength(1); // the damaged blob is gone, replaced
    await service.close();
  });

  it('control characters from a hostile file reach neither the terminal nor the bundle', async () => {
    const root = tempDir('dossier-controls-');
    const vault = path.join(root, 'vault');
    const service = createDossierService({ vaultDir: vault, kdfCost: FAST_KDF });
    await service.call('vault.create', { passphrase: CLI_PASSPHRASE });
    await service.close();
    const input = path.join(root, 'in');
    mkdirSync(input);
    writeFileSync(path.join(input, 'ct.dcm'), makeDicomInstance({ studyDescription: 'CT\u001b]0;owned\u0007 HEAD\u0001' }));
    writeFileSync(path.join(input, 'note.txt'), 'Discharge\u000b summary\u001b[31m for\u0000 Jane\nText body.');
    expect(dossier(['import', '--vault', vault, input]).status).toBe(0);
    const listed = dossier(['list', '--vault', vault]);
    expect(listed.stdout).toMatch(/CT\]0;owned HEAD/);
    expect(listed.stdout).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    const out = path.join(root, 'usb');
    expect(dossier(['export', '--all', '--out', out, '--vault', vault]).status).toBe(0);
    const xml = readFileSync(path.join(out, 'IHE_XDM', 'SUBSET01', 'METADATA.XML'), 'utf8');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(dossier(['verify', out]).status).toBe(0);
  });

  it('keeps the database, its WAL and its snapshots owner-only', async () => {
    const root = tempDir('dossier-modes-');
    const service = await serviceOn(root);
    await service.call('people.create', { name: 'Jane' });
    const vault = path.join(root, 'vault');
    for (const f of readdirSync(vault).filter((n) => n.startsWith('dossier.db'))) expect(statSync(path.join(vault, f)).mode & 0o077, f).toBe(0);
    await service.call('vault.lock', {});
    for (const f of readdirSync(path.join(vault, 'snapshots'))) expect(statSync(path.join(vault, 'snapshots', f)).mode & 0o077, f).toBe(0);
    await service.close();
  });

  it('unlock checks the passphrase even when the vault is already open', async () => {
    const service = await serviceOn(tempDir('dossier-unlock-'));
    await expect(service.call('vault.unlock', { passphrase: 'not the passphrase at all' })).rejects.toMatchObject({ shape: { code: 'wrong-passphrase' } });
    await expect(service.call('vault.unlock', { passphrase: TEST_PASSPHRASE })).resolves.toMatchObject({ unlocked: true });
    await service.close();
  });

  it('a lock during an import finishes the current batch, stops, and reports what was saved', async () => {
    const root = tempDir('dossier-lock-import-');
    const input = path.join(root, 'in');
    mkdirSync(input);
    for (let i = 0; i < 2000; i++) writeFileSync(path.join(input, `n${i}.txt`), `Note number ${i}`);
    const service = await serviceOn(root);
    let locking: Promise<unknown> | null = null;
    service.onEvent((event) => {
      if (event === 'import.outcomes' && !locking) locking = service.call('vault.lock', {});
    });
    const summary = (await service.call('import.paths', { paths: [input] })) as ImportSummary;
    await locking;
    expect(summary.stopped).toBe('locked');
    expect(summary.imported).toBeGreaterThan(0);
    expect(summary.imported).toBeLessThan(2000);
    await expect(service.call('records.list', {})).rejects.toMatchObject({ shape: { code: 'locked' } });
    await service.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect(((await service.call('records.list', {})) as RecordPage).total).toBe(summary.imported);
    await service.close();
  });
});
