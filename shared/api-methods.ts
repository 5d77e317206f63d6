// The one runtime list of API method and event names (shared/api.ts only has types): the IPC
// handler, the browser host and the service refuse unknown names with it. `satisfies Record<…>`
// makes the compiler fail when a method is added to the contract but not here.
import type { ApiEvent, ApiMethod } from './api.js';

const METHOD_TABLE = {
  'vault.status': true,
  'vault.create': true,
  'vault.unlock': true,
  'vault.lock': true,
  'vault.changePassphrase': true,
  'vault.recover': true,
  'vault.check': true,
  'vault.rebuildIndex': true,
  'vault.activity': true,
  'vault.backup': true,
  'settings.setAutoLock': true,
  'people.list': true,
  'people.create': true,
  'people.update': true,
  'records.list': true,
  'records.get': true,
  'records.update': true,
  'records.updateMany': true,
  'records.delete': true,
  'records.restore': true,
  'records.trash': true,
  'records.emptyTrash': true,
  'records.identities': true,
  'records.thumbnail': true,
  'records.storeThumbnail': true,
  'images.series': true,
  'images.frame': true,
  'documents.view': true,
  'import.paths': true,
  'import.cancel': true,
  'files.read': true,
  'cases.list': true,
  'cases.get': true,
  'cases.create': true,
  'cases.update': true,
  'cases.delete': true,
  'cases.setRecords': true,
  'cases.addRecords': true,
  'cases.setQuestions': true,
  'cases.shareHistory': true,
  'caseItems.add': true,
  'caseItems.update': true,
  'caseItems.delete': true,
  'opinions.list': true,
  'opinions.add': true,
  'opinions.update': true,
  'opinions.delete': true,
  'opinions.compare': true,
  'opinions.mark': true,
  'health.list': true,
  'health.add': true,
  'health.update': true,
  'health.delete': true,
  'health.getHistory': true,
  'health.setHistory': true,
  'export.preview': true,
  'export.run': true,
  'export.verify': true,
} as const satisfies Record<ApiMethod, true>;

const EVENT_TABLE = {
  'import.progress': true,
  'import.outcomes': true,
  'export.progress': true,
  'rebuild.progress': true,
  'vault.status': true,
} as const satisfies Record<ApiEvent, true>;

export const API_METHODS = Object.keys(METHOD_TABLE) as ApiMethod[];
export const API_EVENTS = Object.keys(EVENT_TABLE) as ApiEvent[];

/** Methods that answer while the vault is locked; the service refuses every other one with `locked`. */
export const LOCK_FREE_METHODS: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'vault.status',
  'vault.create',
  'vault.unlock',
  'vault.lock',
  'vault.recover',
  'vault.rebuildIndex',
  'vault.activity',
  'import.cancel',
  'export.verify', // checks a bundle on disk, not the vault
]);

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(METHOD_TABLE, name);
}

export function isApiEvent(name: unknown): name is ApiEvent {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(EVENT_TABLE, name);
}
