// The export wizard's rules and words (renderer/src/screens/export/export-logic.ts).
import { describe, expect, it } from 'vitest';
import type { BundlePreview, ExportProgress } from '../../shared/cases.js';
import {
  NOTHING_AGREED, STEPS, STEP_TITLES, contentsText, exportRefusal, exportRequest, progressText, protectionText, recipientText, sizeText, stepLabel, zipPasswordProblem,
} from '../../renderer/src/screens/export/export-logic.js';
import { INTERNAL_MESSAGE } from '../../shared/errors.js';

const preview = (over: Partial<BundlePreview> = {}): BundlePreview => ({
  entries: [{ path: 'DICOM/IM1', bytes: 1000, kind: 'dicom' }, { path: 'INDEX.HTM', bytes: null, kind: 'index' }],
  totalBytes: 2048,
  studyCount: 1,
  documentCount: 2,
  identityConflicts: [],
  viewerImages: { included: true, count: 0, estimatedBytes: 0 },
  ...over,
});
const choices = { caseId: 'c1', kind: 'zip' as const, destination: 'grant-1', password: 'pw', viewerImages: true };

describe('steps', () => {
  it('numbers the four steps in order and titles each', () => {
    expect(STEPS.map(stepLabel)).toEqual(['step 1 of 4', 'step 2 of 4', 'step 3 of 4', 'step 4 of 4']);
    expect(STEP_TITLES.preview).toBe('Check what goes in');
    expect(STEP_TITLES.done).toBe('Bundle ready');
  });
});

describe('zipPasswordProblem', () => {
  it('checks only a zip password that was typed', () => {
    expect(zipPasswordProblem('folder', 'x')).toBeNull();
    expect(zipPasswordProblem('zip', '')).toBeNull();
    expect(zipPasswordProblem('zip', 'x')).toMatch(/\w/);
    expect(zipPasswordProblem('zip', 'a long and decent zip passphrase 42')).toBeNull();
  });
});

describe('exportRequest', () => {
  it('sends the zip password and only the agreements given', () => {
    expect(exportRequest(choices, NOTHING_AGREED)).toEqual({ caseId: 'c1', destination: { kind: 'zip', path: 'grant-1' }, zipPassword: 'pw', viewerImages: true });
    expect(exportRequest(choices, { allowIdentityMismatch: true, replaceExisting: true })).toMatchObject({ allowIdentityMismatch: true, replaceExisting: true });
  });

  it('never sends a password for a folder, nor an empty one', () => {
    expect(exportRequest({ ...choices, kind: 'folder' }, NOTHING_AGREED)).not.toHaveProperty('zipPassword');
    expect(exportRequest({ ...choices, password: '' }, NOTHING_AGREED)).not.toHaveProperty('zipPassword');
    expect(exportRequest({ ...choices, viewerImages: false }, NOTHING_AGREED).viewerImages).toBe(false);
  });
});

describe('exportRefusal', () => {
  it('turns an identity mismatch and an existing bundle into questions, anything else into words', () => {
    const conflict = { kind: 'names', sides: [], recordIds: ['a', 'b'] };
    expect(exportRefusal({ code: 'identity-mismatch', message: 'm', details: { conflicts: [conflict, { nonsense: true }] } })).toEqual({ kind: 'mismatch', conflicts: [conflict] });
    expect(exportRefusal({ code: 'bundle-exists', message: 'there' })).toEqual({ kind: 'exists' });
    expect(exportRefusal({ code: 'disk-full', message: 'The stick is full.' })).toEqual({ kind: 'error', message: 'The stick is full.' });
    expect(exportRefusal(new Error('boom'))).toEqual({ kind: 'error', message: INTERNAL_MESSAGE });
  });
});

describe('preview words', () => {
  it('names the doctor and hospital, or says none is named', () => {
    expect(recipientText({ name: 'Dr Meyer', institution: 'City Hospital' })).toBe('Dr Meyer, City Hospital');
    expect(recipientText({ name: '', institution: 'City Hospital' })).toBe('City Hospital');
    expect(recipientText({ name: '', institution: '' })).toBe('No doctor named yet');
  });

  it('counts studies, documents and questions', () => {
    expect(contentsText(preview(), 0)).toBe('1 imaging study, 2 documents, a summary for the doctor (PDF) and a page to open it all in any browser');
    expect(contentsText(preview({ studyCount: 3, documentCount: 1 }), 2)).toBe('3 imaging studies, 1 document, your 2 questions, a summary for the doctor (PDF) and a page to open it all in any browser');
  });

  it('adds the pictures for the page only when they are included', () => {
    expect(sizeText(preview())).toBe('2.0 KB in 2 files');
    expect(sizeText(preview({ viewerImages: { included: true, count: 40, estimatedBytes: 3 * 1024 * 1024 } }))).toBe('2.0 KB in 2 files, plus about 3.0 MB of pictures for the page');
    expect(sizeText(preview({ viewerImages: { included: false, count: 40, estimatedBytes: 3 * 1024 * 1024 } }))).toBe('2.0 KB in 2 files');
  });

  it('says how the bundle is protected', () => {
    expect(protectionText('folder', 'ignored')).toBe('Plain folder, not encrypted');
    expect(protectionText('zip', 'pw')).toBe('Zip file locked with your password');
    expect(protectionText('zip', '')).toBe('Zip file without a password');
  });
});

describe('progressText', () => {
  it('says what is being written or checked', () => {
    const p: ExportProgress = { filesDone: 3, filesTotal: 10, bytesDone: 1, bytesTotal: 2, currentFile: 'DICOM/IM3', phase: 'writing' };
    expect(progressText(null)).toBe('Preparing…');
    expect(progressText(p)).toBe('Writing 3 of 10 files — DICOM/IM3');
    expect(progressText({ ...p, phase: 'verifying' })).toBe('Checking 3 of 10 files — DICOM/IM3');
  });
});
