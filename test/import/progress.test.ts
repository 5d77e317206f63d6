// Progress reporting during an import (what the app's progress bar and the CLI's bar show).
import { describe, it, expect, afterAll } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportProgress } from '../../shared/domain.js';
import { Importer } from '../../electron/core/import/pipeline.js';
import { makeVault, tempDir } from '../helpers/temp-vault.js';
import { makeStudySet, writeCdFolder } from '../fixtures/dicom/cd-folder.js';
import { makePdf } from '../fixtures/documents/pdf.js';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

describe('import progress', () => {
  it('reports increasing filesDone and bytesDone, the total, and the file being imported', async () => {
    const { vault, cleanup } = await makeVault();
    cleanups.push(cleanup);
    const dir = tempDir('dossier-progress-');
    const cd = path.join(dir, 'cd');
    mkdirSync(cd);
    const written = writeCdFolder(cd, makeStudySet({ studies: 1, series: 2, instances: 10 }));
    writeFileSync(path.join(dir, 'report.pdf'), await makePdf({ pages: [['Radiology Report', 'IMPRESSION: normal.']] }));

    const events: ImportProgress[] = [];
    const summary = await new Importer(vault, { onProgress: (p) => events.push({ ...p }) }).importPaths([cd, path.join(dir, 'report.pdf')]);
    expect(summary.imported).toBe(21);

    for (let i = 1; i < events.length; i++) {
      expect(events[i]!.filesDone).toBeGreaterThanOrEqual(events[i - 1]!.filesDone);
      expect(events[i]!.bytesDone).toBeGreaterThanOrEqual(events[i - 1]!.bytesDone);
    }
    const last = events[events.length - 1]!;
    // 20 instances + the PDF imported; DICOMDIR, AUTORUN.INF, README.TXT and the viewer skipped.
    expect(last.filesDone).toBe(25);
    expect(last.filesTotal).toBe(25);
    expect(last.filesDone).toBeLessThanOrEqual(last.filesTotal!);
    const importedBytes = written.reduce((n, rel) => n + (vault.db.prepare('SELECT size FROM files WHERE original_path = ?').get(path.join(cd, ...rel.split('/'))) as { size: number }).size, 0);
    expect(last.bytesDone).toBeGreaterThan(importedBytes); // instances + the PDF + the skipped files' bytes
    // Each file is announced (currentFile) before its outcome is counted.
    const announced = events.filter((e) => e.currentFile).map((e) => e.currentFile);
    for (const rel of written) expect(announced).toContain(path.join(cd, ...rel.split('/')));
    expect(announced).toContain(path.join(dir, 'report.pdf'));
    const firstAnnounce = events.findIndex((e) => e.currentFile === path.join(dir, 'report.pdf'));
    expect(events[firstAnnounce]!.filesDone).toBeLessThan(25); // announced before it is counted
    // filesDone steps through every value: no file is counted twice or left out of the count.
    const seen = new Set(events.map((e) => e.filesDone));
    for (let n = 1; n <= 25; n++) expect(seen.has(n), `filesDone ${n}`).toBe(true);
  });
});
