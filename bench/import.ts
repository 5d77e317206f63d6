// Import benchmark: a hospital-CD-like folder of CT-sized DICOM instances (512 × 512 × 16 bit,
// ~0.5 MB each; default 2,000 + 50 PDFs, --small: 200 + 10) imported with the real CLI
// (`node dist/cli/dossier.js import`), beside `cp -r` of the same folder.
// Prints figures only (no assertions).   node bench/run.mjs import [--small]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { instance, SIDE } from './ct-instance.js';
import { newUid } from '../electron/core/base/ids.js';
import { makePdf } from '../test/fixtures/documents/pdf.js';
import { SAMPLE_TEXTS } from '../test/fixtures/documents/sample-texts.js';

const small = process.argv.includes('--small');
const INSTANCES = small ? 200 : 2000;
const PDFS = small ? 10 : 50;
const PER_SERIES = 100;
const PASSPHRASE = 'bench passphrase';
const CLI = path.resolve('dist/cli/dossier.js');


function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): { seconds: number; stdout: string } {
  const start = process.hrtime.bigint();
  const res = spawnSync(cmd, args, { env, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 256 * 2 ** 20 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${res.status ?? res.error?.message})`);
  return { seconds, stdout: res.stdout.toString('utf8') };
}

const work = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-import-'));
try {
  // Import what is in the tree now, not an old build.
  run(process.execPath, ['build/scripts/build.mjs', 'node']);
  const src = path.join(work, 'CD');
  const study = newUid();
  let bytes = 0;
  for (let s = 0; s * PER_SERIES < INSTANCES; s++) {
    const series = newUid();
    const dir = path.join(src, 'DICOM', `SE${String(s).padStart(6, '0')}`);
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < Math.min(PER_SERIES, INSTANCES - s * PER_SERIES); i++) {
      const data = instance(study, series, s + 1, i + 1);
      writeFileSync(path.join(dir, `IM${String(i + 1).padStart(6, '0')}`), data);
      bytes += data.byteLength;
    }
  }
  mkdirSync(path.join(src, 'REPORTS'));
  const texts = Object.values(SAMPLE_TEXTS);
  for (let p = 0; p < PDFS; p++) {
    const text = texts[p % texts.length]!.split('\n');
    const pdf = await makePdf({ pages: [[`Report ${p + 1}`, ...text], text, [`Addendum ${p + 1}`, ...text.slice(0, 3)]] });
    writeFileSync(path.join(src, 'REPORTS', `REPORT${String(p + 1).padStart(3, '0')}.PDF`), pdf);
    bytes += pdf.byteLength;
  }
  const files = INSTANCES + PDFS;
  const mb = bytes / 1024 / 1024;
  console.log(`source: ${INSTANCES} DICOM instances (${SIDE}×${SIDE}×16 bit) + ${PDFS} PDFs = ${files} files, ${mb.toFixed(0)} MB`);
  console.log(`machine: ${os.cpus().length} CPUs, ${os.tmpdir()}`);

  const vault = path.join(work, 'vault');
  const env = { ...process.env, DOSSIER_PASSPHRASE: PASSPHRASE };
  run(process.execPath, [CLI, 'init', '--vault', vault], env);
  // Opening the vault runs the passphrase KDF (scrypt, real cost): measured alone so it can be read off.
  const open = run(process.execPath, [CLI, 'list', '--vault', vault], env);
  run('sync', []);
  const imported = run(process.execPath, [CLI, 'import', '--vault', vault, src, '--json'], env);
  const outcomes = JSON.parse(imported.stdout) as { status: string }[];
  const done = outcomes.filter((o) => o.status === 'imported').length;
  if (done !== files) throw new Error(`expected ${files} files imported, got ${done}`);

  const cp = run('sh', ['-c', `cp -r "${src}" "${path.join(work, 'cp-copy')}" && sync`]);

  const row = (what: string, seconds: number) =>
    console.log(`${what.padEnd(44)} ${seconds.toFixed(2).padStart(8)} ${(files / seconds).toFixed(0).padStart(8)} ${(mb / seconds).toFixed(0).padStart(7)}`);
  console.log('');
  console.log(`${'operation'.padEnd(44)} ${'seconds'.padStart(8)} ${'files/s'.padStart(8)} ${'MB/s'.padStart(7)}`);
  row('dossier import (CLI, whole process)', imported.seconds);
  row('  minus vault open (KDF + process start)', imported.seconds - open.seconds);
  row('cp -r + sync (plain files)', cp.seconds);
  console.log('');
  console.log(`vault open alone (dossier list): ${open.seconds.toFixed(2)} s`);
  console.log(`import / cp -r: ${(imported.seconds / cp.seconds).toFixed(2)}× (without vault open: ${((imported.seconds - open.seconds) / cp.seconds).toFixed(2)}×)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
