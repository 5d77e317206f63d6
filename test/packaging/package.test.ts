// The packaged app as far as this machine allows: electron-builder builds `--linux dir` from
// electron-builder.yml with a stand-in Electron (see stand-in-build.ts); this test opens the
// app.asar it produced, checks what is (and is not) inside, then runs the packaged main process
// under the electron STAND-IN: its window and preload, its page, a vault, and a PDF read by the
// packaged pdf.js in the packaged worker. None of this is Electron running.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { CALL_CHANNEL } from '../../electron/shell/ipc-policy.js';
import { APP_START_URL } from '../../electron/shell/protocol-path.js';
import type { CallReply } from '../../electron/shell/preload-bridge.js';
import { makePdf } from '../fixtures/documents/pdf.js';
import { startMainUnderStandIn } from '../electron/stand-in/harness.js';
import { expectOneSecureWindow } from '../electron/stand-in/window-checks.js';
import { bundleForNode } from '../helpers/bundle-for-node.js';
import { externalSpecifiers } from './bundle-imports.js';
import { DECODERS, type ProbeResult } from './runtime-probe.js';
import { declaredDependencies, packageNameOf, runtimeClosure } from './dependency-closure.js';
import { buildWithStandInElectron, hasElectronBuilder, readBuilderConfig } from './stand-in-build.js';

/** app.asar + app.asar.unpacked, in bytes (decimal megabytes). */
const PACKAGE_BUDGET_BYTES = 20_000_000;
const MB = 1_000_000;

const root = path.resolve(__dirname, '../..');
const builderPresent = hasElectronBuilder(root);
if (!builderPresent) console.log('electron-builder is not installed: skipping the packaging test');

