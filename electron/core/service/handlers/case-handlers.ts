// cases.* and export.*: second-opinion requests and the bundles handed over for them.
import { listCases, getCase, createCase, updateCase, deleteCase, setCaseRecords, addCaseRecords, setCaseQuestions, listShares } from '../../cases/case-store.js';
import { exportBundle } from '../../export/export-bundle.js';
import { previewBundle } from '../../export/bundle-preview.js';
import { verifyBundle } from '../../bundle/verify.js';
import type { Handlers, HandlerContext } from './types.js';

type CaseMethods =
  | 'cases.list'
  | 'cases.get'
  | 'cases.create'
  | 'cases.update'
  | 'cases.delete'
  | 'cases.setRecords'
  | 'cases.addRecords'
  | 'cases.setQuestions'
  | 'cases.shareHistory'
  | 'export.preview'
  | 'export.run'
  | 'export.verify';

export function caseHandlers({ session, appVersion, emit }: HandlerContext): Pick<Handlers, CaseMethods> {
  const db = () => session.open().db;
  return {
    'cases.list': () => listCases(db()),
    'cases.get': ({ id }) => getCase(db(), id),
    'cases.create': (input) => createCase(db(), input),
    'cases.update': ({ id, patch }) => updateCase(db(), id, patch),
    'cases.delete': ({ id }) => (deleteCase(db(), id), { ok: true as const }),
    'cases.setRecords': ({ id, recordIds }) => setCaseRecords(db(), id, recordIds),
    'cases.addRecords': ({ id, recordIds }) => addCaseRecords(db(), id, recordIds),
    'cases.setQuestions': ({ id, questions }) => setCaseQuestions(db(), id, questions),
    'cases.shareHistory': ({ id }) => listShares(db(), id),

    'export.preview': (p) => previewBundle(session.open(), p, appVersion),
    'export.run': (req) =>
      exportBundle(session.open(), {
        ...(req.caseId ? { caseId: req.caseId } : {}),
        ...(req.recordIds ? { recordIds: req.recordIds } : {}),
        ...(req.all ? { all: true } : {}),
        destination: req.destination,
        ...(req.zipPassword ? { zipPassword: req.zipPassword } : {}),
        ...(req.reportsAsDicom ? { reportsAsDicom: true } : {}),
        ...(req.viewerImages === false ? { viewerImages: false } : {}),
        ...(req.allowIdentityMismatch ? { allowIdentityMismatch: true } : {}),
        ...(req.replaceExisting ? { overwrite: true } : {}),
        appVersion,
        onProgress: (p) => emit('export.progress', p),
      }),
    'export.verify': ({ path, zipPassword }) => verifyBundle(path, zipPassword ? { password: zipPassword } : {}),
  };
}
