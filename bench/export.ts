// Export benchmark: a vault holding ~1 GB of DICOM (2,000 × 512 KB instances; --small: 200, ~100 MB)
// exported to a folder and to a zip, beside `cp -r` and `zip -r -0` of the same source files.
// Prints figures only (no assertions).   node bench/run.mjs export [--small]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Vault } from '../electron/core/vault/vault.js';
import { Importer } from '../electron/core/import/pipeline.js';
import { exportBundle } from '../electron/core/export/export-bundle.js';
import { verifyBundle } from '../electron/core/bundle/verify.js';
import { instance } from './ct-instance.js';
import { newUid } from '../electron/core/base/ids.js';
import { APP_VERSION } from '../electron/core/base/app-version.js';

const small = process.argv.includes('--small');
const INSTANCES = small ? 200 : 2000;
const PER_SERIES = 100;
const PASSPHRASE = 'bench passphrase';


function timed<T>(fn: () => T): { value: T; seconds: number } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { value, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}
async function timedAsync<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { value, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}
function sh(cmd: string, args: string[], cwd?: string): void {
  const res = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${res.status ?? res.error?.message})`);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-export-'));
try {
  const src = path.join(work, 'src');
  const study = newUid();
  let bytes = 0;
  for (let s = 0; s * PER_SERIES < INSTANCES; s++) {
    const series = newUid();
    const dir = path.join(src, `SE${s}`);
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < Math.min(PER_SERIES, INSTANCES - s * PER_SERIES); i++) {
      const data = instance(study, series, s + 1, i + 1);
      writeFileSync(path.join(dir, `IM${i}`), data);
      bytes += data.byteLength;
    }
  }
  const mb = bytes / 1024 / 1024;
  console.log(`source: ${INSTANCES} DICOM instances, ${mb.toFixed(0)} MB (${os.cpus().length} CPUs, ${os.tmpdir()})`);

  const { vault } = await Vault.create(path.join(work, 'vault'), PASSPHRASE, { kdfCost: { N: 2 ** 14, r: 8, p: 1 } });
  const imported = await timedAsync(() => new Importer(vault).importPaths([src]));
  console.log(`import into the vault: ${imported.seconds.toFixed(1)} s (${(mb / imported.seconds).toFixed(0)} MB/s), ${imported.value.imported} files`);

  const sync = () => sh('sync', []);
  sync();
  const rows: { what: string; seconds: number }[] = [];
  for (const kind of ['folder', 'zip'] as const) {
    const out = kind === 'folder' ? path.join(work, 'usb') : path.join(work, 'bundle.zip');
    const exported = await timedAsync(() => exportBundle(vault, { all: true, destination: { kind, path: out }, appVersion: APP_VERSION }));
    if (!exported.value.verified.ok) throw new Error(`${kind} bundle did not verify: ${exported.value.verified.problems.join('; ')}`);
    const verify = await timedAsync(() => verifyBundle(out));
    rows.push({ what: `dossier export → ${kind} (write + verify)`, seconds: exported.seconds });
    rows.push({ what: `  of which verify (re-read, SHA-256)`, seconds: verify.seconds });
    rows.push({ what: `  so write ≈`, seconds: exported.seconds - verify.seconds });
    sync();
  }
  const cp = timed(() => {
    sh('cp', ['-r', src, path.join(work, 'cp-copy')]);
    sync();
  });
  rows.push({ what: 'cp -r + sync (plain files)', seconds: cp.seconds });
  const zip = timed(() => {
    sh('zip', ['-r', '-0', '-q', path.join(work, 'plain.zip'), '.'], src);
    sync();
  });
  rows.push({ what: 'zip -r -0 + sync (plain files)', seconds: zip.seconds });
  vault.close();

  const folderWrite = rows[2]!.seconds;
  const zipWrite = rows[5]!.seconds;
  console.log('');
  console.log(`${'operation'.padEnd(42)} ${'seconds'.padStart(8)} ${'MB/s'.padStart(7)}`);
  for (const r of rows) console.log(`${r.what.padEnd(42)} ${r.seconds.toFixed(2).padStart(8)} ${(mb / r.seconds).toFixed(0).padStart(7)}`);
  console.log('');
  console.log(`folder export (write only) / cp -r:      ${(folderWrite / cp.seconds).toFixed(2)}×`);
  console.log(`folder export (write + verify) / cp -r:  ${(rows[0]!.seconds / cp.seconds).toFixed(2)}×`);
  console.log(`zip export (write only) / zip -r -0:     ${(zipWrite / zip.seconds).toFixed(2)}×`);
  console.log(`zip export (write + verify) / zip -r -0: ${(rows[3]!.seconds / zip.seconds).toFixed(2)}×`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
