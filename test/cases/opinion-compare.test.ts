// The comparison of opinions is a pure function: per topic, agree / differ / single, with the
// person's overrides holding only for the values they were made on.
import { describe, expect, it } from 'vitest';
import type { Opinion } from '../../shared/cases.js';
import { automaticAgreement, compareOpinions, topicKey, topicRef, valuesKey } from '../../electron/core/cases/opinion-compare.js';
import { normalizeForComparison } from '../../shared/text-compare.js';

function opinion(id: string, fields: Partial<Opinion>): Opinion {
  return { id, caseId: 'c', by: `Dr ${id}`, role: 'second', date: null, recordId: null, recordTitle: null, diagnosis: '', stage: '', treatment: '', urgency: '', notes: '', answers: [], createdAt: '', ...fields };
}

const QUESTIONS = ['Is surgery needed?', 'Should I get a PET scan?', 'Can I travel?'];
const A = opinion('a', { diagnosis: 'Adenocarcinoma,  stage IB', treatment: 'Lobectomy', answers: [{ question: 'Is surgery needed?', answer: 'Yes' }, { question: 'Can I travel?', answer: 'Yes, after surgery' }] });
const B = opinion('b', { diagnosis: 'adenocarcinoma stage ib.', treatment: 'Stereotactic radiotherapy', urgency: 'Within 4 weeks', answers: [{ question: 'is surgery needed', answer: 'No' }] });

describe('normalised text equality', () => {
  it('ignores case, whitespace and punctuation, but not a sign after a word', () => {
    expect(normalizeForComparison('  Adenocarcinoma,\tStage IB. ')).toBe('adenocarcinoma stage ib');
    expect(automaticAgreement(['HER2-positive', 'her2 positive'])).toBe('agree');
    expect(automaticAgreement(['ER+, HER2-', 'ER+, HER2'])).toBe('differ');
    expect(automaticAgreement(['Lobectomy', 'Radiotherapy'])).toBe('differ');
    expect(automaticAgreement(['only one'])).toBe('single');
  });
});

describe('compareOpinions', () => {
  it('marks each topic agree, differ or single, and leaves out topics nobody spoke to', () => {
    const c = compareOpinions([A, B], QUESTIONS);
    expect(c.opinions).toEqual([{ id: 'a', by: 'Dr a', date: null, role: 'second' }, { id: 'b', by: 'Dr b', date: null, role: 'second' }]);
    const marks = Object.fromEntries(c.topics.map((t) => [t.topic, t.agreement]));
    expect(marks).toEqual({ diagnosis: 'agree', treatment: 'differ', urgency: 'single', 'question 1': 'differ', 'question 3': 'single' });
    const q1 = c.topics.find((t) => t.topic === 'question 1')!;
    expect(q1).toMatchObject({ question: 'Is surgery needed?', values: { a: 'Yes', b: 'No' }, automatic: 'differ', overridden: false });
  });

  it('applies an override only while the values are the ones it was made on', () => {
    const values = { a: 'Lobectomy', b: 'Stereotactic radiotherapy' };
    const marks = new Map([[topicKey({ field: 'treatment' }), { agreement: 'agree' as const, valuesKey: valuesKey(values) }]]);
    const treatment = compareOpinions([A, B], QUESTIONS, marks).topics.find((t) => t.topic === 'treatment')!;
    expect(treatment).toMatchObject({ agreement: 'agree', automatic: 'differ', overridden: true });
    const changed = opinion('b', { ...B, treatment: 'Chemotherapy first' });
    const after = compareOpinions([A, changed], QUESTIONS, marks).topics.find((t) => t.topic === 'treatment')!;
    expect(after).toMatchObject({ agreement: 'differ', overridden: false });
  });

  it('names topics the way the comparison shows them, questions by their text', () => {
    expect(topicRef('stage', QUESTIONS)).toEqual({ field: 'stage' });
    expect(topicRef('question 2', QUESTIONS)).toEqual({ question: 'Should I get a PET scan?' });
    expect(topicRef('question 9', QUESTIONS)).toBeUndefined();
    expect(topicRef('mood', QUESTIONS)).toBeUndefined();
    expect(topicKey({ question: 'Is surgery needed?' })).toBe(topicKey({ question: 'is surgery NEEDED' }));
  });
});
