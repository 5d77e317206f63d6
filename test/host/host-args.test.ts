// `npm run start:browser -- --vault DIR --port N`: arguments parsed strictly (node:util parseArgs),
// a bad one refused in words before anything starts.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

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
