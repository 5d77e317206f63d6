// A killed import loses only what it had not reported: SIGKILL the CLI at several points of a
// 300-file import, then the vault checks sound and every file reported "imported" is there.
import { describe, it, expect, beforeAll } from 'vitest';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { dossier, dossierAsync, json } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-vault.js';

const FILES = 300;
let root: string;
let emptyVault: string;
let input: string;

beforeAll(() => {
  root = tempDir('dossier-kill-');
  emptyVault = path.join(root, 'vault');
  input = path.join(root, 'input');
  mkdirSync(input);
  for (let i = 0; i < FILES; i++) {
    // Varied sizes, some over one 64 KiB chunk, all distinct content.
    const size = 200 + ((i * 7919) % 150_000);
    writeFileSync(path.join(input, `file-${String(i).padStart(3, '0')}.bin`), randomBytes(size));
  }
  expect(dossier(['init', '--vault', emptyVault]).status).toBe(0);
});

/** Runs an import and SIGKILLs it once `killAfter` lines were reported (progress, not time: no race with a slow machine). */
function killedImport(vault: string, killAfter: { lines: number }): Promise<Map<string, string>> {
  return new Promise((resolve) => {
    const reported = new Map<string, string>();
    const child = dossierAsync(['import', '--vault', vault, input]);
    let buffered = '';
    const kill = () => child.kill('SIGKILL');
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let nl;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        const m = /^imported\s+(\S+) → ([0-9a-f]{12})$/.exec(line);
        if (m) reported.set(m[1]!, m[2]!);
        if (reported.size >= killAfter.lines) kill();
      }
    });
    child.on('exit', () => resolve(reported));
  });
}

describe('SIGKILL during a 300-file import', () => {
  // Each kill point on a fresh copy of the same empty vault: a kill early, in the middle and late in one run.
  for (const lines of [1, 50, 100, 150, 200]) {
    it(`keeps every reported file and a sound vault when killed after ${lines} reported files`, async () => {
      const vault = path.join(root, `vault-${lines}`);
      cpSync(emptyVault, vault, { recursive: true });
      const reported = await killedImport(vault, { lines });
      expect(reported.size).toBeGreaterThanOrEqual(lines);
      expect(reported.size).toBeLessThan(FILES); // the kill really interrupted the work
      const check = dossier(['check', '--vault', vault]);
      expect(check.stdout).toMatch(/^vault ok/);
      expect(check.status).toBe(0);
      const ids = new Set(json<{ id: string }[]>(dossier(['list', '--vault', vault, '--json'])).map((r) => r.id));
      for (const [p, id] of reported) expect(ids.has(id), `${p} was reported imported as ${id}`).toBe(true);
      // Finishing the import afterwards: reported files are duplicates, the rest import, nothing is lost.
      const outcomes = json<{ path: string; status: string }[]>(dossier(['import', '--vault', vault, input, '--json']));
      for (const p of reported.keys()) expect(outcomes.find((o) => o.path === p)?.status).toBe('duplicate');
      expect(outcomes.filter((o) => o.status === 'skipped')).toEqual([]);
      expect(json<unknown[]>(dossier(['list', '--vault', vault, '--json']))).toHaveLength(FILES);
      expect(dossier(['check', '--vault', vault]).status).toBe(0);
    }, 120_000);
  }
});
