// 8 and 9: a failed export never leaves a complete-looking bundle and says why; an export that
// mixes two people's records is refused (unless confirmed) before anything is written.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { writeBundle } from '../../electron/core/bundle/write-bundle.js';
import { DossierError } from '../../electron/core/base/errors.js';
import type { BundleFileSource, BundleInput } from '../../electron/core/bundle/types.js';
import { makeBundleInput, memorySource, fakePdf } from '../fixtures/bundle/input.js';
import { tempDir } from '../helpers/temp-vault.js';
import { buildScenario, type Scenario } from './scenario.js';
import { JOHN } from './patient-data.js';
import { filesIn } from './bundle-files.js';

const BUNDLE_NAMES = ['MANIFEST.TXT', 'DICOMDIR', 'INDEX.HTM', 'README.TXT', 'DICOM', 'IHE_XDM', 'FHIR', 'PREVIEW', 'VIEWER'];
const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/** Nothing at `dir` looks like (part of) a bundle: no bundle names, no partial folders or files. */
function expectNoBundle(dir: string): void {
  const left = existsSync(dir) ? readdirSync(dir) : [];
  expect(left.filter((n) => BUNDLE_NAMES.includes(n) || /partial/.test(n))).toEqual([]);
}

/** The fixture input with its last document failing mid-stream (after every DICOM file is written). */
function inputFailingLate(error: Error): BundleInput {
  const input = makeBundleInput();
  const big = new Uint8Array(64 * 1024).fill(0x41);
  big.set(fakePdf('big'));
  input.documents[2] = { ...input.documents[2]!, source: memorySource(big, { failAfterBytes: 20_000, error }) };
  return input;
}

describe('failure safety: injected errors (deterministic)', () => {
  for (const kind of ['folder', 'zip'] as const) {
    it(`an ENOSPC mid-export to a ${kind} leaves nothing that looks like a bundle and says "not enough space"`, async () => {
      const root = tempDir();
      const dest = kind === 'folder' ? path.join(root, 'usb') : path.join(root, 'bundle.zip');
      if (kind === 'folder') mkdirSync(dest);
      writeFileSync(path.join(root, 'other-file.txt'), 'the user’s own file');
      const attempt = writeBundle(inputFailingLate(enospc()), { kind, path: dest });
      await expect(attempt).rejects.toThrow(DossierError);
      await expect(attempt).rejects.toThrow('Not enough space on the destination');
      expectNoBundle(kind === 'folder' ? dest : root);
      expect(existsSync(path.join(root, 'bundle.zip'))).toBe(false);
      expect(readdirSync(root).sort()).toEqual(kind === 'folder' ? ['other-file.txt', 'usb'] : ['other-file.txt']);
    });
  }

  it('a failure while writing the generated files (after all payload) also leaves nothing', async () => {
    const root = tempDir();
    const dest = path.join(root, 'usb');
    // A "stick pulled" error from the last payload file: every DICOM file was already written.
    const gone = Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
    await expect(writeBundle(inputFailingLate(gone), { kind: 'folder', path: dest })).rejects.toThrow('The destination disappeared (was the USB stick removed?)');
    expectNoBundle(dest);
  });

  it('exporting to a folder whose parent does not exist, or onto a file, fails with a clear error', async () => {
    const s = await sharedScenario();
    const missing = s.run(['export', '--case', s.caseId, '--out', path.join(s.root, 'no', 'such', 'stick')]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/the folder .*no[/\\]such does not exist: choose an existing folder/i);
    expect(existsSync(path.join(s.root, 'no'))).toBe(false);
    const file = path.join(s.root, 'a-file');
    writeFileSync(file, 'x');
    const ontoFile = s.run(['export', '--case', s.caseId, '--out', file]);
    expect(ontoFile.status).not.toBe(0);
    expect(ontoFile.stderr).toMatch(/is not a folder/);
    const zipInMissing = s.run(['export', '--case', s.caseId, '--zip', '--out', path.join(s.root, 'nowhere', 'b.zip')]);
    expect(zipInMissing.status).not.toBe(0);
    expect(zipInMissing.stderr).toMatch(/the folder .*nowhere does not exist/i);
  });
});

// A real small filesystem: CI runs as root, so a tmpfs can be mounted; elsewhere this says why not.
const mounts: string[] = [];
function mountTmpfs(options: string): string | null {
  const dir = tempDir('dossier-tmpfs-');
  const res = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' });
  if (res.status !== 0) {
    console.log(`SKIPPING the real-filesystem variant: mount -t tmpfs failed (${(res.stderr || res.error?.message || '').trim()})`);
    return null;
  }
  mounts.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of mounts) spawnSync('umount', [dir]);
});

