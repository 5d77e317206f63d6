// Every transfer syntax and character set a hospital CD may use goes through the import pipeline
// (CLI → vault) and comes out with its study grouping and patient name intact.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeDicomInstance, type FixtureSyntax, type InstanceOptions } from '../fixtures/dicom/instance.js';
import { newUid } from '../../electron/core/base/ids.js';
import { cliVault, type CliVault, type Listed, type Outcome } from './cli-vault.js';

const hex = (s: string): Uint8Array => Uint8Array.from(s.trim().split(/\s+/).map((h) => Number.parseInt(h, 16)));

const SYNTAXES: FixtureSyntax[] = ['explicitLE', 'implicitLE', 'explicitBE', 'deflate', 'jpeg', 'rle'];

/** Patient names in the character sets of PS3.5 (Japanese bytes from Annex H.3.1). */
const NAMES: { label: string; options: InstanceOptions; expected: string }[] = [
  {
    label: 'Japanese (ISO 2022 IR 87)',
    options: {
      charset: '\\ISO 2022 IR 87',
      patientName: hex(`59 61 6d 61 64 61 5e 54 61 72 6f 75 3d 1b 24 42 3b 33 45 44 1b 28 42 5e 1b 24 42 42 40 4f 3a
            1b 28 42 3d 1b 24 42 24 64 24 5e 24 40 1b 28 42 5e 1b 24 42 24 3f 24 6d 24 26 1b 28 42`),
    },
    expected: 'Yamada^Tarou=山田^太郎=やまだ^たろう',
  },
  { label: 'Cyrillic (ISO_IR 144)', options: { charset: 'ISO_IR 144', patientName: 'Иванов^Иван' }, expected: 'Иванов^Иван' },
  { label: 'Greek (ISO_IR 126)', options: { charset: 'ISO_IR 126', patientName: 'Παπαδόπουλος^Νίκος' }, expected: 'Παπαδόπουλος^Νίκος' },
  { label: 'Latin-1 (ISO_IR 100)', options: { charset: 'ISO_IR 100', patientName: 'Buc^Jérôme' }, expected: 'Buc^Jérôme' },
  { label: 'Korean (UTF-8)', options: { charset: 'ISO_IR 192', patientName: 'Hong^Gildong=洪^吉洞=홍^길동' }, expected: 'Hong^Gildong=洪^吉洞=홍^길동' },
  { label: 'Greek (PS3.5 example)', options: { charset: 'ISO_IR 126', patientName: 'Διονυσιος^Νικος' }, expected: 'Διονυσιος^Νικος' },
  { label: 'Hebrew (ISO_IR 138)', options: { charset: 'ISO_IR 138', patientName: 'שרון^דבורה' }, expected: 'שרון^דבורה' },
  { label: 'Cyrillic (PS3.5 example)', options: { charset: 'ISO_IR 144', patientName: 'Люксембург^Гене' }, expected: 'Люксембург^Гене' },
  { label: 'Latin (ASCII)', options: { patientName: 'Jones^Alan^^Dr' }, expected: 'Jones^Alan^^Dr' },
];

/** What a person types to find a patient (each = group, with and without ^), and whose study it is. */
const NAME_SEARCHES: [query: string, label: string][] = [
  ['Jones', 'Latin (ASCII)'],
  ['Alan Jones', 'Latin (ASCII)'],
  ['Yamada', 'Japanese (ISO 2022 IR 87)'],
  ['山田', 'Japanese (ISO 2022 IR 87)'],
  ['やまだ', 'Japanese (ISO 2022 IR 87)'],
  ['Διονυσιος', 'Greek (PS3.5 example)'],
  ['שרון', 'Hebrew (ISO_IR 138)'],
  ['Люксембург', 'Cyrillic (PS3.5 example)'],
  ['Иванов', 'Cyrillic (ISO_IR 144)'],
  ['Jérôme', 'Latin-1 (ISO_IR 100)'],
  ['홍', 'Korean (UTF-8)'],
];

let cli: CliVault;
let outcomes: Outcome[];
let listed: Listed[];
const studyUID = newUid();
const seriesUID = newUid();
const charsetStudies = NAMES.map(() => newUid());

beforeAll(async () => {
  cli = await cliVault('dossier-syntax-');
  const dir = path.join(cli.root, 'in');
  mkdirSync(dir);
  const common = { studyInstanceUID: studyUID, seriesInstanceUID: seriesUID, rows: 16, columns: 16, studyDescription: 'SYNTAX STUDY' };
  SYNTAXES.forEach((syntax, i) => writeFileSync(path.join(dir, `${syntax}.dcm`), makeDicomInstance({ ...common, transferSyntax: syntax, instanceNumber: i + 1 })));
  // A Part 10 file whose 128-byte preamble and meta header were stripped (old CD writers do this).
  writeFileSync(path.join(dir, 'bare-dataset'), makeDicomInstance({ ...common, transferSyntax: 'implicitLE', preamble: false, instanceNumber: 7 }));
  NAMES.forEach((n, i) =>
    writeFileSync(path.join(dir, `name${i}`), makeDicomInstance({ ...n.options, studyInstanceUID: charsetStudies[i]!, studyDescription: n.label, rows: 16, columns: 16 })),
  );
  outcomes = cli.importJson([dir]);
  listed = cli.list();
});

describe('transfer syntaxes and character sets', () => {
  it('imports an instance in every transfer syntax, and one without preamble, into one study record', () => {
    expect(outcomes.filter((o) => o.status !== 'imported')).toEqual([]);
    expect(outcomes).toHaveLength(SYNTAXES.length + 1 + NAMES.length);
    const study = listed.find((r) => r.studyInstanceUID === studyUID)!;
    expect(study).toMatchObject({ kind: 'imaging', instanceCount: 7, seriesCount: 1, studyDescription: 'SYNTAX STUDY', modalities: ['CT'] });
    const shown = cli.show(study.id);
    expect(shown.files.map((f) => f.originalName).sort()).toEqual([...SYNTAXES.map((s) => `${s}.dcm`), 'bare-dataset'].sort());
    expect(shown.files.every((f) => f.format === 'dicom')).toBe(true);
  });

  it.each(NAME_SEARCHES)('a search for "%s" finds the %s study (and no other)', (query, label) => {
    const wanted = listed.find((r) => r.studyInstanceUID === charsetStudies[NAMES.findIndex((n) => n.label === label)]);
    expect(wanted).toBeDefined();
    expect(cli.list(['--search', query]).map((r) => r.id)).toEqual([wanted!.id]);
  });

  it.each(NAMES.map((n, i) => [n.label, i] as const))('shows the %s patient name correctly', (_label, i) => {
    const record = listed.find((r) => r.studyInstanceUID === charsetStudies[i]);
    expect(record?.patientName).toBe(NAMES[i]!.expected);
  });
});
