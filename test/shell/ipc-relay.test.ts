// The Electron shell's relay (electron-free, so it runs here with the REAL service): what a native
// dialog or a drop returned becomes a grant, the service sees the real path, and a raw path from the
// page is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createIpcRelay, type ShellDialogs } from '../../electron/shell/ipc-relay.js';
import { PathGrants } from '../../electron/shell/path-grants.js';
import { createDossierService, type DossierService } from '../../electron/core/service/service.js';
import type { ChosenPath } from '../../shared/path-params.js';
import { FAST_KDF, tempDir } from '../helpers/temp-vault.js';

let root: string;
let service: DossierService;
let picked: string | null = null;
const dialogs: ShellDialogs = {
  pickImportSources: async () => (picked ? [picked] : null),
  pickExportDestination: async () => picked,
};
const relay = () => createIpcRelay({ service, grants: new PathGrants(), dialogs: () => dialogs });

beforeAll(async () => {
  root = tempDir('dossier-relay-');
  service = createDossierService({ vaultDir: path.join(root, 'vault'), kdfCost: FAST_KDF });
  await service.call('vault.create', { passphrase: 'correct horse battery staple' });
});
afterAll(async () => {
  await service.close();
});

describe('the shell relay', () => {
  it('refuses a "remember" that is not true or false, before anything is unlocked or forgotten', async () => {
    const unlocked: unknown[] = [];
    const r = createIpcRelay({ service, grants: new PathGrants(), dialogs: () => dialogs, hooks: { unlocked: async (_p, remember) => void unlocked.push(remember) } });
    for (const remember of ['yes', 1, null])
      await expect(r('vault.unlock', { passphrase: 'correct horse battery staple', remember })).rejects.toMatchObject({ shape: { code: 'invalid-params', details: { field: 'remember' } } });
    expect(unlocked).toEqual([]);
    await r('vault.unlock', { passphrase: 'correct horse battery staple', remember: false });
    expect(unlocked).toEqual([false]);
  });

  it('refuses a raw path from the page', async () => {
    await expect(relay()('vault.backup', { destination: path.join(root, 'backup') })).rejects.toMatchObject({ shape: { code: 'invalid-params', details: { problem: 'raw-path' } } });
    await expect(relay()('import.paths', { paths: ['/etc/hostname'] })).rejects.toMatchObject({ shape: { details: { problem: 'raw-path' } } });
  });

  it('turns a dialog\'s folder into a grant the service receives as that folder', async () => {
    const r = relay();
    picked = path.join(root, 'backup');
    mkdirSync(picked);
    const chosen = (await r('shell.pickExportDestination', { kind: 'folder' })) as ChosenPath;
    expect(chosen.label).toBe(picked);
    expect(chosen.grant).not.toContain(root);
    await r('vault.backup', { destination: chosen.grant });
    expect(readdirSync(picked).length).toBeGreaterThan(0);
  });

  it('turns dropped paths into grants, and imports through them', async () => {
    const r = relay();
    const file = path.join(root, 'note.txt');
    writeFileSync(file, 'RADIOLOGY REPORT\nIMPRESSION: normal. FINDINGS: clear.');
    const granted = (await r('shell.grantDropped', { paths: [file] })) as ChosenPath[];
    expect(granted.map((g) => g.label)).toEqual([file]);
    const summary = (await r('import.paths', { paths: granted.map((g) => g.grant) })) as { imported: number };
    expect(summary.imported).toBe(1);
    expect(existsSync(file)).toBe(true);
  });
});
