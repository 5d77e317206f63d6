// `npm run start:browser -- --vault DIR --port N`: arguments parsed strictly (node:util parseArgs),
// a bad one refused in words before anything starts.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';

const HOST = path.resolve('dist/host/browser-host.js');
const run = (args: string[]) => spawnSync(process.execPath, [HOST, ...args], { encoding: 'utf8', timeout: 20_000 });

describe('browser host arguments', () => {
  it.each([
    [['--port', 'abc'], /--port must be a port number \(0–65535\), not "abc"/],
    [['--port', '70000'], /--port must be a port number/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['--vault'], /--vault/],
  ])('refuses %j with a clear message and exit 1', (args, words) => {
    const res = run(args);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(words);
    expect(res.stdout).not.toMatch(/Open http/);
  });
});

describe('importing the browser host', () => {
  it('never starts one, even bundled into another entry with the arguments of that program', async () => {
    // Bundled as ESM (import.meta.url is the bundle's own file), as bench/run.mjs does.
    const outfile = path.resolve('node_modules/.cache/dossier-test/imports-host.mjs');
    await build({ entryPoints: ['test/fixtures/host/imports-host.ts'], outfile, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
    const res = spawnSync(process.execPath, [outfile, '--slices', '30'], { encoding: 'utf8', timeout: 20_000 });
    expect(res.stdout).toContain('imported: function');
    expect(res.stdout).not.toMatch(/Open http/);
    expect(res.stderr).not.toMatch(/Unknown option/);
    expect(res.status).toBe(0);
  });
});
