// Issue #11's figures side by side, in one run: importing a 400-slice CT (the real CLI, vault open
// subtracted) beside `cp -r` + `sync`; exporting it to a folder beside `cp -r` + `sync` and to a zip
// beside `zip -r -0` + `sync` (both with the read-back verify); search and the first page over
// 10,000 records through the service API; the peak memory of a 2 GB import; the DICOM header scan
// of 2,000 files beside pydicom. Prints figures only.
//   node bench/run.mjs speed [--quick] [--only=copy|search|rss|headers]   (--quick: no 2 GB import, 3,000 records)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { instance } from './ct-instance.js';
import { newUid } from '../electron/core/base/ids.js';
import { parseDicomInstance } from '../electron/core/dicom/parse.js';
import { createDossierService } from '../electron/core/service/service.js';
import type { RecordPage, RecordQuery } from '../shared/api.js';
import { Vault } from '../electron/core/vault/vault.js';
import { Importer } from '../electron/core/import/pipeline.js';
import { bytesSource } from '../electron/core/import/source.js';

const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const part = (name: string): boolean => only === undefined || only === name;
const CLI = path.resolve('dist/cli/dossier.js');
const PASSPHRASE = 'bench passphrase';
const env = { ...process.env, DOSSIER_PASSPHRASE: PASSPHRASE };

