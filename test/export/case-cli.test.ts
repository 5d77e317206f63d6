// 1. Import one patient's records with the CLI, build a case, and read it back.
import { describe, it, expect, beforeAll } from 'vitest';
import { buildScenario, showCase, QUESTION, PROVIDER, QUESTIONS, type Scenario } from './scenario.js';

let s: Scenario;
beforeAll(async () => {
  s = await buildScenario();
});

describe('case building through the CLI', () => {
  it('imports 2 studies, 3 PDFs and a photo as separate records', () => {
    const imaging = s.records.filter((r) => r.kind === 'imaging');
    const documents = s.records.filter((r) => r.kind === 'document');
    expect(imaging.map((r) => r.studyInstanceUID).sort()).toEqual([...s.source.studyUIDs].sort());
    expect(imaging.map((r) => [r.seriesCount, r.instanceCount])).toEqual(expect.arrayContaining([[2, 5], [2, 4]]));
    expect(documents).toHaveLength(4);
  });

  it('case show --json has the question, provider, every record and the questions in order', () => {
    const c = showCase(s);
    expect(c.question).toBe(QUESTION);
    expect(c.provider.name).toBe(PROVIDER);
    expect(c.questions).toEqual(QUESTIONS);
    expect([...c.recordIds].sort()).toEqual(s.records.map((r) => r.id).sort());
    expect(c.identityConflicts).toEqual([]);
    expect(c.shares).toEqual([]);
  });

  it('case list shows the case with its record count', () => {
    const list = JSON.parse(s.run(['case', 'list', '--json']).stdout) as { id: string; recordCount: number }[];
    expect(list).toEqual([expect.objectContaining({ id: s.caseId, recordCount: 6 })]);
  });
});
