import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openZip, openZipBytes, walkZipTree, type ZipItem, type SafeZip } from '../../electron/core/archive/zip-read.js';
import { createZipFile } from '../../electron/core/archive/zip-write.js';
import { buildRawZip } from '../fixtures/bundle/raw-zip.js';
import { describeSkip } from '../../shared/words/import.js';

const text = (s: string) => new TextEncoder().encode(s);

async function collect(items: AsyncIterable<ZipItem>) {
  const files = new Map<string, string>();
  const rejected = new Map<string, string>();
  for await (const item of items) {
    if (item.kind === 'file') files.set(item.path, new TextDecoder().decode(await item.read()));
    else rejected.set(item.path, describeSkip(item.reason));
  }
  return { files, rejected };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zip-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('zip-read: hostile entries are rejected with a reason, good ones come through', () => {
  it('rejects traversal, absolute paths, drive letters, symlinks and encrypted entries', async () => {
    const path = join(dir, 'hostile.zip');
    await writeFile(
      path,
      buildRawZip([
        { name: 'good/report.txt', data: text('fine'), deflate: true },
        { name: '../../etc/passwd', data: text('x') },
        { name: 'a/../../b.txt', data: text('x') },
        { name: '/abs/file.txt', data: text('x') },
        { name: 'C:\\Windows\\evil.txt', data: text('x') },
        { name: 'link', data: text('/etc/shadow'), unixMode: 0o120777 },
        { name: 'secret.pdf', data: text('xxxxxxxxxxxxxxxx'), encrypted: true },
        { name: 'good/second.txt', data: text('also fine') },
      ]),
    );
    const zip = await openZip(path);
    const { files, rejected } = await collect(zip.entries());
    await zip.close();
    expect([...files.entries()]).toEqual([
      ['good/report.txt', 'fine'],
      ['good/second.txt', 'also fine'],
    ]);
    expect(rejected.get('../../etc/passwd')).toMatch(/escapes the archive/);
    expect(rejected.get('a/../../b.txt')).toMatch(/escapes the archive/);
    expect(rejected.get('/abs/file.txt')).toMatch(/absolute path/);
    expect(rejected.get('C:/Windows/evil.txt')).toMatch(/drive letter/);
    expect(rejected.get('link')).toMatch(/symbolic link/);
    expect(rejected.get('secret.pdf')).toBe('zip entry secret.pdf is password-protected');
  });

  it('rejects a high-ratio entry (zip bomb) and an entry that inflates past its declared size', async () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const bytes = buildRawZip([
      { name: 'bomb.bin', data: zeros, deflate: true },
      { name: 'liar.bin', data: new Uint8Array(1000), deflate: true, declaredSize: 10 },
      { name: 'ok.txt', data: text('ok') },
    ]);
    const zip = await openZipBytes(bytes);
    const items: ZipItem[] = [];
    for await (const item of zip.entries()) items.push(item);
    const bomb = items.find((i) => i.path === 'bomb.bin');
    expect(bomb).toMatchObject({ kind: 'rejected' });
    expect(bomb?.kind === 'rejected' && describeSkip(bomb.reason)).toMatch(/compression ratio \d+:1 .*zip bomb/);
    const liar = items.find((i) => i.path === 'liar.bin');
    expect(liar?.kind).toBe('file');
    if (liar?.kind === 'file') await expect(liar.read()).rejects.toThrow(/declared size|cannot read/);
    const ok = items.find((i) => i.path === 'ok.txt');
    expect(ok?.kind === 'file' && new TextDecoder().decode(await ok.read())).toBe('ok');
  });

  it('enforces the total-size budget and the entry-count limit', async () => {
    const bytes = buildRawZip(
      Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.txt`, data: text('0123456789') })),
    );
    const bySize = await openZipBytes(bytes, { limits: { maxTotalUncompressedBytes: 25 } });
    const sized = await collect(bySize.entries());
    expect([...sized.files.keys()]).toEqual(['f0.txt', 'f1.txt']);
    expect(sized.rejected.get('f2.txt')).toMatch(/more than 25 bytes in total/);

    // A flood of entries is refused as a whole, before any entry is read, saying what to do instead.
    await expect(openZipBytes(bytes, { limits: { maxEntries: 4 } })).rejects.toThrow(/holds more than 4 files.*unzip it first/);
    expect((await collect((await openZipBytes(bytes, { limits: { maxEntries: 6 } })).entries())).files.size).toBe(6);
  });

  it('opens nested zips up to the depth limit, and rejects deeper ones', async () => {
    let inner = buildRawZip([{ name: 'deepest.txt', data: text('level4') }]);
    for (let level = 3; level >= 1; level--) {
      inner = buildRawZip([
        { name: `file${level}.txt`, data: text(`level${level}`) },
        { name: `inner${level + 1}.zip`, data: inner },
      ]);
    }
    const zip: SafeZip = await openZipBytes(inner);
    const { files, rejected } = await collect(walkZipTree(zip));
    expect([...files.keys()]).toEqual([
      'file1.txt',
      'inner2.zip/file2.txt',
      'inner2.zip/inner3.zip/file3.txt',
    ]);
    expect(rejected.get('inner2.zip/inner3.zip/inner4.zip')).toMatch(/nested more than 3 levels/);
  });

  it('reads AES entries with the password and says so when it is wrong', async () => {
    const path = join(dir, 'aes.zip');
    const writer = await createZipFile(path, { password: 'correct horse' });
    await writer.add('note.txt', (async function* () {
      yield text('private');
    })(), 7);
    await writer.close();

    const noPassword = await collect((await openZip(path)).entries());
    expect(noPassword.rejected.get('note.txt')).toBe('zip entry note.txt is password-protected');
    const good = await collect((await openZip(path, { password: 'correct horse' })).entries());
    expect(good.files.get('note.txt')).toBe('private');
    const wrong = await openZip(path, { password: 'nope' });
    for await (const item of wrong.entries()) {
      expect(item.kind).toBe('file');
      if (item.kind === 'file') await expect(item.read()).rejects.toThrow('note.txt: wrong password');
    }
  });

  it('reports a file that is not a zip clearly', async () => {
    await expect(openZipBytes(text('just text, not a zip'))).rejects.toThrow(/not a readable zip file/);
  });
});
