// dossier import | list | show | cat | delete | restore | trash | empty-trash | identities
import { createWriteStream, promises as fsp } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { ImportOutcome, RecordDetail, RecordSummary, RecordType } from '../../../../shared/domain.js';
import { RECORD_TYPES } from '../../../../shared/domain.js';
import { RECORD_PAGE_MAX } from '../../../../shared/api.js';
import { formatBytes, formatDate, plural } from '../../../../shared/format.js';
import { formatPersonName } from '../../../../shared/person-name.js';
import { str, type CliContext } from '../context.js';
import { UsageError } from '../usage-error.js';
import { ProgressBar } from '../terminal.js';
import { JSON_OPTION, PROGRESS_OPTION, type Command } from './command.js';
import { describeConflict } from '../../../../shared/words/identity.js';
import { importedSummary, outcomeReason } from '../../../../shared/words/import.js';

function outcomeLine(o: ImportOutcome): string {
  const detail = o.status === 'imported' ? `→ ${o.recordId}` : o.status === 'duplicate' ? `(already in record ${o.recordId})` : `— ${outcomeReason(o)}`;
  return `${o.status.padEnd(9)} ${o.path} ${detail}`;
}

/** `import --json`: each outcome's codes and fields, and its reason in words (docs/cli.md). */
function outcomeJson(o: ImportOutcome): ImportOutcome & { reason?: string } {
  const reason = outcomeReason(o);
  return { ...o, ...(reason ? { reason } : {}) };
}

const importCommand: Command = {
  name: 'import',
  usage: 'import PATH... [--json] [--no-ocr]   add files, folders, zips, CD folders (--no-ocr: do not read text from photos and scans)',
  options: { ...JSON_OPTION, ...PROGRESS_OPTION, 'no-ocr': { type: 'boolean' } },
  async run(ctx, paths) {
    if (!paths.length) throw new UsageError('Say what to import: dossier import PATH...');
    await ctx.unlock();
    const bar = new ProgressBar(Boolean(ctx.options.progress));
    ctx.on('import.progress', (p) =>
      bar.update(p.filesDone, p.filesTotal ?? 0, p.bytesDone, p.readingText ? `${p.currentFile} — reading text: ${p.readingText.done} of ${p.readingText.total} pages` : p.currentFile),
    );
    // Each line is printed only once its file is committed (a killed run loses nothing it printed).
    if (!ctx.options.json)
      ctx.on('import.outcomes', (list) => {
        bar.clear();
        for (const o of list) ctx.print(outcomeLine(o));
      });
    const summary = await ctx.call('import.paths', { paths: paths.map((p) => path.resolve(p)), ...(ctx.options['no-ocr'] ? { ocr: false } : {}) });
    bar.clear();
    if (ctx.options.json) ctx.printJson(summary.outcomes.map(outcomeJson));
    else {
      ctx.print('');
      ctx.print(`${importedSummary(summary.recordIds.length, summary.imported)} added or updated; ${plural(summary.duplicates, 'duplicate')}, ${plural(summary.indexFiles, 'index file')} read, ${plural(summary.skipped, 'file')} skipped.`);
      if (summary.stopped) ctx.print('The import was stopped; the files listed above are safely in the vault.');
    }
    return summary.stopped ? 130 : 0;
  },
};

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
    Object.assign(base, { studyInstanceUID: r.studyInstanceUID, modalities: r.modalities, seriesCount: r.seriesCount, instanceCount: r.instanceCount, studyDescription: r.studyDescription });
  else Object.assign(base, { pageCount: r.pageCount, textChars: r.textChars, typeGuessed: r.typeGuessed, dateGuessed: r.dateGuessed });
  return base;
}

function showJson(d: RecordDetail): Record<string, unknown> {
  return {
    ...listJson(d),
    notes: d.notes,
    series: d.series.map((s) => ({
      seriesInstanceUID: s.seriesInstanceUID,
      modality: s.modality,
      seriesDescription: s.seriesDescription,
      seriesNumber: s.seriesNumber ?? null,
      instanceCount: s.instanceCount,
      ...(s.noImageData ? { noImageData: true } : {}),
    })),
    files: d.files,
    metadata: d.metadata,
  };
}

