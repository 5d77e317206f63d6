// An independent reader written from docs/vault-format.md alone (node:crypto only, no project
// code): if the document and the implementation drift apart, this test fails.
import { describe, it, expect } from 'vitest';
import { createDecipheriv, createHash, createHmac, hkdfSync, scryptSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { makeVault, TEST_PASSPHRASE } from '../helpers/temp-vault.js';

function hkdf(ikm: Buffer, salt: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, salt, info, 32));
}

function gcmOpen(key: Buffer, nonce: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  const d = createDecipheriv('aes-256-gcm', key, nonce);
  d.setAAD(aad);
  d.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([d.update(sealed.subarray(0, sealed.length - 16)), d.final()]);
}

describe('docs/vault-format.md', () => {
  it('is enough to decrypt a blob with the passphrase and with the recovery key', async () => {
    const { dir, vault, recoveryKey, cleanup } = await makeVault();
    const content = Buffer.alloc(150_000);
    for (let i = 0; i < content.length; i++) content[i] = (i * 31) & 0xff;
    await vault.blobs.putBytes(content, { facts: () => ({ note: 'what the record is' }) });
    vault.close();

    const vf = JSON.parse(readFileSync(path.join(dir, 'vault.json'), 'utf8'));
    const w = vf.wrappedKeys;
    const checksumInput = [vf.vaultId, vf.kdf.name, vf.kdf.N, vf.kdf.r, vf.kdf.p, vf.kdf.salt, vf.recovery.salt, w.passphrase.nonce, w.passphrase.data, w.recovery.nonce, w.recovery.data].join('\n');
    expect(vf.keyChecksum).toBe(createHash('sha256').update(checksumInput, 'utf8').digest('hex'));
    expect(readFileSync(path.join(dir, 'vault.backup.json'), 'utf8')).toBe(readFileSync(path.join(dir, 'vault.json'), 'utf8'));
    const unwrap = (kek: Buffer, slot: string) =>
      gcmOpen(kek, Buffer.from(vf.wrappedKeys[slot].nonce, 'base64'), Buffer.from(vf.wrappedKeys[slot].data, 'base64'), Buffer.from(`dossier/wrapped-key/v1/${vf.vaultId}/${slot}`));
    const kekP = scryptSync(TEST_PASSPHRASE.normalize('NFC'), Buffer.from(vf.kdf.salt, 'base64'), 32, { N: vf.kdf.N, r: vf.kdf.r, p: vf.kdf.p, maxmem: 512 * 2 ** 20 });
    const vaultKey = unwrap(kekP, 'passphrase');
    const kekR = hkdf(Buffer.from(recoveryKey, 'ascii'), Buffer.from(vf.recovery.salt, 'base64'), 'dossier/recovery-kek/v1');
    expect(unwrap(kekR, 'recovery').equals(vaultKey)).toBe(true);

    const id = Buffer.from(vf.vaultId, 'utf8');
    const encKey = hkdf(vaultKey, id, 'dossier/blob-encryption/v1');
    const nameKey = hkdf(vaultKey, id, 'dossier/blob-naming/v1');
    const name = createHmac('sha256', nameKey).update(content).digest('hex');
    const file = readFileSync(path.join(dir, 'blobs', name.slice(0, 2), name));

    const header = file.subarray(0, 64);
    expect(header.subarray(0, 8).toString('ascii')).toBe('DOSSIERB');
    expect([header[8], header[9]]).toEqual([2, 16]);
    const kBlob = hkdf(encKey, header.subarray(12, 44), 'dossier/blob-chunk/v1');
    // Footer: "DTRL" and the sealed trailer's length; the trailer sits just before it.
    const footer = file.subarray(file.length - 8);
    expect(footer.subarray(0, 4).toString('ascii')).toBe('DTRL');
    const trailerLength = footer.readUInt32BE(4);
    const chunksEnd = file.length - 8 - trailerLength;
    const trailerNonce = Buffer.concat([header.subarray(44, 51), Buffer.from([255, 255, 255, 255, 2])]);
    const trailer = JSON.parse(
      gcmOpen(kBlob, trailerNonce, file.subarray(chunksEnd, file.length - 8), Buffer.concat([header, Buffer.from('dossier/blob-trailer/v1', 'ascii')])).toString('utf8'),
    );
    expect(trailer).toEqual({ blobId: name, size: content.length, facts: { note: 'what the record is' } });
    const n = Math.ceil((chunksEnd - 64) / 65_552);
    const parts: Buffer[] = [];
    for (let i = 0; i < n; i++) {
      const nonce = Buffer.concat([header.subarray(44, 51), Buffer.from([(i >>> 24) & 255, (i >>> 16) & 255, (i >>> 8) & 255, i & 255]), Buffer.from([i === n - 1 ? 1 : 0])]);
      parts.push(gcmOpen(kBlob, nonce, file.subarray(64 + i * 65_552, Math.min(chunksEnd, 64 + (i + 1) * 65_552)), header));
    }
    expect(Buffer.concat(parts).equals(content)).toBe(true);
    cleanup();
  });
});
