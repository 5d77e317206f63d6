// dossier import | list | show | cat
import { createWriteStream, promises as fsp } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { RecordSummary, RecordDetail, RecordType } from '../../../../shared/domain.js';
import { RECORD_TYPES } from '../../../../shared/domain.js';
import { Importer } from '../../import/pipeline.js';
import { listRecords, getRecord } from '../../records/record-store.js';
import { resolveFile } from '../../records/file-lookup.js';
import { DossierError } from '../../vault/errors.js';
import { withVault, print, printJson, type Options } from '../context.js';
import { ProgressBar, formatBytes } from '../terminal.js';

export async function importCommand(options: Options, paths: string[]): Promise<number> {
  if (!paths.length) throw new DossierError('invalid-params', 'Say what to import: dossier import PATH...');
  return withVault(options, async (vault) => {
    const bar = new ProgressBar();
    let files = { done: 0, total: 0, bytes: 0 };
    const importer = new Importer(vault, {
      ocr: !options['no-ocr'],
      onProgress: (p) => {
        files = { done: p.filesDone, total: p.filesTotal ?? 0, bytes: p.bytesDone };
        bar.update(files.done, files.total, files.bytes, p.currentFile);
      },
      onPageProgress: (p) => bar.update(files.done, files.total, files.bytes, `${p.currentFile} — reading text: ${p.done} of ${p.total} pages`),
      // Each line is printed only once the file is safely committed (a killed run loses nothing it printed).
      onOutcome: (o) => {
        if (options.json) return;
        bar.clear();
        const detail = o.status === 'imported' ? `→ ${o.recordId}` : o.status === 'duplicate' ? `(already in record ${o.recordId})` : `— ${o.reason}`;
        print(`${o.status.padEnd(9)} ${o.path} ${detail}`);
      },
    });
    const summary = await importer.importPaths(paths.map((p) => path.resolve(p)));
    bar.clear();
    if (options.json) {
      printJson(summary.outcomes);
    } else {
      print('');
      print(`${summary.imported} imported, ${summary.duplicates} duplicate(s), ${summary.skipped} skipped — ${summary.recordIds.length} record(s) created or updated.`);
    }
    return 0;
  });
}

/** The stable JSON shape of `dossier list --json` (documented in docs/cli.md). */
export function listJson(r: RecordSummary): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id: r.id,
    kind: r.kind,
    type: r.type,
    title: r.title,
    date: r.date,
    patientName: r.patientName,
    patientId: r.patientId,
    patientBirthDate: r.patientBirthDate,
    sourceFileCount: r.sourceFileCount,
    sizeBytes: r.sizeBytes,
    format: r.format,
    institution: r.institution,
    tags: r.tags,
  };
  if (r.kind === 'imaging')
    Object.assign(base, {
      studyInstanceUID: r.studyInstanceUID,
      modalities: r.modalities,
      seriesCount: r.seriesCount,
      instanceCount: r.instanceCount,
      studyDescription: r.studyDescription,
    });
  else Object.assign(base, { pageCount: r.pageCount, textChars: r.textChars, typeGuessed: r.typeGuessed, dateGuessed: r.dateGuessed });
  return base;
}

function showJson(d: RecordDetail): Record<string, unknown> {
  return {
    ...listJson(d),
    notes: d.notes,
    series: d.series.map((s) => ({ seriesInstanceUID: s.seriesInstanceUID, modality: s.modality, seriesDescription: s.seriesDescription, seriesNumber: s.seriesNumber ?? null, instanceCount: s.instanceCount })),
    files: d.files,
    metadata: d.metadata,
  };
}

export async function list(options: Options): Promise<number> {
  if (options.type && !(RECORD_TYPES as readonly string[]).includes(options.type))
    throw new DossierError('invalid-params', `Unknown type "${options.type}". Types: ${RECORD_TYPES.join(', ')}.`);
  return withVault(options, async (vault) => {
    const records = listRecords(vault.db, {
      ...(options.search ? { search: options.search, sort: 'relevance' as const } : {}),
      ...(options.type ? { type: options.type as RecordType } : {}),
    });
    if (options.json) {
      printJson(records.map(listJson));
      return 0;
    }
    if (!records.length) print(options.search ? 'No records match.' : 'The vault has no records yet. Add some with: dossier import PATH');
    for (const r of records)
      print(`${r.id}  ${(r.date ?? '----------').padEnd(10)}  ${r.type.padEnd(17)}  ${r.title}  (${r.sourceFileCount} file${r.sourceFileCount === 1 ? '' : 's'}, ${formatBytes(r.sizeBytes)})`);
    return 0;
  });
}

export async function show(options: Options, id: string | undefined): Promise<number> {
  if (!id) throw new DossierError('invalid-params', 'Say which record: dossier show ID');
  return withVault(options, async (vault) => {
    const d = getRecord(vault.db, id);
    if (options.json) {
      printJson(showJson(d));
      return 0;
    }
    print(`${d.title}`);
    print(`  id ${d.id} · ${d.type}${d.typeGuessed ? ' (guessed)' : ''} · ${d.date ?? 'no date'}${d.dateGuessed ? ' (guessed)' : ''}`);
    if (d.patientName || d.patientId) print(`  patient ${d.patientName ?? ''} ${d.patientId ? `(ID ${d.patientId})` : ''} ${d.patientBirthDate ? `born ${d.patientBirthDate}` : ''}`);
    if (d.institution) print(`  from ${d.institution}`);
    for (const s of d.series) print(`  series ${s.seriesNumber ?? '-'} ${s.modality} ${s.seriesDescription} — ${s.instanceCount} image(s)`);
    print(`  ${d.files.length} file(s), ${formatBytes(d.sizeBytes)}:`);
    for (const f of d.files.slice(0, 20)) print(`    ${f.id}  ${f.originalName}  ${formatBytes(f.sizeBytes)}`);
    if (d.files.length > 20) print(`    … and ${d.files.length - 20} more`);
    return 0;
  });
}

export async function cat(options: Options, id: string | undefined): Promise<number> {
  if (!id) throw new DossierError('invalid-params', 'Say which record or file: dossier cat ID [--out FILE]');
  return withVault(options, async (vault) => {
    const file = resolveFile(vault.db, id);
    const reader = await vault.blobs.open(file.blobId);
    try {
      if (options.out) {
        const out = path.resolve(options.out);
        const tmp = `${out}.partial`;
        const ws = createWriteStream(tmp, { mode: 0o600 });
        for await (const chunk of reader.stream()) if (!ws.write(chunk)) await once(ws, 'drain');
        ws.end();
        await once(ws, 'finish');
        await fsp.rename(tmp, out);
      } else {
        for await (const chunk of reader.stream()) if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
      }
    } finally {
      await reader.close();
    }
    return 0;
  });
}
