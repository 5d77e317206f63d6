// A folder with more files than one import takes is refused up front, with what to do instead,
// and nothing is imported from it (a flood once made 100,000 records and gigabytes of memory).
import { describe, it, expect } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createDossierService } from '../../electron/core/service/service.js';
import { MAX_FILES_PER_IMPORT } from '../../electron/core/archive/zip-safety.js';
import type { RecordPage } from '../../shared/api.js';
import { FAST_KDF, tempDir, TEST_PASSPHRASE } from '../helpers/temp-vault.js';

describe('an import flood', () => {
  it(`refuses a folder of more than ${MAX_FILES_PER_IMPORT} files before reading any`, async () => {
    const root = tempDir('dossier-flood-');
    const folder = path.join(root, 'flood');
    for (let d = 0; d * 1000 <= MAX_FILES_PER_IMPORT; d++) {
      mkdirSync(path.join(folder, `d${d}`), { recursive: true });
      for (let i = 0; i < 1000; i++) writeFileSync(path.join(folder, `d${d}`, `f${i}.txt`), `note ${d}-${i}`);
    }
    const service = createDossierService({ vaultDir: path.join(root, 'vault'), kdfCost: FAST_KDF });
    await service.call('vault.create', { passphrase: TEST_PASSPHRASE });
    await expect(service.call('import.paths', { paths: [folder] })).rejects.toMatchObject({
      shape: { code: 'too-many-files', message: expect.stringMatching(/more than 50,000 files.*Import its folders one at a time/), details: { limit: MAX_FILES_PER_IMPORT } },
    });
    expect(((await service.call('records.list', {})) as RecordPage).total).toBe(0);
    await service.close();
  }, 120_000);
});
