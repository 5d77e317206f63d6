// kill -9 at points spread over a folder export, a zip export and a rebuild-index (after N progress
// lines, never after N ms): the next run to the same place succeeds and leaves nothing behind, and
// `verify` passes — while a leftover or a planted file inside a bundle makes it fail.
import { describe, it, expect, beforeAll } from 'vitest';
import { cpSync, existsSync, mkdirSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dossier, dossierAsync, json } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-vault.js';
import { makeStudySet, writeCdFolder } from '../fixtures/dicom/cd-folder.js';
import { createVault, importInto } from './scenario.js';

let root: string;
let vault: string;
let records: number;

beforeAll(async () => {
  root = tempDir('dossier-kill-export-');
  vault = path.join(root, 'vault');
  await createVault(vault);
  writeCdFolder(path.join(root, 'cd'), makeStudySet({ studies: 3, series: 3, instances: 20 }));
  importInto(vault, [path.join(root, 'cd')], { allowSkipped: true });
  records = json<unknown[]>(dossier(['list', '--vault', vault, '--json'])).length;
}, 120_000);

/** Runs the CLI and SIGKILLs it once `lines` lines matching `pattern` have appeared on `stream`. */
function killAfter(args: string[], stream: 'stdout' | 'stderr', pattern: RegExp, lines: number): Promise<number> {
  return new Promise((resolve) => {
    const child = dossierAsync(args);
    let seen = 0;
    let buffered = '';
    child[stream]!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
        if (pattern.test(buffered.slice(0, nl)) && ++seen === lines) child.kill('SIGKILL');
        buffered = buffered.slice(nl + 1);
      }
    });
    child.on('exit', () => resolve(seen));
  });
}

const leftovers = (dir: string) => readdirSync(dir).filter((n) => n.includes('dossier-partial'));

describe('kill -9 during an export', () => {
  for (const lines of [1, 40, 120]) {
    it(`to a folder, killed after ${lines} progress lines: the next export cleans up and verifies`, async () => {
      const out = path.join(root, `usb-${lines}`);
      mkdirSync(out);
      writeFileSync(path.join(out, 'my-own-notes.txt'), 'the person keeps this');
      await killAfter(['export', '--all', '--out', out, '--progress', '--vault', vault], 'stderr', /^progress /, lines);
      expect(leftovers(out), 'the kill interrupted the export').not.toEqual([]);
      const again = dossier(['export', '--all', '--out', out, '--vault', vault]);
      expect(again.status, again.stderr).toBe(0);
      expect(leftovers(out)).toEqual([]);
      expect(existsSync(path.join(out, 'my-own-notes.txt'))).toBe(true);
      expect(dossier(['verify', out]).status).toBe(0);
    }, 120_000);

    it(`to a zip, killed after ${lines} progress lines: the next export cleans up and verifies`, async () => {
      const dir = path.join(root, `zips-${lines}`);
      mkdirSync(dir);
      const out = path.join(dir, 'bundle.zip');
      await killAfter(['export', '--all', '--out', out, '--progress', '--vault', vault], 'stderr', /^progress /, lines);
      expect(leftovers(dir), 'the kill interrupted the export').not.toEqual([]);
      expect(existsSync(out)).toBe(false);
      const again = dossier(['export', '--all', '--out', out, '--vault', vault]);
      expect(again.status, again.stderr).toBe(0);
      expect(leftovers(dir)).toEqual([]);
      expect(dossier(['verify', out]).status).toBe(0);
    }, 120_000);
  }

  it('verify fails on a leftover of an interrupted export and on a planted file inside the bundle', () => {
    const out = path.join(root, 'usb-1');
    mkdirSync(path.join(out, '.dossier-partial-1-abcdef012345'));
    const leftover = dossier(['verify', out]);
    expect(leftover.status).toBe(1);
    expect(leftover.stdout).toMatch(/leftover of an interrupted export: \.dossier-partial-1-abcdef012345/);
    const planted = path.join(root, 'usb-40');
    writeFileSync(path.join(planted, 'DICOM', 'EXTRA'), 'planted');
    const extra = dossier(['verify', planted]);
    expect(extra.status).toBe(1);
    expect(extra.stdout).toMatch(/extra file not in the manifest: DICOM\/EXTRA/);
  });
});

describe('kill -9 during rebuild-index', () => {
  for (const lines of [1, 3, 6]) {
    it(`killed after ${lines} restored records, the next rebuild brings every record back`, async () => {
      const copy = path.join(root, `rebuild-${lines}`);
      cpSync(vault, copy, { recursive: true });
      truncateSync(path.join(copy, 'dossier.db'), 0);
      for (const f of readdirSync(path.join(copy, 'snapshots'))) truncateSync(path.join(copy, 'snapshots', f), 0);
      const seen = await killAfter(['rebuild-index', '--vault', copy], 'stdout', /^restored /, lines);
      expect(seen).toBeGreaterThanOrEqual(lines);
      // Killed before its new index was in place: the vault still says the database is damaged.
      expect(dossier(['list', '--vault', copy]).stderr).toMatch(/rebuild-index/);
      const again = dossier(['rebuild-index', '--vault', copy]);
      expect(again.status, again.stderr).toBe(0);
      expect(json<unknown[]>(dossier(['list', '--vault', copy, '--json']))).toHaveLength(records);
      expect(dossier(['check', '--vault', copy]).status).toBe(0);
      expect(readdirSync(copy).filter((n) => n.includes('.rebuild-'))).toEqual([]);
    }, 120_000);
  }
});