function recordLine(r: RecordSummary): string {
  const patient = r.patientName ? `  ${formatPersonName(r.patientName)}` : '';
  return `${r.id}  ${(r.date ?? '----------').padEnd(10)}  ${r.type.padEnd(17)}  ${r.title}${patient}  (${plural(r.sourceFileCount, 'file')}, ${formatBytes(r.sizeBytes)})`;
}

const list: Command = {
  name: 'list',
  usage: 'list [--search Q] [--type T] [--json]',
  options: { ...JSON_OPTION, search: { type: 'string' }, type: { type: 'string' } },
  async run(ctx) {
    const type = str(ctx.options.type);
    if (type && !(RECORD_TYPES as readonly string[]).includes(type)) throw new UsageError(`Unknown type "${type}". Types: ${RECORD_TYPES.join(', ')}.`);
    const search = str(ctx.options.search);
    await ctx.unlock();
    const query = { ...(search ? { search, sort: 'relevance' as const } : {}), ...(type ? { type: type as RecordType } : {}) };
    const records: RecordSummary[] = [];
    for (let total = 1; records.length < total; ) {
      const page = await ctx.call('records.list', { ...query, limit: RECORD_PAGE_MAX, offset: records.length });
      records.push(...page.records);
      total = page.records.length ? page.total : 0;
    }
    if (ctx.options.json) ctx.printJson(records.map(listJson));
    else if (!records.length) ctx.print(search ? 'No records match.' : 'The vault has no records yet. Add some with: dossier import PATH');
    else for (const r of records) ctx.print(recordLine(r));
    return 0;
  },
};

const show: Command = {
  name: 'show',
  usage: 'show ID [--json]',
  options: JSON_OPTION,
  async run(ctx, [id]) {
    if (!id) throw new UsageError('Say which record: dossier show ID');
    await ctx.unlock();
    const d = await ctx.call('records.get', { id });
    if (ctx.options.json) {
      ctx.printJson(showJson(d));
      return 0;
    }
    ctx.print(d.title);
    ctx.print(`  id ${d.id} · ${d.type}${d.typeGuessed ? ' (guessed)' : ''} · ${d.date ?? 'no date'}${d.dateGuessed ? ' (guessed)' : ''}`);
    if (d.patientName || d.patientId)
      ctx.print(`  patient ${formatPersonName(d.patientName)}${d.patientId ? ` (ID ${d.patientId})` : ''}${d.patientBirthDate ? ` born ${formatDate(d.patientBirthDate)}` : ''}`);
    if (d.institution) ctx.print(`  from ${d.institution}`);
    for (const s of d.series)
      ctx.print(`  series ${s.seriesNumber ?? '-'} ${s.modality} ${s.seriesDescription} — ${s.noImageData ? `${plural(s.instanceCount, 'instance')}, no image data` : plural(s.instanceCount, 'image')}`);
    ctx.print(`  ${plural(d.files.length, 'file')}, ${formatBytes(d.sizeBytes)}:`);
    for (const f of d.files.slice(0, 20)) ctx.print(`    ${f.id}  ${f.originalName}  ${formatBytes(f.sizeBytes)}`);
    if (d.files.length > 20) ctx.print(`    … and ${d.files.length - 20} more`);
    return 0;
  },
};

/** Streams a stored file through files.read, a few MiB per call. */
async function copyFile(ctx: CliContext, id: string, write: (bytes: Uint8Array) => Promise<void>): Promise<void> {
  let start = 0;
  for (;;) {
    const chunk = await ctx.call('files.read', { id, start });
    if (chunk.bytes.byteLength) await write(chunk.bytes);
    start += chunk.bytes.byteLength;
    if (start >= chunk.size || !chunk.bytes.byteLength) return;
  }
}

