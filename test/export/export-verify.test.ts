// 2, 3 and 10: export a case to a folder, a zip and an AES zip; verify each; any changed byte is
// caught and named; and each export is recorded in the case's share history. 34 files: 9 DICOM
// files and 9 viewer images, 4 series previews, 4 documents, DICOMDIR, METADATA.XML, BUNDLE.JSN,
// IPS.JSN, INDEX.HTM, README.TXT, SUMMARY.PDF and MANIFEST.TXT.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildRawZip } from '../fixtures/bundle/raw-zip.js';
import { buildScenario, showCase, type Scenario } from './scenario.js';
import { filesIn, sha256, zipEntries } from './bundle-files.js';

const PASSWORD = 'correct-zip-password-42';
let s: Scenario;
let folder: string;
let plainZip: string;
let aesZip: string;

beforeAll(async () => {
  s = await buildScenario();
  folder = path.join(s.root, 'out', 'usb');
  plainZip = path.join(s.root, 'out', 'bundle.zip');
  aesZip = path.join(s.root, 'out', 'secret.zip');
  for (const [args, env] of [
    [['--out', folder], {}],
    [['--out', plainZip, '--zip'], {}],
    [['--out', aesZip, '--zip', '--zip-password-env', 'ZIP_PW'], { ZIP_PW: PASSWORD }],
  ] as const) {
    const res = s.run(['export', '--case', s.caseId, ...args], env);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/bundle ok/);
  }
});

const unzip = (args: string[]) => spawnSync('unzip', args, { encoding: 'utf8' });

describe('export and verify', () => {
  it('verify says "bundle ok" (exit 0) for the folder, the zip and the AES zip', () => {
    for (const [target, env] of [[folder, {}], [plainZip, {}], [aesZip, { ZIP_PW: PASSWORD }]] as const) {
      const res = s.run(['verify', target, ...(target === aesZip ? ['--zip-password-env', 'ZIP_PW'] : [])], env);
      expect(res.status, res.stdout + res.stderr).toBe(0);
      expect(res.stdout).toMatch(/^bundle ok \(34 files checked\)/);
    }
  });

  it('the plain zip lists and tests clean with Info-ZIP unzip, with the same files as the folder', () => {
    const list = unzip(['-Z1', plainZip]);
    expect(list.status).toBe(0);
    expect(list.stdout.trim().split('\n').sort()).toEqual(filesIn(folder));
    const test = unzip(['-t', plainZip]);
    expect(test.stdout).toMatch(/No errors detected/);
    expect(test.status).toBe(0);
    expect(unzip(['-l', plainZip]).stdout).toMatch(/DICOMDIR/);
  });

  it('the AES zip hides every file content and cannot be read or verified without the password', async () => {
    const raw = readFileSync(aesZip);
    for (const secret of ['Doe^Jane', 'DICM', '%PDF', 'Is surgery needed']) expect(raw.includes(Buffer.from(secret))).toBe(false);
    const blind = unzip(['-p', '-P', 'wrong password', aesZip, 'README.TXT']);
    expect(blind.stdout).not.toMatch(/SECOND-OPINION/);
    const noPassword = s.run(['verify', aesZip]);
    expect(noPassword.status).not.toBe(0);
    expect(noPassword.stderr).toMatch(/password-protected: give its password/);
    const wrong = s.run(['verify', aesZip, '--zip-password-env', 'ZIP_PW'], { ZIP_PW: 'not the password' });
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toMatch(/wrong password/i);
    // With the password: the same file list as the folder, and the same payload bytes (generated
    // files such as DICOMDIR carry per-export UIDs and times).
    const entries = await zipEntries(aesZip, PASSWORD);
    expect(entries.map((e) => e.path).sort()).toEqual(filesIn(folder));
    const payload = entries.filter((e) => /^(DICOM\/|IHE_XDM\/SUBSET01\/DOC)/.test(e.path));
    expect(payload).toHaveLength(13);
    for (const e of payload) expect(sha256(e.bytes), e.path).toBe(sha256(readFileSync(path.join(folder, e.path))));
  });

  it('refuses a weak zip password with the same words as a weak passphrase, writing nothing', () => {
    const out = path.join(s.root, 'out', 'weak.zip');
    const weak = s.run(['export', '--case', s.caseId, '--out', out, '--zip-password-env', 'ZIP_PW'], { ZIP_PW: 'a' });
    expect(weak.status).toBe(1);
    expect(weak.stderr).toMatch(/zip password is too weak\. Use at least 10 characters/);
    expect(existsSync(out)).toBe(false);
  });

  it('share history lists each export with kind, file count, size and the SHA-256 of its MANIFEST.TXT', async () => {
    const shares = showCase(s).shares;
    expect(shares).toHaveLength(3);
    const byDest = new Map(shares.map((sh) => [sh.destination, sh]));
    const folderShare = byDest.get(folder)!;
    expect(folderShare).toMatchObject({ destinationKind: 'folder', encrypted: false, fileCount: 34 });
    expect(folderShare.manifestSha256).toBe(sha256(readFileSync(path.join(folder, 'MANIFEST.TXT'))));
    const folderBytes = filesIn(folder).reduce((n, f) => n + readFileSync(path.join(folder, f)).byteLength, 0);
    expect(folderShare.bytes).toBe(folderBytes);
    for (const [zip, password] of [[plainZip, undefined], [aesZip, PASSWORD]] as const) {
      const share = byDest.get(zip)!;
      expect(share).toMatchObject({ destinationKind: 'zip', encrypted: Boolean(password), fileCount: 34 });
      const manifest = (await zipEntries(zip, password)).find((e) => e.path === 'MANIFEST.TXT')!;
      expect(share.manifestSha256).toBe(sha256(manifest.bytes));
    }
    for (const sh of shares) expect(Date.now() - Date.parse(sh.exportedAt)).toBeLessThan(10 * 60_000);
  });
});

