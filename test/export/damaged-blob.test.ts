// An export meets a damaged file in the vault (a bad sector, a flipped bit): it stops with a clear
// message naming the damage, leaves nothing at the destination that looks like a bundle, and
// changes nothing in the vault. Several files are decrypted at once (in worker threads), so the
// failure of one must still stop and clean up the whole export.
import { describe, it, expect, beforeAll } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildScenario, type Scenario } from './scenario.js';

let s: Scenario;
let blob: string;
let original: Buffer;

/** The largest stored blob (a DICOM instance), by path. */
function largestBlob(vault: string): string {
  const dir = path.join(vault, 'blobs');
  const files = readdirSync(dir)
    .filter((d) => /^[0-9a-f]{2}$/.test(d))
    .flatMap((d) => readdirSync(path.join(dir, d)).map((f) => path.join(dir, d, f)));
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
}

beforeAll(async () => {
  s = await buildScenario();
  blob = largestBlob(s.vault);
  original = readFileSync(blob);
  const damaged = Buffer.from(original);
  damaged[Math.floor(damaged.length / 2)]! ^= 0x01;
  writeFileSync(blob, damaged);
});

describe('export with a damaged file in the vault', () => {
  it.each(['folder', 'zip'] as const)('%s: stops, names the damage, and leaves no bundle behind', (kind) => {
    const out = path.join(s.root, 'out', `damaged-${kind}${kind === 'zip' ? '.zip' : ''}`);
    const res = s.run(['export', '--all', '--out', out, ...(kind === 'zip' ? ['--zip'] : [])]);
    expect(res.status).not.toBe(0);
    expect(res.stderr).toMatch(/Encrypted file [0-9a-f]{12}… is damaged/);
    if (kind === 'zip') expect(existsSync(out)).toBe(false);
    else expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    expect(readdirSync(path.dirname(out)).filter((n) => n.includes('partial'))).toEqual([]);
  });

  it('check names the same file; once it is put back, the export works and verifies', () => {
    const check = s.run(['check']);
    expect(check.status).toBe(1);
    expect(check.stdout + check.stderr).toContain(path.basename(blob).slice(0, 12));
    writeFileSync(blob, original);
    const out = path.join(s.root, 'out', 'after-repair');
    const res = s.run(['export', '--all', '--out', out]);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/bundle ok/);
  });
});