const cat: Command = {
  name: 'cat',
  usage: 'cat ID [--out FILE]          original bytes of a file (or of a single-file record)',
  options: { out: { type: 'string' } },
  async run(ctx, [id]) {
    if (!id) throw new UsageError('Say which record or file: dossier cat ID [--out FILE]');
    await ctx.unlock();
    const out = str(ctx.options.out);
    if (!out) {
      await copyFile(ctx, id, async (b) => {
        if (!process.stdout.write(b)) await once(process.stdout, 'drain');
      });
      return 0;
    }
    const target = path.resolve(out);
    const tmp = `${target}.partial`;
    const ws = createWriteStream(tmp, { mode: 0o600 });
    try {
      await copyFile(ctx, id, async (b) => {
        if (!ws.write(b)) await once(ws, 'drain');
      });
      ws.end();
      await once(ws, 'finish');
      await fsp.rename(tmp, target);
    } catch (err) {
      ws.destroy();
      await fsp.rm(tmp, { force: true });
      throw err;
    }
    return 0;
  },
};

const del: Command = {
  name: 'delete',
  usage: 'delete ID...                 move records to the trash',
  async run(ctx, ids) {
    if (!ids.length) throw new UsageError('Say which records: dossier delete ID...');
    await ctx.unlock();
    await ctx.call('records.delete', { ids });
    for (const id of ids) ctx.print(`moved to the trash: ${id} (dossier restore ${id} brings it back)`);
    return 0;
  },
};

const restore: Command = {
  name: 'restore',
  usage: 'restore ID... | --all        take records back out of the trash',
  options: { all: { type: 'boolean' } },
  async run(ctx, ids) {
    if (!ids.length && !ctx.options.all) throw new UsageError('Say which records: dossier restore ID... (or --all)');
    await ctx.unlock();
    const { restored } = await ctx.call('records.restore', { ids: ctx.options.all ? 'all' : ids });
    ctx.print(`restored: ${plural(restored, 'record')}`);
    return 0;
  },
};

const trash: Command = {
  name: 'trash',
  usage: 'trash [--json]               the records in the trash',
  options: JSON_OPTION,
  async run(ctx) {
    await ctx.unlock();
    const records = await ctx.call('records.trash', {});
    if (ctx.options.json) ctx.printJson(records.map((r) => ({ ...listJson(r), deletedAt: r.deletedAt })));
    else if (!records.length) ctx.print('The trash is empty.');
    else for (const r of records) ctx.print(`${recordLine(r)}  deleted ${r.deletedAt?.slice(0, 10)}`);
    return 0;
  },
};

const emptyTrash: Command = {
  name: 'empty-trash',
  usage: 'empty-trash                  delete the records in the trash for good',
  async run(ctx) {
    await ctx.unlock();
    const { purged } = await ctx.call('records.emptyTrash', {});
    ctx.print(`deleted for good: ${plural(purged, 'record')}, with the stored files no other record uses`);
    return 0;
  },
};

const identities: Command = {
  name: 'identities',
  usage: 'identities [--json]          patient identities the records carry, and conflicts',
  options: JSON_OPTION,
  async run(ctx) {
    await ctx.unlock();
    const report = await ctx.call('records.identities', {});
    if (ctx.options.json) {
      ctx.printJson(report);
      return 0;
    }
    if (!report.groups.length) ctx.print('No record carries a patient identity yet.');
    for (const g of report.groups) {
      const i = g.identity;
      ctx.print(`${formatPersonName(i.name) || '(no name)'}  ID ${i.id ?? '-'}  born ${i.birthDate ? formatDate(i.birthDate) : '-'}  (${i.source}) — ${plural(g.recordIds.length, 'record')}: ${g.recordIds.join(' ')}`);
    }
    if (report.conflicts.length) {
      ctx.print('');
      ctx.print('Possible different people:');
      for (const c of report.conflicts) ctx.print(`  ! ${describeConflict(c)}`);
    }
    return 0;
  },
};

export const RECORD_COMMANDS: Command[] = [importCommand, list, show, cat, del, restore, trash, emptyTrash, identities];
