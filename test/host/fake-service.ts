// In-memory stand-in for the core service (electron/core/service/service.ts), used by host unit
// tests and for developing the UI. Plausible data, no persistence, no crypto.
import type { ApiEvent, VaultStatus, RecordQuery } from '../../shared/api.js';
import type { CaseDetail } from '../../shared/cases.js';
import type { ImportSummary, Person, RecordDetail, RecordType } from '../../shared/domain.js';
import type { ApiErrorShape } from '../../shared/errors.js';
import type { HostedService } from '../../electron/host/hosted-service.js';

function fail(code: ApiErrorShape['code'], message: string): never {
  throw { code, message } satisfies ApiErrorShape;
}

export interface FakeService extends HostedService {
  calls: { method: string; params: unknown }[];
  emit(event: ApiEvent, payload: unknown): void;
}

export function createFakeService(options: { records?: number } = {}): FakeService {
  let passphrase: string | null = null;
  let unlocked = false;
  let autoLockMinutes = 10;
  const records = new Map<string, RecordDetail & { deleted?: boolean }>();
  const cases = new Map<string, CaseDetail>();
  const people = new Map<string, Person>();
  const listeners = new Set<(event: ApiEvent, payload: unknown) => void>();
  const calls: { method: string; params: unknown }[] = [];
  let seq = 0;

  const status = (): VaultStatus => ({ path: '/fake/vault', exists: passphrase !== null, unlocked, autoLockMinutes });
  const emit = (event: ApiEvent, payload: unknown): void => listeners.forEach((l) => l(event, payload));
  const addRecord = (title: string, type: RecordType, date: string | null, sizeBytes: number, text = ''): string => {
    const id = `r${++seq}`;
    records.set(id, {
      id, kind: type === 'imaging' ? 'imaging' : 'document', type, title, date, patientName: 'DOE^JANE', patientId: 'P1',
      patientBirthDate: '1970-01-01', personId: null, institution: 'General Hospital', sourceFileCount: 1, sizeBytes,
      format: type === 'imaging' ? 'dicom' : 'pdf', tags: [], typeGuessed: true, dateGuessed: false,
      importedAt: new Date().toISOString(), notes: '', series: [], files: [], metadata: {}, textPreview: text,
    });
    return id;
  };
  for (let i = 0; i < (options.records ?? 0); i++) addRecord(`Report ${i + 1}`, 'radiology-report', '2024-01-01', 1000 + i);

  const requireUnlocked = (): void => {
    if (!unlocked) fail('locked', 'The vault is locked. Unlock it to continue.');
  };
  const getRecord = (id: string): RecordDetail => records.get(id) ?? fail('not-found', 'That record no longer exists.');
  const getCase = (id: string): CaseDetail => cases.get(id) ?? fail('not-found', 'That case no longer exists.');

  const handlers: Record<string, (p: Record<string, unknown>) => unknown> = {
    'vault.status': () => status(),
    'vault.create': (p) => {
      if (passphrase !== null) fail('vault-exists', 'A vault already exists here.');
      passphrase = String(p.passphrase);
      unlocked = true;
      return { recoveryKey: 'ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789' };
    },
    'vault.unlock': (p) => {
      if (p.passphrase !== passphrase) fail('wrong-passphrase', 'That passphrase is not right. Check Caps Lock and try again.');
      unlocked = true;
      return status();
    },
    'vault.lock': () => {
      unlocked = false;
      emit('vault.locked', { reason: 'user' });
      return status();
    },
    'settings.setAutoLock': (p) => ((autoLockMinutes = Number(p.minutes)), status()),
    'people.list': () => [...people.values()],
    'people.create': (p) => {
      const person: Person = { id: `p${++seq}`, name: String(p.name), birthDate: (p.birthDate as string | null | undefined) ?? null, relation: String(p.relation ?? '') };
      people.set(person.id, person);
      return person;
    },
    'people.update': (p) => Object.assign(people.get(String(p.id)) ?? fail('not-found', 'That person no longer exists.'), p),
    'records.list': (p) => {
      requireUnlocked();
      const q = p as RecordQuery;
      return [...records.values()]
        .filter((r) => !r.deleted || q.includeDeleted)
        .filter((r) => !q.search || `${r.title} ${r.textPreview}`.toLowerCase().includes(q.search.toLowerCase()))
        .filter((r) => !q.type || r.type === q.type)
        .filter((r) => !q.personId || r.personId === q.personId);
    },
    'records.get': (p) => (requireUnlocked(), getRecord(String(p.id))),
    'records.update': (p) => Object.assign(getRecord(String(p.id)), p.patch),
    'records.delete': (p) => ((records.get(String(p.id)) ?? fail('not-found', 'Gone.')).deleted = true, { ok: true }),
    'records.restore': (p) => ((records.get(String(p.id)) ?? fail('not-found', 'Gone.')).deleted = false, { ok: true }),
    'records.identities': () => ({ groups: [], conflicts: [] }),
    'records.thumbnail': () => ({ dataUrl: null }),
    'cases.list': () => [...cases.values()],
    'cases.get': (p) => getCase(String(p.id)),
    'cases.update': (p) => Object.assign(getCase(String(p.id)), p.patch),
    'cases.create': (p) => {
      const id = `c${++seq}`;
      const now = new Date().toISOString();
      const c: CaseDetail = {
        id, title: String(p.title), question: String(p.question ?? ''), personId: null,
        provider: { name: '', institution: '', contact: '', notes: '' }, recordCount: 0, totalBytes: 0, questionCount: 0,
        createdAt: now, updatedAt: now, lastExportAt: null, recordIds: [], questions: [], shares: [], identityConflicts: [],
      };
      cases.set(id, c);
      return c;
    },
    'cases.setRecords': (p) => Object.assign(getCase(String(p.id)), { recordIds: p.recordIds }),
    'cases.setQuestions': (p) => Object.assign(getCase(String(p.id)), { questions: p.questions }),
    'cases.shareHistory': () => [],
  };

  return {
    calls,
    emit,
    async call(method, params) {
      calls.push({ method, params });
      const h = handlers[method] ?? fail('internal', `The fake service does not implement ${method}.`);
      return h((params ?? {}) as Record<string, unknown>);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async importUploaded(files) {
      requireUnlocked();
      const summary: ImportSummary = { outcomes: [], imported: 0, duplicates: 0, skipped: 0, recordIds: [] };
      files.forEach((f, i) => {
        emit('import.progress', { filesDone: i, filesTotal: files.length, bytesDone: 0, currentFile: f.name });
        const id = addRecord(f.name, 'other', null, f.bytes.length, new TextDecoder().decode(f.bytes.subarray(0, 2000)));
        summary.outcomes.push({ path: f.name, status: 'imported', recordId: id });
        summary.recordIds.push(id);
        summary.imported++;
      });
      return summary;
    },
    async close() {},
  };
}
