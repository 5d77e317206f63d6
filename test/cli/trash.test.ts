import { describe, it, expect } from 'vitest';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { dossier, json } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-vault.js';

function blobCount(vault: string): number {
  return readdirSync(path.join(vault, 'blobs'), { recursive: true, withFileTypes: true }).filter((d) => d.isFile() && /^[0-9a-f]{64}$/.test(d.name)).length;
}

describe('trash', () => {
  it('delete hides, restore brings back, empty-trash removes the record and its stored file', () => {
    const root = tempDir('dossier-trash-');
    const vault = path.join(root, 'vault');
    const input = path.join(root, 'in');
    mkdirSync(input);
    writeFileSync(path.join(input, 'wrong-patient.bin'), randomBytes(5000));
    writeFileSync(path.join(input, 'mine.bin'), randomBytes(5000));
    expect(dossier(['init', '--vault', vault]).status).toBe(0);
    const outcomes = json<{ path: string; recordId: string }[]>(dossier(['import', '--vault', vault, input, '--json']));
    const wrong = outcomes.find((o) => o.path.endsWith('wrong-patient.bin'))!.recordId;
    const ids = () => json<{ id: string }[]>(dossier(['list', '--vault', vault, '--json'])).map((r) => r.id);
    expect(blobCount(vault)).toBe(2);

    expect(dossier(['delete', '--vault', vault, wrong]).stdout).toMatch(/moved to the trash/);
    expect(ids()).not.toContain(wrong);
    expect(dossier(['restore', '--vault', vault, wrong]).status).toBe(0);
    expect(ids()).toContain(wrong);

    dossier(['delete', '--vault', vault, wrong]);
    expect(dossier(['empty-trash', '--vault', vault]).stdout).toMatch(/deleted for good: 1 record,/);
    expect(ids()).toHaveLength(1);
    expect(blobCount(vault)).toBe(1);
    expect(dossier(['restore', '--vault', vault, wrong]).stderr).toMatch(/no record with id/);
    expect(dossier(['check', '--vault', vault]).stdout).toMatch(/^vault ok/);
  });
});
