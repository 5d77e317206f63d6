// MANIFEST.TXT: the SHA-256 of every other file in `sha256sum` format ("<hex>  <path>", LF),
// so the receiver can check the copy with `sha256sum -c MANIFEST.TXT` and `dossier verify` can too.

export interface ManifestEntry {
  path: string;
  sha256: string;
}

export function buildManifest(entries: ManifestEntry[]): string {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return sorted.map((e) => `${e.sha256}  ${e.path}\n`).join('');
}

export interface ParsedManifest {
  entries: ManifestEntry[];
  /** Lines that are not "<64 hex>  <path>" (reported by verify). */
  badLines: number[];
}

export function parseManifest(text: string): ParsedManifest {
  const entries: ManifestEntry[] = [];
  const badLines: number[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    // "  " = text mode, " *" = binary mode in sha256sum output; accept both.
    const m = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line);
    if (m?.[1] && m[2]) entries.push({ sha256: m[1].toLowerCase(), path: m[2] });
    else badLines.push(i + 1);
  });
  return { entries, badLines };
}
