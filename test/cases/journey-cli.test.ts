// The journey of a case through the CLI (which goes through the service API): provider,
// credentials, insurance, status; slides sent separately; two opinions compared — the acceptance
// case: the same diagnosis written differently agrees, different treatments differ, a question
// only one opinion answered is "single".
import { describe, it, expect, beforeAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CaseDetail, CaseItem, CaseSummary, Opinion, OpinionComparison } from '../../shared/cases.js';
import { json } from '../helpers/cli.js';
import { makePdf } from '../fixtures/documents/pdf.js';
import { cliVault, type CliVault } from '../import/cli-vault.js';

let cli: CliVault;
let caseId: string;
let letterId: string;
const QUESTIONS = ['Is surgery the right treatment?', 'Do I need a PET scan first?'];
const compare = () => json<OpinionComparison>(cli.run(['case', 'compare', caseId, '--json']));
const mark = (c: OpinionComparison, topic: string) => c.topics.find((t) => t.topic === topic);

beforeAll(async () => {
  cli = await cliVault('dossier-journey-');
  const letter = path.join(cli.root, 'letter.pdf');
  writeFileSync(letter, await makePdf({ pages: [['Dear colleague,', 'Second opinion on the lung nodule.']] }));
  letterId = cli.importJson([letter])[0]!.recordId!;
  caseId = json<{ id: string }>(cli.run(['case', 'create', '--title', 'Lung nodule', '--json'])).id;
  for (const q of QUESTIONS) expect(cli.run(['case', 'questions', caseId, '--add', q]).status).toBe(0);
});

describe('provider and journey', () => {
  it('case update sets provider, credentials, insurance, cost, appointment and status; list shows the status', () => {
    const res = cli.run([
      'case', 'update', caseId,
      '--provider-name', 'Dr Ada Second', '--provider-institution', 'University Hospital', '--provider-specialty', 'Thoracic oncology',
      '--provider-credentials', 'Board certified (ABIM), licence 12345', '--credentials-checked', '2024-05-02', '--provider-contact', 'ada@example.org',
      '--insurance', 'Covered at 80% after deductible', '--preauth', 'Approved, ref PA-778', '--cost', 'About 450 EUR',
      '--appointment', '2024-06-14', '--status', 'records-sent', '--records-sent-by', 'portal',
    ]);
    expect(res.status, res.stderr).toBe(0);
    const c = json<CaseDetail>(cli.run(['case', 'show', caseId, '--json']));
    expect(c.provider).toMatchObject({ name: 'Dr Ada Second', institution: 'University Hospital', specialty: 'Thoracic oncology', credentials: 'Board certified (ABIM), licence 12345', credentialsCheckedOn: '2024-05-02', contact: 'ada@example.org' });
    expect(c.journey).toMatchObject({ status: 'records-sent', appointmentDate: '2024-06-14', recordsSentBy: 'portal', insurance: 'Covered at 80% after deductible', preAuthorization: 'Approved, ref PA-778', cost: 'About 450 EUR' });
    expect(json<CaseSummary[]>(cli.run(['case', 'list', '--json']))[0]!.journey.status).toBe('records-sent');
    expect(cli.run(['case', 'list']).stdout).toMatch(/\[Records sent, appointment 2024-06-14\]/);
    expect(cli.run(['case', 'show', caseId]).stdout).toMatch(/Credentials: Board certified \(ABIM\), licence 12345 \(checked on 2024-05-02\)/);
  });

  it('a status outside the list is a usage error naming the choices; a bad date is refused by the API', () => {
    const bad = cli.run(['case', 'update', caseId, '--status', 'done']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--status must be one of: planning, records-sent, appointment, opinion-received, closed/);
    const date = cli.run(['case', 'update', caseId, '--appointment', '14/06/2024']);
    expect(date.status).toBe(1);
    expect(date.stderr).toMatch(/a date must look like 2024-03-05/);
  });
});