describe('tampering is caught and named', () => {
  it('flipping one byte in ANY file of a folder bundle fails verify and names that file', () => {
    const small = path.join(s.root, 'out', 'small');
    const pick = [s.records.find((r) => r.kind === 'imaging')!, s.records.find((r) => r.kind === 'document')!];
    expect(s.run(['export', '--records', pick.map((r) => r.id).join(','), '--out', small]).status).toBe(0);
    const files = filesIn(small);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const full = path.join(small, file);
      const original = readFileSync(full);
      const damaged = Buffer.from(original);
      const at = Math.floor(damaged.length / 2);
      damaged[at] = damaged[at]! ^ 0x01;
      writeFileSync(full, damaged);
      const res = s.run(['verify', small]);
      writeFileSync(full, original);
      expect(res.status, `verify after damaging ${file}`).not.toBe(0);
      expect(res.stdout).toMatch(/bundle NOT ok/);
      // The manifest holds no hash of itself: a damaged line is reported as that line (bad format)
      // or as the file it lists no longer matching.
      if (file === 'MANIFEST.TXT') expect(res.stdout).toMatch(/MANIFEST\.TXT line \d+|changed file: |missing file: /);
      else expect(res.stdout, `damaged ${file}`).toContain(file);
    }
    expect(s.run(['verify', small]).status).toBe(0);
  });

  it('a zip rewritten with one entry changed fails verify and names that entry', async () => {
    const entries = await zipEntries(plainZip);
    const targets = ['DICOM/PT000000/ST000000/SE000000/IM000000', 'IHE_XDM/SUBSET01/DOC00001.PDF', 'INDEX.HTM', 'DICOMDIR'];
    for (const target of targets) {
      const rebuilt = buildRawZip(
        entries.map((e) => {
          if (e.path !== target) return { name: e.path, data: e.bytes, deflate: true };
          const changed = Buffer.from(e.bytes);
          changed[changed.length >> 1] = changed[changed.length >> 1]! ^ 0x01;
          return { name: e.path, data: changed, deflate: true };
        }),
      );
      const out = path.join(s.root, 'out', 'tampered.zip');
      writeFileSync(out, rebuilt);
      const res = s.run(['verify', out]);
      expect(res.status, target).not.toBe(0);
      expect(res.stdout).toContain(`changed file: ${target}`);
    }
  });

  it('a byte flipped inside a stored zip entry (bad CRC) fails verify and names the entry', () => {
    const raw = readFileSync(plainZip);
    const marker = raw.indexOf(Buffer.from('%PDF'));
    expect(marker).toBeGreaterThan(0);
    raw[marker + 20] = raw[marker + 20]! ^ 0x01;
    const out = path.join(s.root, 'out', 'crc.zip');
    writeFileSync(out, raw);
    const res = s.run(['verify', out]);
    expect(res.status).not.toBe(0);
    expect(res.stdout).toMatch(/IHE_XDM\/SUBSET01\/DOC0000\d\.PDF/);
  });
});