/** Never in the package: tests, benchmarks, source maps, TypeScript, the CLI and browser host, install-time tools. */
const FORBIDDEN: [RegExp, string][] = [
  [/(^|\/)(test|tests|__tests__|bench|benchmark|benchmarks)\//, 'test or benchmark folder'],
  [/\.map$/, 'source map'],
  [/\.(ts|mts|cts)$/, 'TypeScript source or declaration'],
  [/(^|\/)test_extension\.node$/, "SQLite's test extension"],
  [/(^|\/)node_modules\/@napi-rs\/canvas/, '@napi-rs/canvas (pdf.js rendering, not used)'],
  [/(^|\/)node_modules\/prebuild-install\//, 'prebuild-install (install-time download)'],
  [/^dist\/(cli|host)\//, 'the CLI or the browser host (not part of the desktop app)'],
];

/** Declared by a shipped package but never loaded by it in Node: install scripts, browser-only code. */
const DECLARED_NOT_LOADED = ['prebuild-install', 'opencollective-postinstall', 'zlibjs'];

type Asar = typeof import('@electron/asar');

/** Node 20's V8 needs a flag for the relaxed SIMD that Electron's V8 has (and tesseract then picks). */
function electronLikeWasmFlags(): string[] {
  const flag = '--experimental-wasm-relaxed-simd';
  return spawnSync(process.execPath, [flag, '-e', '0']).status === 0 ? [flag] : [];
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

function sizeOf(dir: string): number {
  return filesUnder(dir).reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
}

/** Package names under node_modules/ for a list of packaged paths (nested ones included). */
function packageNames(files: string[]): Set<string> {
  const names = new Set<string>();
  for (const f of files) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(f);
    if (m) names.add(packageNameOf(m[1]!));
  }
  return names;
}

describe.skipIf(!builderPresent)('packaged app (electron-builder --linux dir with a stand-in Electron)', () => {
  let work: string;
  let asarPath: string;
  let unpackedDir: string;
  let inAsar: string[]; // every file in app.asar, posix, no leading slash (unpacked ones included)
  let unpacked: string[];
  let app: string; // app.asar extracted (with its unpacked files), to run and resolve from

  beforeAll(async () => {
    expect(existsSync(path.join(root, 'dist/renderer/index.html')), 'the app is built before the tests (npm test builds)').toBe(true);
    work = mkdtempSync(path.join(os.tmpdir(), 'dossier-pack-'));
    const resources = buildWithStandInElectron(root, work);
    asarPath = path.join(resources, 'app.asar');
    unpackedDir = `${asarPath}.unpacked`;
    const asar: Asar = await import('@electron/asar');
    inAsar = asar
      .listPackage(asarPath, { isPack: false })
      .map((p) => p.split(path.sep).join('/').replace(/^\//, ''))
      .filter((p) => !('files' in (asar.statFile(asarPath, p, false) as object)));
    unpacked = existsSync(unpackedDir) ? filesUnder(unpackedDir) : [];
    app = path.join(work, 'app');
    asar.extractAll(asarPath, app);
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('keeps the fuses and the native rebuild in electron-builder.yml (only the stand-in build leaves them out)', () => {
    expect(readBuilderConfig(root).npmRebuild).toBe(true);
    expect(readBuilderConfig(root).electronFuses).toMatchObject({
      runAsNode: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    });
  });

  it('has no auto-update: no publish target, no updater package, no update feed in the package', () => {
    expect(readBuilderConfig(root).publish).toBeNull();
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).not.toContain('electron-updater');
    expect([...inAsar, ...unpacked].filter((f) => /(^|\/)(electron-updater\/|app-update\.yml$)/.test(f))).toEqual([]);
    expect(existsSync(path.join(asarPath, '..', 'app-update.yml'))).toBe(false);
  });

  it('fits the size budget', () => {
    const asarBytes = statSync(asarPath).size;
    const unpackedBytes = existsSync(unpackedDir) ? sizeOf(unpackedDir) : 0;
    const total = asarBytes + unpackedBytes;
    console.log(
      `packaged app: app.asar ${(asarBytes / MB).toFixed(2)} MB + app.asar.unpacked ${(unpackedBytes / MB).toFixed(2)} MB = ${(total / MB).toFixed(2)} MB (budget ${PACKAGE_BUDGET_BYTES / MB} MB)`,
    );
    expect(total).toBeLessThan(PACKAGE_BUDGET_BYTES);
  });

  it("starts from package.json's main, and holds no tests, sources, maps, CLI or install-time tools", () => {
    const pkg = JSON.parse(readFileSync(path.join(app, 'package.json'), 'utf8')) as { main: string };
    expect(inAsar).toContain(pkg.main);
    const offenders = [...inAsar, ...unpacked].flatMap((f) => FORBIDDEN.filter(([re]) => re.test(f)).map(([, why]) => `${f} (${why})`));
    expect(offenders).toEqual([]);
  });

  it('unpacks the native SQLite addon, and no native code stays inside the archive', async () => {
    expect(unpacked.filter((f) => f.endsWith('.node'))).toEqual(['node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node']);
    const asar: Asar = await import('@electron/asar');
    const packedNative = inAsar.filter((f) => f.endsWith('.node') && !(asar.statFile(asarPath, f, false) as { unpacked?: boolean }).unpacked);
    expect(packedNative).toEqual([]);
  });

  it('ships only packages that package.json dependencies reach; what esbuild bundled stays out', () => {
    const reachable = new Set([...runtimeClosure(root)].map(packageNameOf));
    const shipped = packageNames([...inAsar, ...unpacked]);
    expect([...shipped].filter((name) => !reachable.has(name))).toEqual([]);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect([...shipped].sort()).toEqual(expect.arrayContaining(Object.keys(pkg.dependencies).sort()));
  });

  it('ships what each shipped package requires, except its install-time and browser-only dependencies', () => {
    const shipped = packageNames([...inAsar, ...unpacked]);
    const declared = declaredDependencies(root);
    const missing = [...shipped].flatMap((name) =>
      (declared.get(name) ?? []).filter((dep) => !shipped.has(dep) && !DECLARED_NOT_LOADED.includes(dep)).map((dep) => `${name} needs ${dep}`),
    );
    expect(missing).toEqual([]);
  });

  it('finds every package a packaged bundle loads inside the package', () => {
    const bundles = inAsar.filter((f) => f.startsWith('dist/') && !f.startsWith('dist/renderer/') && /\.(c|m)?js$/.test(f));
    expect(bundles.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const bundle of bundles) {
      const file = path.join(app, bundle);
      const requireHere = createRequire(file);
      for (const spec of externalSpecifiers(readFileSync(file, 'utf8'))) {
        let resolved = '';
        try {
          resolved = requireHere.resolve(spec);
        } catch {
          // reported below
        }
        if (!resolved.startsWith(app + path.sep)) missing.push(`${bundle} loads ${spec}: ${resolved || 'not in the package'}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('holds every file the renderer page references', () => {
    const html = readFileSync(path.join(app, 'dist/renderer/index.html'), 'utf8');
    const refs = [...html.matchAll(/(?:src|href)="\/?([^":#?]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((r) => !inAsar.includes(`dist/renderer/${r.replace(/^\.\//, '')}`))).toEqual([]);
  });

  it('starts the OCR engine with the packaged English model and every packaged DICOM decoder, from the package', async () => {
    const probe = await bundleForNode(path.join(__dirname, 'runtime-probe.ts'));
    const run = spawnSync(process.execPath, [...electronLikeWasmFlags(), probe, app], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').pop()!) as ProbeResult;
    expect(result.ocrText.trim()).toBe(''); // a blank page: the engine and model loaded and ran
    expect(result.decoders.map((d) => d.name)).toEqual(DECODERS);
    for (const d of result.decoders) {
      expect(d.file.startsWith(app + path.sep), d.file).toBe(true);
      expect(d.exports.filter((e) => e.endsWith('Decoder')).length, d.name).toBeGreaterThan(0);
    }
    // libjpeg-turbo also encodes (previews, thumbnails, the bundle's frames): its encoder ships too.
    expect(result.decoders.find((d) => d.name.includes('libjpeg'))?.exports).toContain('JPEGEncoder');
  });

  it('runs from the package under the electron stand-in: window, preload, page, vault, and a PDF read by the packaged pdf.js', async () => {
    const pkg = JSON.parse(readFileSync(path.join(app, 'package.json'), 'utf8')) as { main: string };
    const userData = mkdtempSync(path.join(work, 'user-data-'));
    const main = await startMainUnderStandIn({ mainPath: path.join(app, pkg.main), userData, version: '0.0.0-package' });
    try {
      await main.ready();
      await expectOneSecureWindow(main, path.join(app, 'dist', 'electron'));
      const page = await main.request(APP_START_URL);
      expect(page.status).toBe(200);
      expect(Buffer.from(page.body).toString('utf8')).toBe(readFileSync(path.join(app, 'dist/renderer/index.html'), 'utf8'));

      const call = async (method: string, params: unknown): Promise<unknown> => {
        const reply = (await main.invoke(CALL_CHANNEL, 'main-window', method, params)) as CallReply;
        if (!reply.ok) throw new Error(`${method}: ${reply.error.code}: ${reply.error.message}`);
        return reply.value;
      };
      await call('vault.create', { passphrase: 'packaged app, stand-in Electron' });
      const pdfFile = path.join(work, 'discharge-letter.pdf');
      writeFileSync(pdfFile, await makePdf({ pages: [['Discharge letter', 'Findings: packagedpdfjsword']] }));
      // The page never sends a path: a raw one is refused, a dropped file's path is granted first
      // (what the preload's importFiles does) and the grant imports it.
      await expect(call('import.paths', { paths: [pdfFile] })).rejects.toThrow(/invalid-params/);
      const [granted] = (await call('shell.grantDropped', { paths: [pdfFile] })) as { grant: string }[];
      const summary = await call('import.paths', { paths: [granted!.grant] });
      expect(summary, JSON.stringify(summary)).toMatchObject({ imported: 1, skipped: 0 });
      expect(await call('records.list', { search: 'packagedpdfjsword' })).toMatchObject({ total: 1 });

      const started = main.workers().map((w) => w.script);
      expect(started).toContain(path.join(app, 'dist/electron/service-worker.cjs'));
      expect(started).toContain(path.join(app, 'dist/workers/pdf-worker.js'));
    } finally {
      await main.close();
    }
  });
});
