// One well-formed params object for every API method. Typed against the contract, so adding a
// method to shared/api.ts fails the typecheck until it has an entry here — and with it, the
// malformed-params and locked-vault tests cover the new method too.
import os from 'node:os';
import path from 'node:path';
import type { ApiMethod, ApiParams } from '../../shared/api.js';

/** A well-formed id (12 hex digits) that names nothing in any vault. */
export const SOME_ID = '0123456789ab';
const SOME_PATH = path.join(os.tmpdir(), 'dossier-valid-params-nowhere');

export const VALID_PARAMS: { [K in ApiMethod]: ApiParams<K> } = {
  'vault.status': {},
  'vault.create': { passphrase: 'a passphrase nobody uses' },
  'vault.unlock': { passphrase: 'not the passphrase of any test vault' },
  'vault.lock': { reason: 'user' },
  'vault.changePassphrase': { current: 'not the passphrase', next: 'another passphrase' },
  'vault.recover': { recoveryKey: 'AAAA-BBBB-CCCC', newPassphrase: 'another passphrase' },
  'vault.check': {},
  'vault.rebuildIndex': { passphrase: 'not the passphrase of any test vault' },
  'vault.activity': {},
  'vault.backup': { destination: SOME_PATH },
  'settings.setAutoLock': { minutes: 5 },

  'people.list': {},
  'people.create': { name: 'Jane Doe' },
  'people.update': { id: SOME_ID, name: 'Jane Roe' },

  'records.list': { limit: 10 },
  'records.get': { id: SOME_ID },
  'records.update': { id: SOME_ID, patch: { title: 'A title' } },
  'records.updateMany': { ids: [SOME_ID], patch: { addTags: ['a tag'] } },
  'records.delete': { ids: [SOME_ID] },
  'records.restore': { ids: [SOME_ID] },
  'records.trash': {},
  'records.emptyTrash': {},
  'records.identities': {},
  'records.thumbnail': { id: SOME_ID },
  'records.storeThumbnail': { id: SOME_ID, image: new Uint8Array(8) },
  'images.series': { recordId: SOME_ID },
  'images.frame': { fileId: SOME_ID, frame: 0 },
  'documents.view': { recordId: SOME_ID },

  'import.paths': { paths: [SOME_PATH] },
  'import.cancel': {},
  'files.read': { id: SOME_ID },

  'cases.list': {},
  'cases.get': { id: SOME_ID },
  'cases.create': { title: 'Second opinion' },
  'cases.update': { id: SOME_ID, patch: { title: 'Second opinion' } },
  'cases.delete': { id: SOME_ID },
  'cases.setRecords': { id: SOME_ID, recordIds: [SOME_ID] },
  'cases.addRecords': { id: SOME_ID, recordIds: [SOME_ID] },
  'cases.setQuestions': { id: SOME_ID, questions: ['Is surgery needed?'] },
  'cases.shareHistory': { id: SOME_ID },

  'caseItems.add': { caseId: SOME_ID, item: { what: 'Pathology slides' } },
  'caseItems.update': { id: SOME_ID, patch: { what: 'Pathology blocks' } },
  'caseItems.delete': { id: SOME_ID },

  'opinions.list': { caseId: SOME_ID },
  'opinions.add': { caseId: SOME_ID, opinion: { by: 'Dr Who' } },
  'opinions.update': { id: SOME_ID, patch: { by: 'Dr No' } },
  'opinions.delete': { id: SOME_ID },
  'opinions.compare': { caseId: SOME_ID },
  'opinions.mark': { caseId: SOME_ID, topic: 'diagnosis', agreement: 'agree' },

  'health.list': {},
  'health.add': { kind: 'condition', text: 'Asthma' },
  'health.update': { id: SOME_ID, patch: { text: 'Asthma' } },
  'health.delete': { id: SOME_ID },
  'health.getHistory': { personId: null },
  'health.setHistory': { personId: null, text: 'Appendix out in 1999.' },

  'export.preview': { all: true },
  'export.run': { all: true, destination: { kind: 'folder', path: SOME_PATH } },
  'export.verify': { path: SOME_PATH },
};

/** A value of a different JSON type than `value` (for "wrong type in one field"). */
export function wrongTypeFor(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'twelve';
  if (typeof value === 'boolean') return 'yes';
  if (value === null) return 12345;
  if (Array.isArray(value)) return 'not a list';
  if (value instanceof Uint8Array) return 'not bytes';
  if (typeof value === 'object') return 'not an object';
  return 12345;
}
