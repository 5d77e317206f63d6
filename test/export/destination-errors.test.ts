// A destination that takes no files is said to be one — not "not enough space … needs about 17 MB"
// for a 3 KB bundle — and a small bundle fits a nearly full stick.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { Importer } from '../../electron/core/import/pipeline.js';
import { bytesSource } from '../../electron/core/import/source.js';
import { exportBundle } from '../../electron/core/export/export-bundle.js';
import { freeSpaceNeeded } from '../../electron/core/bundle/write-bundle.js';
import { makeVault, tempDir } from '../helpers/temp-vault.js';
import type { Vault } from '../../electron/core/vault/vault.js';

let vault: Vault;
let cleanup: () => void;
let recordId: string;
beforeAll(async () => {
  ({ vault, cleanup } = await makeVault());
  const s = await new Importer(vault).importSources([bytesSource('n.txt', 'n.txt', Buffer.from('Lab results\nHemoglobin 13 g/dL, reference range 12-16'))]);
  recordId = s.recordIds[0]!;
});
afterAll(() => cleanup?.());

const run = (dest: string) => exportBundle(vault, { recordIds: [recordId], destination: { kind: 'folder', path: dest }, appVersion: '0.0.0-test' });

describe('export destinations', () => {
  it('a folder that accepts no files (a system folder) is refused as not writable', async () => {
    await expect(run('/proc')).rejects.toMatchObject({ code: 'permission-denied' });
  });

  it('a new folder is refused where nothing can be made, and as missing under a missing parent', async () => {
    await expect(run('/proc/forbidden')).rejects.toMatchObject({ code: 'permission-denied' });
    await expect(run(path.join(tempDir(), 'no', 'such'))).rejects.toMatchObject({ code: 'not-found' });
  });

  it('a small bundle needs little room: the safety margin grows with the bundle', () => {
    expect(freeSpaceNeeded(3 * 1024, 8)).toBeLessThan(2 * 1024 * 1024);
    expect(freeSpaceNeeded(4 * 1024 ** 3, 1000)).toBeGreaterThan(4 * 1024 ** 3 + 16 * 1024 ** 2 - 1);
  });
});
