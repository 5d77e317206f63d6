// Form <-> core mappings of the record, opinion and item dialogs, and the trash count's words.
import { describe, expect, it } from 'vitest';
import type { CaseItem, Opinion } from '../../shared/cases.js';
import type { RecordDetail } from '../../shared/domain.js';
import { itemForm, itemInput, todayIso, withField } from '../../renderer/src/screens/case/item-form.js';
import { opinionAnswers, opinionForm, opinionInput } from '../../renderer/src/screens/case/opinion-form.js';
import { recordForm, recordMetaLine, recordPatch } from '../../renderer/src/screens/record/record-form.js';
import { trashCountText } from '../../renderer/src/screens/settings/useTrashCount.js';

describe('record form', () => {
  const record = {
    id: 'r1', title: 'CT chest', type: 'imaging', date: '2024-03-05', dateGuessed: true, institution: 'City Hospital', sizeBytes: 3 * 1024 * 1024,
    tags: ['lung', 'follow-up'], notes: 'n', personId: null,
  } as unknown as RecordDetail;

  it('shows tags comma-separated and nobody as empty', () => {
    expect(recordForm(record)).toEqual({ title: 'CT chest', type: 'imaging', date: '2024-03-05', tags: 'lung, follow-up', notes: 'n', personId: '' });
  });

  it('trims and splits tags, names an empty title "Untitled", and sends empty date and person as none', () => {
    expect(recordPatch({ title: '  ', type: 'letter', date: '', tags: ' a, ,b ,', notes: 'x', personId: '' })).toEqual({ title: 'Untitled', type: 'letter', date: null, tags: ['a', 'b'], notes: 'x', personId: null });
    expect(recordPatch({ ...recordForm(record), personId: 'p1' })).toMatchObject({ title: 'CT chest', date: '2024-03-05', tags: ['lung', 'follow-up'], personId: 'p1' });
  });

  it('sums the record up in one line, the guessed date marked', () => {
    expect(recordMetaLine(record)).toBe('Imaging study · 5 Mar 2024 (guessed) · City Hospital · 3.0 MB');
    expect(recordMetaLine({ ...record, dateGuessed: false, institution: null } as unknown as RecordDetail)).toBe('Imaging study · 5 Mar 2024 · 3.0 MB');
  });
});

describe('opinion form', () => {
  const opinion = {
    id: 'o1', caseId: 'c1', by: 'Dr Meyer', role: 'first', date: null, recordId: 'r1', recordTitle: 'Letter', diagnosis: 'd', stage: '', treatment: 't', urgency: '', notes: '',
    answers: [{ question: 'Q2', answer: 'yes' }, { question: 'Old question', answer: 'gone' }],
  } as unknown as Opinion;

  it('starts a new opinion as a second opinion, empty', () => {
    expect(opinionForm()).toMatchObject({ by: '', role: 'second', date: '', recordId: '' });
    expect(opinionForm(opinion)).toMatchObject({ by: 'Dr Meyer', role: 'first', date: '', recordId: 'r1', diagnosis: 'd' });
  });

  it('lines answers up with the case questions, and saves every question', () => {
    expect(opinionAnswers(['Q1', 'Q2'], opinion)).toEqual(['', 'yes']);
    const input = opinionInput({ ...opinionForm(opinion), recordId: '' }, ['Q1', 'Q2'], ['no']);
    expect(input.date).toBeNull();
    expect(input.recordId).toBeNull();
    expect(input.answers).toEqual([{ question: 'Q1', answer: 'no' }, { question: 'Q2', answer: '' }]);
  });
});

describe('item form', () => {
  const item = { id: 'i1', caseId: 'c1', what: 'Slides', from: 'Lab', status: 'sent', carrier: '', tracking: '', dates: { requested: '2024-01-02', sent: '2024-01-09' }, notes: '', createdAt: '' } as CaseItem;

  it('dates a new item today and an edited one by its current status', () => {
    expect(itemForm(undefined, '2024-05-01')).toMatchObject({ what: '', status: 'requested', date: '2024-05-01' });
    expect(itemForm(item, '2024-05-01')).toMatchObject({ what: 'Slides', status: 'sent', date: '2024-01-09' });
    expect(todayIso(new Date('2024-05-01T10:00:00Z'))).toBe('2024-05-01');
  });

  it('follows the chosen status with its own date when editing, today when it has none', () => {
    const form = itemForm(item, '2024-05-01');
    expect(withField(form, 'status', 'requested', item, '2024-05-01')).toMatchObject({ status: 'requested', date: '2024-01-02' });
    expect(withField(form, 'status', 'received', item, '2024-05-01')).toMatchObject({ status: 'received', date: '2024-05-01' });
    expect(withField(itemForm(undefined, '2024-05-01'), 'status', 'sent', undefined, '2024-06-01')).toMatchObject({ status: 'sent', date: '2024-05-01' });
    expect(withField(form, 'carrier', 'DHL', item, '2024-05-01')).toMatchObject({ carrier: 'DHL', date: '2024-01-09' });
  });

  it('leaves an empty date out', () => {
    expect(itemInput({ ...itemForm(item, 'x'), date: '' })).not.toHaveProperty('date');
    expect(itemInput(itemForm(item, 'x')).date).toBe('2024-01-09');
  });
});

describe('trashCountText', () => {
  it('says nothing until known, then how many', () => {
    expect(trashCountText(null)).toBe('');
    expect(trashCountText(0)).toBe('The trash is empty.');
    expect(trashCountText(1)).toBe('1 record in the trash.');
    expect(trashCountText(1200)).toBe('1,200 records in the trash.');
  });
});