function seconds(cmd: string, args: string[], extraEnv: NodeJS.ProcessEnv = env): number {
  const start = process.hrtime.bigint();
  const res = spawnSync(cmd, args, { env: extraEnv, stdio: ['ignore', 'ignore', 'inherit'] });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${res.status ?? res.error?.message})`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Like `seconds`, after a `sync` that is not counted: each run starts with no earlier run's writes still being flushed. */
function settled(cmd: string, args: string[]): number {
  seconds('sync', []);
  return seconds(cmd, args);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

function writeCt(dir: string, count: number, perSeries = 100): number {
  const study = newUid();
  let bytes = 0;
  for (let s = 0; s * perSeries < count; s++) {
    const series = newUid();
    const sub = path.join(dir, `SE${String(s).padStart(4, '0')}`);
    mkdirSync(sub, { recursive: true });
    for (let i = 0; i < Math.min(perSeries, count - s * perSeries); i++) {
      const data = instance(study, series, s + 1, i + 1);
      writeFileSync(path.join(sub, `IM${String(i + 1).padStart(6, '0')}`), data);
      bytes += data.byteLength;
    }
  }
  return bytes;
}

function ratioRow(what: string, ours: number, baseline: number, baselineName: string): void {
  console.log(`${what.padEnd(44)} ${ours.toFixed(2).padStart(6)} s   ${baselineName.padEnd(18)} ${baseline.toFixed(2).padStart(6)} s   ${(ours / baseline).toFixed(2).padStart(5)}×`);
}

/** Import, folder export and zip export of a 400-slice CT, each the median of three runs. */
function copyFigures(work: string): void {
  const src = path.join(work, 'CT');
  const mb = writeCt(src, 400) / 2 ** 20;
  console.log(`\n400-slice CT: 400 files, ${mb.toFixed(0)} MB (${os.cpus().length} CPUs, ${os.tmpdir()})`);
  const imports: number[] = [];
  const opens: number[] = [];
  let vault = '';
  for (let run = 0; run < 3; run++) {
    vault = path.join(work, `vault-${run}`);
    seconds(process.execPath, [CLI, 'init', '--vault', vault]);
    opens.push(seconds(process.execPath, [CLI, 'list', '--vault', vault]));
    seconds('sync', []);
    imports.push(seconds(process.execPath, [CLI, 'import', '--vault', vault, src, '--json']) - opens.at(-1)!);
  }
  const exportArgs = (out: string, ...more: string[]) => [CLI, 'export', '--all', ...more, '--out', path.join(work, out), '--vault', vault];
  // One of each per round, each output removed (uncounted) before the next run: a slow spell of the
  // disk then weighs on Dossier and the baselines alike, and the disk does not fill up as it goes.
  const runs = {
    cp: () => settled('sh', ['-c', `cp -r "${src}" "${path.join(work, 'out')}" && sync`]),
    zip: () => settled('sh', ['-c', `cd "${src}" && zip -q -r -0 "${path.join(work, 'out.zip')}" . && sync`]),
    folder: () => settled(process.execPath, exportArgs('out')) - median(opens),
    zipExport: () => settled(process.execPath, exportArgs('out.zip')) - median(opens),
    // The same without the JPEG copy of every slice that INDEX.HTM scrolls through (what cp is compared with).
    plainFolder: () => settled(process.execPath, exportArgs('out', '--no-viewer-images')) - median(opens),
    plainZip: () => settled(process.execPath, exportArgs('out.zip', '--no-viewer-images')) - median(opens),
  };
  const times = Object.fromEntries(Object.keys(runs).map((k) => [k, [] as number[]])) as Record<keyof typeof runs, number[]>;
  for (let round = 0; round < 3; round++)
    for (const [name, run] of Object.entries(runs) as [keyof typeof runs, () => number][]) {
      times[name].push(run());
      rmSync(path.join(work, 'out'), { recursive: true, force: true });
      rmSync(path.join(work, 'out.zip'), { force: true });
    }
  const { cp: cps, zip: zipBase, folder: folders, zipExport: zips, plainFolder: plainFolders, plainZip: plainZips } = times;
  console.log(`vault open (process start + scrypt), subtracted below: ${median(opens).toFixed(2)} s`);
  ratioRow('import (CLI)', median(imports), median(cps), 'cp -r + sync');
  ratioRow('export to a folder (write + verify)', median(folders), median(cps), 'cp -r + sync');
  ratioRow('export to a zip (write + verify)', median(zips), median(zipBase), 'zip -r -0 + sync');
  ratioRow('  the same without viewer images: folder', median(plainFolders), median(cps), 'cp -r + sync');
  ratioRow('  the same without viewer images: zip', median(plainZips), median(zipBase), 'zip -r -0 + sync');
}

/** records.list through the service API over `count` records: p50/p95 per kind of query. */
async function searchFigures(work: string, count: number): Promise<void> {
  const dir = path.join(work, 'search-vault');
  const { vault } = await Vault.create(dir, PASSPHRASE, { kdfCost: { N: 2 ** 14, r: 8, p: 1 } });
  const names = ['Jones^Fred', 'Yamada^Tarou=山田^太郎=やまだ^たろう', 'Διονυσιος', 'שרון^דבורה', 'Люкceмбypг^Гeнpиэттa'];
  const sources = Array.from({ length: count }, (_, i) =>
    bytesSource(`n${i}.txt`, `n${i}.txt`, Buffer.from(`Pathology note ${i}\nPatient: ${names[i % names.length]!.split('=')[0]!.replace('^', ', ')}\nInvasive ductal carcinoma, grade ${i % 3}. Specimen ${i} reviewed.\n`)),
  );
  await new Importer(vault).importSources(sources);
  vault.close();
  const service = createDossierService({ vaultDir: dir });
  await service.call('vault.unlock', { passphrase: PASSPHRASE });
  const queries: [string, RecordQuery][] = [
    ['broad ("carcinoma", all match)', { search: 'carcinoma' }],
    ['narrow (one record)', { search: `specimen ${Math.floor(count / 2)}` }],
    ['phrase', { search: '"invasive ductal carcinoma"' }],
    ['prefix ("carcin")', { search: 'carcin' }],
    ['name ("Jones")', { search: 'Jones' }],
    ['unfiltered first page', {}],
  ];
  console.log(`\nrecords.list over ${count.toLocaleString('en-US')} records (service API, 100 per page):`);
  for (const [label, q] of queries) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 40; i++) {
      const start = process.hrtime.bigint();
      total = ((await service.call('records.list', q)) as RecordPage).total;
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    console.log(`  ${label.padEnd(34)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms   (${total} found)`);
  }
  await service.close();
}

/** Peak resident memory of the CLI importing ~2 GB (4,000 CT slices), read by the kernel (RUSAGE_CHILDREN). */
function rssFigure(work: string): void {
  const src = path.join(work, 'CT2G');
  const mb = writeCt(src, 4000) / 2 ** 20;
  const vault = path.join(work, 'vault-rss');
  seconds(process.execPath, [CLI, 'init', '--vault', vault]);
  const probe = `import resource, subprocess, sys\nsubprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\nprint(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)`;
  const res = spawnSync('python3', ['-c', probe, process.execPath, CLI, 'import', '--vault', vault, src, '--json'], { env, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(res.stderr);
  console.log(`\npeak RSS importing ${mb.toFixed(0)} MB (4,000 files): ${(Number(res.stdout.trim()) / 1024).toFixed(0)} MB`);
}

/** Reading the headers of 2,000 DICOM files: our parser beside pydicom's dcmread(stop_before_pixels=True). */
function headerScanFigure(work: string): void {
  const src = path.join(work, 'HEADERS');
  writeCt(src, 2000);
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).map((f) => path.join(src, f)).filter((f) => /IM\d+$/.test(f));
  const py = `import sys, time, pydicom\nfiles = sys.argv[1:]\nt = time.perf_counter()\nfor f in files: pydicom.dcmread(f, stop_before_pixels=True)\nprint(time.perf_counter() - t)`;
  const python = pythonWithPydicom();
  seconds('sync', []); // the 1 GB just written is flushed before anything is timed
  // Alternately, three times each (this virtual machine's CPU time is shared): the medians.
  const ours: number[] = [];
  const theirs: number[] = [];
  let failure = '';
  for (let run = 0; run < 3; run++) {
    const start = process.hrtime.bigint();
    for (const f of files) parseDicomInstance(readFileSync(f));
    ours.push(Number(process.hrtime.bigint() - start) / 1e9);
    const res = spawnSync(python, ['-c', py, ...files], { encoding: 'utf8' });
    if (res.status === 0) theirs.push(Number(res.stdout.trim()));
    else failure = res.stderr.trim().split('\n').pop() ?? '';
  }
  console.log(`\nDICOM header scan of ${files.length} files (median of three):`);
  if (theirs.length) ratioRow('dossier (parseDicomInstance)', median(ours), median(theirs), 'pydicom dcmread');
  else console.log(`  dossier ${median(ours).toFixed(2)} s; pydicom not available (${failure})`);
}

/** The first python3 that imports pydicom (Debian's python3-pydicom is under /usr/bin when another python3 is first on PATH). */
function pythonWithPydicom(): string {
  for (const python of ['python3', '/usr/bin/python3']) if (spawnSync(python, ['-c', 'import pydicom']).status === 0) return python;
  return 'python3';
}

const work = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-speed-'));
try {
  seconds(process.execPath, ['build/scripts/build.mjs', 'node']);
  if (part('copy')) copyFigures(work);
  if (part('search')) await searchFigures(work, quick ? 3000 : 10_000);
  if (!quick && part('rss')) rssFigure(work);
  if (part('headers')) headerScanFigure(work);
} finally {
  rmSync(work, { recursive: true, force: true });
}
