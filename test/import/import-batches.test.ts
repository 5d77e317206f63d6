// Bulk actions through the real service: records imported together share an import id (the
// case picker adds "the whole CD import"); several records are assigned, tagged, added to a case
// or deleted at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createDossierService, type DossierService } from '../../electron/core/service/service.js';
import type { ImportSummary, Person, RecordSummary } from '../../shared/domain.js';
import type { RecordPage } from '../../shared/api.js';
import type { CaseDetail } from '../../shared/cases.js';
import { FAST_KDF, tempDir } from '../helpers/temp-vault.js';
import { makePdf } from '../fixtures/documents/pdf.js';
import type { IdentityReport } from '../../shared/domain.js';

let service: DossierService;
let root: string;
const call = <T>(method: string, params: unknown) => service.call(method, params) as Promise<T>;

function folderOf(name: string, count: number): string {
  const dir = path.join(root, name);
  mkdirSync(dir);
  for (let i = 0; i < count; i++) writeFileSync(path.join(dir, `note-${i}.txt`), `${name} note ${i}\nLab results, reference range 1-2, collected today.`);
  return dir;
}

beforeAll(async () => {
  root = tempDir('dossier-batches-');
  service = createDossierService({ vaultDir: path.join(root, 'vault'), kdfCost: FAST_KDF });
  await call('vault.create', { passphrase: 'correct horse battery staple' });
});
afterAll(async () => {
  await service?.close();
});

describe('records imported together', () => {
  let first: ImportSummary;
  let second: ImportSummary;
  beforeAll(async () => {
    first = await call<ImportSummary>('import.paths', { paths: [folderOf('cd', 3)] });
    second = await call<ImportSummary>('import.paths', { paths: [folderOf('portal', 2)] });
  });

  it('share an import id, and know how many came with them', async () => {
    const all = (await call<RecordPage>('records.list', {})).records;
    const ofFirst = all.filter((r) => first.recordIds.includes(r.id));
    expect(new Set(ofFirst.map((r) => r.importId)).size).toBe(1);
    expect(ofFirst.every((r) => r.importSize === 3)).toBe(true);
    const importId = ofFirst[0]!.importId!;
    expect(all.filter((r) => second.recordIds.includes(r.id)).every((r) => r.importId !== importId && r.importSize === 2)).toBe(true);
    const together = await call<RecordPage>('records.list', { importId });
    expect(together.records.map((r) => r.id).sort()).toEqual([...first.recordIds].sort());
  });

  it('count only live records of their import, in the list and the detail alike', async () => {
    const [gone, ...kept] = first.recordIds;
    await call('records.delete', { ids: [gone!] });
    try {
      const listed = (await call<RecordPage>('records.list', { ids: kept })).records;
      expect(listed.map((r) => r.importSize)).toEqual([2, 2]);
      expect((await call<RecordSummary>('records.get', { id: kept[0]! })).importSize).toBe(2);
      expect((await call<RecordPage>('records.list', { ids: second.recordIds })).records.map((r) => r.importSize)).toEqual([2, 2]);
    } finally {
      await call('records.restore', { ids: [gone!] });
    }
  });

  it('are assigned to a person and tagged at once', async () => {
    const person = await call<Person>('people.create', { name: 'Mary Doe' });
    const result = await call<{ updated: number }>('records.updateMany', { ids: first.recordIds, patch: { personId: person.id, addTags: ['cd', 'breast clinic'] } });
    expect(result.updated).toBe(3);
    const mine = (await call<RecordPage>('records.list', { personId: person.id })).records;
    expect(mine.map((r) => r.id).sort()).toEqual([...first.recordIds].sort());
    expect(mine.every((r: RecordSummary) => r.tags.includes('cd') && r.tags.includes('breast clinic'))).toBe(true);
    await call('records.updateMany', { ids: [first.recordIds[0]!], patch: { addTags: ['cd'] } });
    expect((await call<RecordPage>('records.list', { ids: [first.recordIds[0]!] })).records[0]!.tags.filter((t) => t === 'cd')).toHaveLength(1);
  });

  it('are added to a case without duplicates, after what it had', async () => {
    const c = await call<CaseDetail>('cases.create', { title: 'Second opinion' });
    await call('cases.setRecords', { id: c.id, recordIds: [second.recordIds[0]!] });
    const added = await call<CaseDetail>('cases.addRecords', { id: c.id, recordIds: [...first.recordIds, second.recordIds[0]!] });
    expect(added.recordIds).toEqual([second.recordIds[0], ...first.recordIds]);
  });
});

describe('the order of one import', () => {
  // The first file takes longest to read: its record must still come first, whatever finishes first.
  const names = ['Zeta^Anna', 'Alpha^Ben', 'Mu^Carla', 'Beta^Dan'];
  let summary: ImportSummary;
  beforeAll(async () => {
    const dir = path.join(root, 'ordered');
    mkdirSync(dir);
    const longPages = Array.from({ length: 150 }, (_, p) => Array.from({ length: 40 }, (_, l) => `Page ${p} line ${l}: pathology findings, margins clear.`));
    writeFileSync(path.join(dir, 'a-long.pdf'), await makePdf({ pages: [[`Patient: ${names[0]!.replace('^', ', ')}`, 'Pathology report'], ...longPages] }));
    names.slice(1).forEach((n, i) => writeFileSync(path.join(dir, `${'bcd'[i]}-note.txt`), `Patient: ${n.replace('^', ', ')}\nClinic letter.`));
    summary = await call<ImportSummary>('import.paths', { paths: [dir] });
  });

  it('keeps the order of the files: newest-imported first is the reverse of the folder', async () => {
    const listed = (await call<RecordPage>('records.list', { ids: summary.recordIds, sort: 'imported-desc' })).records;
    expect(listed.map((r) => r.patientName)).toEqual(['Beta^Dan', 'Mu^Carla', 'Alpha^Ben', 'Zeta^Anna']);
  });

  it('names the sides of an identity conflict in that order too', async () => {
    const report = await call<IdentityReport>('records.identities', {});
    const names = report.conflicts.find((c) => c.kind === 'names')!.sides.map((s) => s.name);
    expect(names.filter((n) => /Zeta|Alpha|Mu|Beta/.test(n ?? ''))).toEqual(['Zeta^Anna', 'Alpha^Ben', 'Mu^Carla', 'Beta^Dan']);
  });
});
