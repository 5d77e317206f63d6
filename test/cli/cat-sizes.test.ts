// `dossier cat` gives back the original bytes exactly, at the chunk-size edges and for a 200 MB file.
import { describe, it, expect, beforeAll } from 'vitest';
import { createReadStream, createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { dossier, json } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-vault.js';

let vault: string;
let input: string;
let ids: Map<string, string>;

async function sha256(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

const SIZES = [0, 1, 65_535, 65_536, 65_537];

beforeAll(async () => {
  const root = tempDir('dossier-cat-');
  vault = path.join(root, 'vault');
  input = path.join(root, 'in');
  mkdirSync(input);
  for (const size of SIZES) writeFileSync(path.join(input, `f${size}.bin`), randomBytes(size));
  // 200 MB, written in 8 MiB pieces.
  const big = createWriteStream(path.join(input, 'big.bin'));
  for (let i = 0; i < 25; i++) if (!big.write(randomBytes(8 * 2 ** 20))) await once(big, 'drain');
  big.end();
  await once(big, 'finish');
  expect(dossier(['init', '--vault', vault]).status).toBe(0);
  const outcomes = json<{ path: string; status: string; recordId?: string }[]>(dossier(['import', '--vault', vault, input, '--json']));
  ids = new Map(outcomes.filter((o) => o.recordId).map((o) => [path.basename(o.path), o.recordId!]));
}, 180_000);

describe('dossier cat is byte-identical', () => {
  it.each(SIZES)('%i bytes, to stdout', (size) => {
    const res = dossier(['cat', '--vault', vault, ids.get(`f${size}.bin`)!]);
    expect(res.status).toBe(0);
    expect(res.stdoutBytes.equals(readFileSync(path.join(input, `f${size}.bin`)))).toBe(true);
  });

  it('200 MB, to a file', async () => {
    const out = path.join(tempDir(), 'big.out');
    expect(dossier(['cat', '--vault', vault, ids.get('big.bin')!, '--out', out]).status).toBe(0);
    expect(await sha256(out)).toBe(await sha256(path.join(input, 'big.bin')));
    rmSync(path.dirname(out), { recursive: true, force: true });
  }, 120_000);
});
