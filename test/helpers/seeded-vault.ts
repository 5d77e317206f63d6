// A vault with many records, made quickly through the real core (a cheaper KDF, the real import
// pipeline): what the end-to-end tests run the real service on.
import { Vault } from '../../electron/core/vault/vault.js';
import { Importer } from '../../electron/core/import/pipeline.js';
import { bytesSource } from '../../electron/core/import/source.js';
import { FAST_KDF } from './temp-vault.js';

/** Creates a vault in `dir` holding `count` short radiology reports titled "Report 1" … "Report N",
 * one day apart from 1990-01-01 (so "newest first" lists Report N first and Report 1 last). */
export async function seedVault(dir: string, passphrase: string, count: number): Promise<void> {
  const { vault } = await Vault.create(dir, passphrase, { kdfCost: FAST_KDF });
  try {
    const sources = Array.from({ length: count }, (_, i) => {
      const date = new Date(Date.UTC(1990, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      const text = `Report ${i + 1}\nRADIOLOGY REPORT\nDate of exam: ${date}\nFINDINGS: No acute abnormality. IMPRESSION: Normal study number ${i + 1}.\n`;
      return bytesSource(`report-${i + 1}.txt`, `report-${i + 1}.txt`, Buffer.from(text));
    });
    await new Importer(vault).importSources(sources);
  } finally {
    vault.close();
  }
}