describe('items sent separately', () => {
  it('tracks slides from request to shipment, dating each status', () => {
    const added = json<CaseItem>(cli.run(['case', 'item', 'add', caseId, '--what', 'Pathology slides (12, H&E)', '--from', 'City Pathology Lab', '--date', '2024-05-03', '--json']));
    expect(added).toMatchObject({ status: 'requested', from: 'City Pathology Lab', dates: { requested: '2024-05-03' } });
    const sent = json<CaseItem>(cli.run(['case', 'item', 'update', added.id, '--status', 'sent', '--carrier', 'UPS', '--tracking', '1Z999AA10123456784', '--date', '2024-05-10', '--json']));
    expect(sent).toMatchObject({ status: 'sent', carrier: 'UPS', tracking: '1Z999AA10123456784', dates: { requested: '2024-05-03', sent: '2024-05-10' } });
    const c = json<CaseDetail>(cli.run(['case', 'show', caseId, '--json']));
    expect(c.items.map((i) => i.id)).toEqual([added.id]);
    expect(cli.run(['case', 'show', caseId]).stdout).toMatch(/Pathology slides \(12, H&E\) \(from City Pathology Lab\) — Sent \(requested 2024-05-03, sent 2024-05-10\), UPS 1Z999AA10123456784/);
  });
});

describe('opinions compared', () => {
  beforeAll(() => {
    const a = cli.run(['opinion', 'add', caseId, '--by', 'Dr Local', '--first', '--date', '2024-04-20', '--diagnosis', 'Adenocarcinoma, stage IB', '--stage', 'IB', '--treatment', 'Lobectomy', '--answer', '1=Yes', '--answer', '2=Yes, before surgery']);
    expect(a.status, a.stderr).toBe(0);
    const b = cli.run(['opinion', 'add', caseId, '--by', 'Dr Ada Second', '--date', '2024-06-14', '--record', letterId, '--diagnosis', 'adenocarcinoma   STAGE IB', '--treatment', 'Stereotactic radiotherapy', '--urgency', 'Within 4 weeks', '--answer', '1=No']);
    expect(b.status, b.stderr).toBe(0);
  });

  it('opinion list has both, the first opinion first, with the letter and the answers by question', () => {
    const list = json<Opinion[]>(cli.run(['opinion', 'list', caseId, '--json']));
    expect(list.map((o) => [o.by, o.role])).toEqual([['Dr Local', 'first'], ['Dr Ada Second', 'second']]);
    expect(list[1]).toMatchObject({ recordId: letterId, recordTitle: expect.any(String), answers: [{ question: QUESTIONS[0], answer: 'No' }] });
  });

  it('case compare --json: diagnosis agree, treatment differ, a question answered once single', () => {
    const c = compare();
    const [first, second] = c.opinions;
    expect(c.opinions.map((o) => ({ by: o.by, date: o.date }))).toEqual([{ by: 'Dr Local', date: '2024-04-20' }, { by: 'Dr Ada Second', date: '2024-06-14' }]);
    expect(mark(c, 'diagnosis')).toMatchObject({ agreement: 'agree', values: { [first!.id]: 'Adenocarcinoma, stage IB', [second!.id]: 'adenocarcinoma   STAGE IB' } });
    expect(mark(c, 'treatment')?.agreement).toBe('differ');
    expect(mark(c, 'stage')?.agreement).toBe('single');
    expect(mark(c, 'urgency')?.agreement).toBe('single');
    expect(mark(c, 'question 1')).toMatchObject({ agreement: 'differ', question: QUESTIONS[0] });
    expect(mark(c, 'question 2')).toMatchObject({ agreement: 'single', question: QUESTIONS[1] });
  });

  it('the person can override a mark and take the override back', () => {
    expect(cli.run(['opinion', 'mark', caseId, 'treatment', 'agree']).status).toBe(0);
    expect(mark(compare(), 'treatment')).toMatchObject({ agreement: 'agree', automatic: 'differ', overridden: true });
    expect(cli.run(['case', 'compare', caseId]).stdout).toMatch(/Recommended treatment: AGREE \(your mark\)/);
    expect(cli.run(['opinion', 'mark', caseId, 'treatment', 'auto']).status).toBe(0);
    expect(mark(compare(), 'treatment')).toMatchObject({ agreement: 'differ', overridden: false });
    const single = cli.run(['opinion', 'mark', caseId, 'question', '2', 'agree']);
    expect(single.status).toBe(1);
    expect(single.stderr).toMatch(/Only one opinion speaks to "question 2"/);
  });

  it('an answer to a question the case does not have is a usage error', () => {
    const res = cli.run(['opinion', 'add', caseId, '--by', 'Dr Three', '--answer', '5=Maybe']);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/N a question number from 1 to 2/);
  });
});