/** Fills the filesystem holding `dir` to the last byte. */
function fillUp(dir: string): void {
  const fd = openSync(path.join(dir, 'filler.bin'), 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  // Any remaining partial page goes too.
  const fd2 = openSync(path.join(dir, 'filler2.bin'), 'w');
  try {
    for (;;) writeSync(fd2, Buffer.alloc(512, 1));
  } catch {
    /* full */
  } finally {
    closeSync(fd2);
  }
}

describe('failure safety: a real full filesystem (tmpfs)', () => {
  const probe = mountTmpfs('size=24m');
  const real = probe !== null;
  if (probe) spawnSync('umount', [probe]);

  it.runIf(real)('the CLI refuses up front when the stick is too small, writing nothing', async () => {
    const s = await sharedScenario();
    // Smaller than the bundle with its per-file slack and margin (a 2 MB stick now fits this small bundle).
    const small = mountTmpfs('size=1m')!;
    const res = s.run(['export', '--case', s.caseId, '--out', small]);
    expect(res.status).not.toBe(0);
    expect(res.stderr).toMatch(/not enough space on the destination: the bundle needs about \d+(\.\d)? MB with room to write safely; 1\.0 MB free/i);
    expect(readdirSync(small)).toEqual([]);
    const zip = s.run(['export', '--case', s.caseId, '--zip', '--out', path.join(small, 'b.zip')]);
    expect(zip.stderr).toMatch(/not enough space/i);
    expect(readdirSync(small)).toEqual([]);
  });

  for (const kind of ['folder', 'zip'] as const) {
    it.runIf(real)(`the disk filling up DURING a ${kind} export gives "not enough space" and no bundle`, async () => {
      const fs = mountTmpfs('size=24m')!;
      const dest = kind === 'folder' ? fs : path.join(fs, 'bundle.zip');
      const input = makeBundleInput();
      // The first DICOM file fills the disk as it starts streaming (as another program might).
      const first = input.studies[0]!.series[0]!.instances[0]!;
      const inner = first.source;
      const filling: BundleFileSource = {
        size: inner.size,
        async *open() {
          fillUp(fs);
          yield* inner.open() as AsyncIterable<Uint8Array>;
        },
      };
      first.source = filling;
      await expect(writeBundle(input, { kind, path: dest })).rejects.toThrow('Not enough space on the destination');
      expect(readdirSync(fs).sort()).toEqual(['filler.bin', 'filler2.bin']);
    });
  }

  it.runIf(real)('a read-only filesystem gives "cannot write to the destination"', async () => {
    const ro = mountTmpfs('size=24m,ro')!;
    const s = await sharedScenario();
    const res = s.run(['export', '--case', s.caseId, '--out', path.join(ro, 'usb')]);
    expect(res.status).not.toBe(0);
    expect(res.stderr).toMatch(/cannot write to the destination \(read-only, or no permission\)/i);
    const zip = s.run(['export', '--case', s.caseId, '--zip', '--out', path.join(ro, 'b.zip')]);
    expect(zip.status).not.toBe(0);
    expect(zip.stderr).toMatch(/cannot write to the destination/i);
    expect(readdirSync(ro)).toEqual([]);
  });
});

describe('identity check', () => {
  let mixed: Scenario;
  beforeAll(async () => {
    mixed = await buildScenario({ extraPatient: JOHN });
  });

  it('a case mixing two people is refused, naming the conflict, and nothing is written', () => {
    const out = path.join(mixed.root, 'out', 'usb');
    const res = mixed.run(['export', '--case', mixed.caseId, '--out', out]);
    expect(res.status).not.toBe(0);
    expect(res.stderr).toMatch(/different people/);
    expect(res.stderr).toMatch(/John Roe|Roe\^John|ROE/i);
    expect(res.stderr).toMatch(/Jane Doe|Doe\^Jane|DOE/i);
    expect(res.stderr).toMatch(/--allow-identity-mismatch/);
    expect(existsSync(out)).toBe(false);
    const zip = mixed.run(['export', '--case', mixed.caseId, '--zip', '--out', path.join(mixed.root, 'out', 'b.zip')]);
    expect(zip.status).not.toBe(0);
    expect(readdirSync(path.join(mixed.root, 'out'))).toEqual([]);
    expect(JSON.parse(mixed.run(['case', 'show', mixed.caseId, '--json']).stdout).shares).toEqual([]);
  });

  it('--allow-identity-mismatch exports (and the bundle verifies)', () => {
    const out = path.join(mixed.root, 'out', 'confirmed');
    const res = mixed.run(['export', '--case', mixed.caseId, '--out', out, '--allow-identity-mismatch']);
    expect(res.status, res.stderr).toBe(0);
    expect(filesIn(out).filter((f) => f.startsWith('IHE_XDM/') && f.endsWith('.PDF'))).toHaveLength(4);
    expect(mixed.run(['verify', out]).status).toBe(0);
  });
});

let shared: Promise<Scenario> | undefined;
function sharedScenario(): Promise<Scenario> {
  shared ??= buildScenario();
  return shared;
}
