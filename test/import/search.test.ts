// `dossier list --search`: full-text over titles and extracted text, ranked, with phrases,
// prefixes and a type filter — and no query a person can type produces an error.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makePdf } from '../fixtures/documents/pdf.js';
import { SAMPLE_TEXTS } from '../fixtures/documents/sample-texts.js';
import { cliVault, type CliVault, type Listed, type Outcome } from './cli-vault.js';

let cli: CliVault;
const ids: Record<string, string> = {};
const search = (q: string, extra: string[] = []): string[] => cli.list(['--search', q, ...extra]).map((r) => r.id);
const nameOf = (id: string): string => Object.keys(ids).find((k) => ids[k] === id) ?? id;

beforeAll(async () => {
  cli = await cliVault('dossier-search-');
  const dir = path.join(cli.root, 'docs');
  mkdirSync(dir);
  const filler = (n: number) => [`Page ${n} of the operative record.`, 'The patient tolerated the procedure well.', 'Vital signs were stable throughout.'];
  const pages = Array.from({ length: 9 }, (_, i) => (i === 6 ? [...filler(7), 'A xanthogranulomatous reaction was noted.'] : filler(i + 1)));
  const files: Record<string, Uint8Array> = {
    'nine-pages.pdf': await makePdf({ pages, title: 'Operative record' }),
    'strong.pdf': await makePdf({
      pages: [['Electrophoresis report', 'Serum protein electrophoresis shows a monoclonal band.', 'Repeat electrophoresis in 3 months; electrophoresis pattern stable.']],
      title: 'Electrophoresis report',
    }),
    'weak.pdf': await makePdf({
      pages: [['Clinic letter', 'Dear colleague, thank you for seeing this patient today in the clinic.', 'An electrophoresis was ordered last year.', 'We discussed diet and exercise.']],
      title: 'Clinic letter',
    }),
    'phrase.pdf': await makePdf({ pages: [['Ultrasound note', 'Palpable mass in the left breast upper quadrant.']], title: 'Ultrasound note' }),
    'reversed.pdf': await makePdf({ pages: [['Physio note', 'Breast feeding advice given; left shoulder pain improved.']], title: 'Physio note' }),
    'lab.pdf': await makePdf({ pages: [SAMPLE_TEXTS.lab.split('\n')] }),
    'letter.pdf': await makePdf({ pages: [SAMPLE_TEXTS.letter.split('\n')] }),
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
  const outcomes = cli.importJson([dir]);
  for (const o of outcomes as Outcome[]) {
    expect(o.status, o.path).toBe('imported');
    ids[path.basename(o.path)] = o.recordId!;
  }
}, 60_000);

describe('dossier list --search', () => {
  it('finds a 9-page PDF by a word that appears only on page 7', () => {
    expect(search('xanthogranulomatous').map(nameOf)).toEqual(['nine-pages.pdf']);
    const shown = cli.show(ids['nine-pages.pdf']!);
    expect(shown.pageCount).toBe(9);
  });

  it('ranks a record with the word in its title and several times above one mentioning it once', () => {
    expect(search('electrophoresis').map(nameOf)).toEqual(['strong.pdf', 'weak.pdf']);
  });

  it('matches a quoted phrase only in that order', () => {
    expect(search('left breast').map(nameOf).sort()).toEqual(['letter.pdf', 'phrase.pdf', 'reversed.pdf']);
    expect(search('"left breast"').map(nameOf).sort()).toEqual(['letter.pdf', 'phrase.pdf']);
    expect(search('"breast left"')).toEqual([]);
  });

  it('matches word prefixes (hemo finds hemoglobin)', () => {
    expect(search('hemo').map(nameOf)).toEqual(['lab.pdf']);
    expect(search('HEMOGLOB').map(nameOf)).toEqual(['lab.pdf']);
  });

  it('filters by type, alone and with a search', () => {
    const labs = cli.list(['--type', 'lab']);
    expect(labs.map((r) => nameOf(r.id))).toContain('lab.pdf');
    expect(labs.every((r: Listed) => r.type === 'lab')).toBe(true);
    expect(cli.list(['--type', 'letter']).map((r) => nameOf(r.id))).not.toContain('lab.pdf');
    expect(search('hemoglobin', ['--type', 'letter'])).toEqual([]);
    expect(search('hemoglobin', ['--type', 'lab']).map(nameOf)).toEqual(['lab.pdf']);
    const bad = cli.run(['list', '--type', 'x-ray']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/Unknown type "x-ray"/);
  });

  it.each(['"', '"unterminated', '*', 'hemo*', '-', '-hemoglobin', 'NEAR(', 'NEAR(left breast, 2)', 'AND', 'left AND', 'OR NOT', '^', ':', 'title:left', '(', ')', "'", '{}', '""', 'a"b"c'])(
    'query %j never errors',
    (q) => {
      // --search=Q: a value starting with "-" would otherwise be read as an option (util.parseArgs).
      const res = cli.run(['list', `--search=${q}`, '--json']);
      expect(res.status, res.stderr).toBe(0);
      expect(Array.isArray(JSON.parse(res.stdout))).toBe(true);
    },
  );

  it('reads syntax characters as separators, keeping the words around them', () => {
    expect(search('hemo*').map(nameOf)).toEqual(['lab.pdf']);
    expect(search('"hemoglobin"-').map(nameOf)).toEqual(['lab.pdf']);
    expect(search('NEAR(xanthogranulomatous').map(nameOf)).toEqual([]); // "near" is a word here, and page 7 lacks it
    expect(search('* - " ( )')).toEqual([]);
  });
});
