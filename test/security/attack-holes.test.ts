// Holes the attack on the vault and the exports found that no other test covers: key material left
// in memory after a lock, and metadata files a receiving system would reject passing verify.
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeBundle } from '../../electron/core/bundle/write-bundle.js';
import { verifyBundle } from '../../electron/core/bundle/verify.js';
import { makeBundleInput } from '../fixtures/bundle/input.js';
import { makeVault, tempDir } from '../helpers/temp-vault.js';

/** What a locked vault must have overwritten (private fields, read here only to look at them). */
interface KeyHolders {
  dbKey: Buffer;
  unlocked: { vaultKey: Buffer };
  blobs: { encryptionKey: Buffer; namingKey: Buffer };
}

describe('a lock forgets the keys', () => {
  it('zeroes the vault key, the database key and both blob keys, and the blob store refuses to read', async () => {
    const { vault, cleanup } = await makeVault();
    const { blobId } = await vault.blobs.putBytes(Buffer.from('a pathology report'));
    const held = vault as unknown as KeyHolders;
    const keys = [held.dbKey, held.unlocked.vaultKey, held.blobs.encryptionKey, held.blobs.namingKey];
    expect(keys.every((k) => k.length >= 32 && k.some((b) => b !== 0))).toBe(true);
    vault.close();
    expect(keys.map((k) => k.every((b) => b === 0))).toEqual([true, true, true, true]);
    await expect(vault.blobs.open(blobId).then((r) => r.readAll())).rejects.toThrow();
    cleanup();
  });
});

describe('verify reads the metadata files a receiving system parses', () => {
  const root = tempDir('dossier-holes-');
  afterAll(async () => {
    const { rm } = await import('node:fs/promises');
    await rm(root, { recursive: true, force: true });
  });

  /** Replaces a file and its manifest line, as a careless or hostile tool would: checksums agree. */
  async function replaceListed(dest: string, file: string, content: string): Promise<void> {
    await writeFile(join(dest, file), content);
    const manifest = await readFile(join(dest, 'MANIFEST.TXT'), 'utf8');
    const sha = createHash('sha256').update(content).digest('hex');
    const lines = manifest.split('\n').map((l) => (l.endsWith(`  ${file}`) ? `${sha}  ${file}` : l));
    await writeFile(join(dest, 'MANIFEST.TXT'), lines.join('\n'));
  }

  it.each([
    ['IHE_XDM/SUBSET01/METADATA.XML', '<Submit><Registry></Submit>', /METADATA\.XML is not well-formed XML/],
    ['FHIR/BUNDLE.JSN', '{"resourceType": "Bundle", ', /BUNDLE\.JSN is not valid JSON/],
  ])('a broken %s fails verify although its checksum is listed', async (file, content, problem) => {
    const dest = join(root, file.replace(/\W/g, '-'));
    await writeBundle(makeBundleInput(), { kind: 'folder', path: dest });
    expect((await verifyBundle(dest)).ok).toBe(true);
    await replaceListed(dest, file, content);
    const result = await verifyBundle(dest);
    expect(result.ok).toBe(false);
    expect(result.problems.join('\n')).toMatch(problem);
    expect(result.problems.some((p) => p.includes('checksum'))).toBe(false);
  });
});
