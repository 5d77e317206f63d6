// records.*, people.*, files.* and import.*: the library, the trash, people, stored bytes, imports.
import type { ImportOutcome, ImportProgress, ImportSummary } from '../../../../shared/domain.js';
import { FILE_READ_MAX_BYTES } from '../../../../shared/api.js';
import { allRecords, listRecords, getRecord, updateRecord, updateRecords } from '../../records/record-store.js';
import { deleteRecords, restoreRecords, emptyTrash } from '../../records/trash.js';
import { carriedIdentities, identityReport } from '../../records/identity.js';
import { listPeople, createPerson, updatePerson } from '../../records/people-store.js';
import { resolveFile } from '../../records/file-lookup.js';
import { Importer } from '../../import/pipeline.js';
import type { ImportSource } from '../../import/source.js';
import type { Handlers, HandlerContext } from './types.js';

type RecordMethods =
  | 'people.list'
  | 'people.create'
  | 'people.update'
  | 'records.list'
  | 'records.get'
  | 'records.update'
  | 'records.updateMany'
  | 'records.delete'
  | 'records.restore'
  | 'records.trash'
  | 'records.emptyTrash'
  | 'records.identities'
  | 'files.read'
  | 'import.paths'
  | 'import.cancel';

export function recordHandlers(ctx: HandlerContext): Pick<Handlers, RecordMethods> {
  const { session } = ctx;
  const db = () => session.open().db;
  return {
    'people.list': () => listPeople(db()),
    'people.create': (p) => createPerson(db(), p),
    'people.update': ({ id, ...patch }) => updatePerson(db(), id, patch),

    'records.list': (q) => listRecords(db(), q),
    'records.get': ({ id }) => getRecord(db(), id),
    'records.update': ({ id, patch }) => updateRecord(db(), id, patch),
    'records.updateMany': ({ ids, patch }) => ({ updated: updateRecords(db(), ids, patch) }),
    'records.delete': ({ ids }) => (deleteRecords(db(), ids), { ok: true as const }),
    'records.restore': ({ ids }) => ({ restored: restoreRecords(db(), ids) }),
    'records.trash': () => allRecords(db(), {}, 'trash'),
    'records.emptyTrash': async () => ({ purged: await emptyTrash(session.open()) }),
    'records.identities': () => identityReport(carriedIdentities(db())),

    'files.read': async ({ id, start = 0, length = FILE_READ_MAX_BYTES }) => {
      const vault = session.open();
      const file = resolveFile(vault.db, id);
      const reader = await vault.blobs.open(file.blobId);
      try {
        const from = Math.min(start, reader.size);
        const bytes = await reader.read(from, Math.min(reader.size, from + Math.min(length, FILE_READ_MAX_BYTES)));
        return { name: file.originalName, size: reader.size, start: from, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
      } finally {
        await reader.close();
      }
    },
    'import.paths': ({ paths, ocr }) => runImport(ctx, (importer) => importer.importPaths(paths), ocr),
    'import.cancel': () => {
      session.cancelImports();
      return { ok: true as const };
    },
  };
}

/** Imports with the session's stop signal; outcomes are announced as each batch commits. */
export function runImport(ctx: HandlerContext, run: (importer: Importer) => Promise<ImportSummary>, ocr?: boolean): Promise<ImportSummary> {
  let committed: ImportOutcome[] = [];
  const flush = () => {
    if (committed.length) ctx.emit('import.outcomes', committed);
    committed = [];
  };
  return ctx.session.withImportSignal(async (signal) => {
    const vault = ctx.session.open();
    let last: ImportProgress = { filesDone: 0, filesTotal: null, bytesDone: 0, currentFile: '' };
    const importer = new Importer(vault, {
      signal,
      ocr: ocr ?? vault.settings.ocr,
      onProgress: (p) => ctx.emit('import.progress', (last = p)),
      onPageProgress: ({ done, total, currentFile }) => ctx.emit('import.progress', { ...last, currentFile, readingText: { done, total } }),
      onOutcome: (o) => {
        if (!committed.length) queueMicrotask(flush);
        committed.push(o);
      },
    });
    try {
      return await run(importer);
    } finally {
      flush();
    }
  });
}

export function importSources(ctx: HandlerContext, sources: ImportSource[]): Promise<ImportSummary> {
  return runImport(ctx, (importer) => importer.importSources(sources));
}
