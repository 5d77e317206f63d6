// Acceptance: a FHIR R4 bundle (Condition, MedicationStatement, AllergyIntolerance…) and a C-CDA
// with problems, medications and allergies import into health items linked to their records;
// the same facts from both are one item; re-importing adds no duplicates; the person's review
// sticks; items come back from the stored files alone after the index is lost.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { HealthItem } from '../../shared/health.js';
import { json } from '../helpers/cli.js';
import { makeHealthBundle } from '../fixtures/documents/fhir.js';
import { makeHealthCcd } from '../fixtures/documents/cda.js';
import { cliVault, type CliVault, type Outcome } from '../import/cli-vault.js';

let cli: CliVault;
let portal: string;
let fhirRecord: string;
let cdaRecord: string;
const health = (...args: string[]): HealthItem[] => json<HealthItem[]>(cli.run(['health', 'list', '--json', ...args]));
const byText = (items: HealthItem[], kind: string, text: RegExp): HealthItem | undefined => items.find((i) => i.kind === kind && text.test(i.text));
const recordOf = (outcomes: Outcome[], file: string): string => outcomes.find((o) => o.path.endsWith(file))!.recordId!;

beforeAll(async () => {
  cli = await cliVault('dossier-health-');
  portal = path.join(cli.root, 'portal');
  mkdirSync(portal);
  writeFileSync(path.join(portal, 'summary.json'), JSON.stringify(makeHealthBundle()));
  writeFileSync(path.join(portal, 'ccd.xml'), makeHealthCcd());
  const outcomes = cli.importJson([portal]);
  fhirRecord = recordOf(outcomes, 'summary.json');
  cdaRecord = recordOf(outcomes, 'ccd.xml');
});

describe('health items from imports', () => {
  it('become suggested items linked to the records they came from, one per kind and meaning', () => {
    const items = health();
    const sources = (kind: string, text: RegExp) => byText(items, kind, text)?.sources.map((s) => s.recordId).sort();
    const both = [fhirRecord, cdaRecord].sort();
    expect(sources('condition', /^Adenocarcinoma of the right upper lobe$/)).toEqual(both);
    expect(sources('medication', /^Metformin 500 mg tablet$/)).toEqual(both);
    expect(sources('allergy', /^penicillin$/i)).toEqual(both); // "Penicillin" and "PENICILLIN": one item
    expect(sources('procedure', /^Right upper lobectomy$/)).toEqual(both);
    expect(sources('condition', /^Appendicitis$/)).toEqual([fhirRecord]);
    expect(sources('medication', /^Tamoxifen 20 mg$/)).toEqual([cdaRecord]);
    expect(sources('procedure', /^Stereotactic body radiation/)).toEqual([cdaRecord]);
    expect(items.filter((i) => /Tuberculosis|Warfarin|Bronchoscopy/.test(i.text))).toEqual([]);
    expect(items.every((i) => i.status === 'suggested' && i.personId === null)).toBe(true);
    expect(items).toHaveLength(10); // 7 from FHIR, 7 from the C-CDA, 4 of them the same
    expect(byText(items, 'allergy', /penicillin/i)!.fields).toMatchObject({ reaction: 'Hives', severity: 'moderate', clinicalStatus: 'active' });
  });

  it('the text listing names the source record of each imported item', () => {
    const out = cli.run(['health', 'list']);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^Medications$/m);
    expect(out.stdout).toMatch(new RegExp(`Appendicitis — diagnosed 1998, resolved .*\\(from record ${fhirRecord}\\)`));
  });

  it('re-importing the same files, or the same facts in another file, adds no item', () => {
    const before = health();
    const again = cli.importJson([portal]);
    expect(again.map((o) => o.status)).toEqual(['duplicate', 'duplicate']);
    writeFileSync(path.join(cli.root, 'summary-pretty.json'), JSON.stringify(makeHealthBundle(), null, 2));
    const other = recordOf(cli.importJson([path.join(cli.root, 'summary-pretty.json')]), 'summary-pretty.json');
    const after = health();
    expect(after.map((i) => i.id).sort()).toEqual(before.map((i) => i.id).sort());
    expect(byText(after, 'condition', /^Appendicitis$/)!.sources.map((s) => s.recordId).sort()).toEqual([fhirRecord, other].sort());
  });

  it('confirm, dismiss and delete stick; a dismissed item stays dismissed when another record states it', () => {
    const items = health();
    const appendicitis = byText(items, 'condition', /^Appendicitis$/)!;
    const metformin = byText(items, 'medication', /Metformin/)!;
    const tamoxifen = byText(items, 'medication', /Tamoxifen/)!;
    expect(cli.run(['health', 'confirm', metformin.id]).status).toBe(0);
    expect(cli.run(['health', 'dismiss', appendicitis.id]).status).toBe(0);
    expect(cli.run(['health', 'delete', tamoxifen.id]).status).toBe(0);
    writeFileSync(path.join(cli.root, 'again.json'), JSON.stringify({ ...makeHealthBundle(), timestamp: '2024-05-01T00:00:00Z' }));
    cli.importJson([path.join(cli.root, 'again.json')]);
    const now = health();
    expect(byText(now, 'medication', /Metformin/)!.status).toBe('confirmed');
    expect(byText(now, 'condition', /^Appendicitis$/)).toBeUndefined();
    expect(byText(health('--all'), 'condition', /^Appendicitis$/)!.status).toBe('dismissed');
    expect(byText(now, 'medication', /Tamoxifen/)).toBeUndefined();
  });

  it('an item the person types is confirmed; typing one an import suggested confirms that one', () => {
    const added = json<HealthItem>(cli.run(['health', 'add', '--kind', 'allergy', '--text', 'Latex', '--detail', 'rash', '--json']));
    expect(added).toMatchObject({ kind: 'allergy', text: 'Latex', status: 'confirmed', sources: [], fields: { detail: 'rash' } });
    const suggested = byText(health(), 'procedure', /^Right upper lobectomy$/)!;
    const typed = json<HealthItem>(cli.run(['health', 'add', '--kind', 'procedure', '--text', 'right upper lobectomy.', '--status', 'completed', '--json']));
    expect(typed.id).toBe(suggested.id);
    expect(typed.status).toBe('confirmed');
    const wrong = cli.run(['health', 'add', '--kind', 'medication', '--text', 'Aspirin', '--status', 'resolved']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/--status must be one of: active, stopped/);
  });

  it('suggestions come back from the stored files alone when the index and its snapshots are lost', () => {
    rmSync(path.join(cli.dir, 'snapshots'), { recursive: true, force: true });
    rmSync(path.join(cli.dir, 'dossier.db'));
    const rebuilt = cli.run(['rebuild-index']);
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    const items = health();
    expect(byText(items, 'condition', /^Adenocarcinoma of the right upper lobe$/)!.sources.map((s) => s.recordId)).toEqual(expect.arrayContaining([fhirRecord, cdaRecord]));
    expect(byText(items, 'allergy', /penicillin/i)!.status).toBe('suggested');
  });
});
