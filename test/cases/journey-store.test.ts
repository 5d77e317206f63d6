// The stores behind the journey, on a real vault: answers and marks follow a question whose wording
// is edited; an item's status change is dated; health items follow the person of their record.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createCase, setCaseQuestions } from '../../electron/core/cases/case-store.js';
import { addCaseItem, updateCaseItem } from '../../electron/core/cases/case-items.js';
import { addOpinion, compareCaseOpinions, listOpinions, markTopic } from '../../electron/core/cases/opinion-store.js';
import { addHealthItem, listHealthItems } from '../../electron/core/health/health-store.js';
import { createPerson } from '../../electron/core/records/people-store.js';
import { updateRecord } from '../../electron/core/records/record-store.js';
import { Importer } from '../../electron/core/import/pipeline.js';
import { bytesSource } from '../../electron/core/import/source.js';
import { makeHealthBundle } from '../fixtures/documents/fhir.js';
import { makeVault } from '../helpers/temp-vault.js';
import type { Vault } from '../../electron/core/vault/vault.js';

let vault: Vault;
let cleanup: () => void;
beforeAll(async () => {
  ({ vault, cleanup } = await makeVault());
});
afterAll(() => cleanup());

describe('questions, answers and marks', () => {
  it('an edited question keeps its answers and its mark; a moved one too', () => {
    const db = vault.db;
    const c = createCase(db, { title: 'Biopsy' });
    setCaseQuestions(db, c.id, ['Is it cancer?', 'What next?']);
    addOpinion(db, c.id, { by: 'A', treatment: 'Surgery', answers: [{ question: 'Is it cancer?', answer: 'Yes' }] });
    addOpinion(db, c.id, { by: 'B', treatment: 'Surgery', answers: [{ question: 'Is it cancer?', answer: 'Probably' }] });
    markTopic(db, c.id, 'question 1', 'agree');
    setCaseQuestions(db, c.id, ['What next?', 'Is it cancer, and which kind?']);
    const compared = compareCaseOpinions(db, c.id).topics.find((t) => t.question === 'Is it cancer, and which kind?');
    expect(compared).toMatchObject({ topic: 'question 2', agreement: 'agree', overridden: true });
    expect(listOpinions(db, c.id).map((o) => o.answers)).toEqual([[{ question: 'Is it cancer, and which kind?', answer: 'Yes' }], [{ question: 'Is it cancer, and which kind?', answer: 'Probably' }]]);
  });

  it('a status reached gets today\'s date unless one is given', () => {
    const c = createCase(vault.db, { title: 'Slides' });
    const item = addCaseItem(vault.db, c.id, { what: 'Block A3', date: '2024-01-02' });
    const today = new Date().toISOString().slice(0, 10);
    expect(updateCaseItem(vault.db, item.id, { status: 'received' }).dates).toEqual({ requested: '2024-01-02', received: today });
  });
});

describe('health items and people', () => {
  it('suggestions belong to the person their record is assigned to; typed items to the person given', async () => {
    await new Importer(vault).importSources([bytesSource('summary.json', 'summary.json', Buffer.from(JSON.stringify(makeHealthBundle())))]);
    const db = vault.db;
    expect(listHealthItems(db, { personId: null }).length).toBe(7);
    const mother = createPerson(db, { name: 'Mary Testperson', relation: 'Mother' });
    const record = listHealthItems(db)[0]!.sources[0]!.recordId;
    updateRecord(db, record, { personId: mother.id });
    expect(listHealthItems(db, { personId: mother.id }).length).toBe(7);
    expect(listHealthItems(db, { personId: null })).toEqual([]);
    addHealthItem(db, { kind: 'medication', text: 'Aspirin 100 mg', personId: mother.id });
    const self = createPerson(db, { name: 'Jane Testperson' });
    addHealthItem(db, { kind: 'medication', text: 'Aspirin 100 mg', personId: self.id });
    expect(listHealthItems(db, { personId: mother.id, kind: 'medication' }).map((i) => i.text)).toEqual(expect.arrayContaining(['Aspirin 100 mg', 'Metformin 500 mg tablet']));
    expect(listHealthItems(db, { personId: self.id }).map((i) => i.text)).toEqual(['Aspirin 100 mg']);
    expect(() => addHealthItem(db, { kind: 'condition', text: 'Asthma', fields: { clinicalStatus: 'stopped' } })).toThrow(/A condition cannot be "stopped"/);
  });
});
