// The runtime list of API method and event names. shared/api.ts only has types; the IPC handler
// and the browser host need a real list to refuse unknown names before anything reaches the core.
// `satisfies Record<…>` makes the compiler fail when a method is added to the contract but not here.
import type { ApiEvent, ApiMethod } from '../../shared/api.js';

const METHOD_TABLE = {
  'vault.status': true,
  'vault.create': true,
  'vault.unlock': true,
  'vault.lock': true,
  'vault.changePassphrase': true,
  'vault.recover': true,
  'vault.check': true,
  'vault.backup': true,
  'settings.setAutoLock': true,
  'people.list': true,
  'people.create': true,
  'people.update': true,
  'records.list': true,
  'records.get': true,
  'records.update': true,
  'records.delete': true,
  'records.restore': true,
  'records.emptyTrash': true,
  'records.identities': true,
  'records.thumbnail': true,
  'import.paths': true,
  'cases.list': true,
  'cases.get': true,
  'cases.create': true,
  'cases.update': true,
  'cases.delete': true,
  'cases.setRecords': true,
  'cases.setQuestions': true,
  'cases.shareHistory': true,
  'export.preview': true,
  'export.run': true,
  'export.verify': true,
} as const satisfies Record<ApiMethod, true>;

const EVENT_TABLE = {
  'import.progress': true,
  'export.progress': true,
  'vault.locked': true,
} as const satisfies Record<ApiEvent, true>;

export const API_METHODS = Object.keys(METHOD_TABLE) as ApiMethod[];
export const API_EVENTS = Object.keys(EVENT_TABLE) as ApiEvent[];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(METHOD_TABLE, name);
}

export function isApiEvent(name: unknown): name is ApiEvent {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(EVENT_TABLE, name);
}
