import { describe, expect, it } from 'vitest';
import { decodeDicomString, parseCharacterSets } from '../../electron/core/dicom/charset.js';
import { parseDicomInstance } from '../../electron/core/dicom/parse.js';
import { makeDicomInstance } from '../fixtures/dicom/instance.js';

const hex = (s: string): Uint8Array => Uint8Array.from(s.trim().split(/\s+/).map((h) => Number.parseInt(h, 16)));

/** Examples from PS3.5 Annexes H (Japanese), I (Korean) and J (Chinese), byte for byte. */
const ANNEX_EXAMPLES: { name: string; charset: string; bytes: string; expected: string }[] = [
  {
    name: 'H.3.1 ISO 2022 IR 87 (Kanji + Hiragana)',
    charset: '\\ISO 2022 IR 87',
    bytes: `59 61 6d 61 64 61 5e 54 61 72 6f 75 3d 1b 24 42 3b 33 45 44 1b 28 42 5e 1b 24 42 42 40 4f 3a
            1b 28 42 3d 1b 24 42 24 64 24 5e 24 40 1b 28 42 5e 1b 24 42 24 3f 24 6d 24 26 1b 28 42`,
    expected: 'Yamada^Tarou=山田^太郎=やまだ^たろう',
  },
  {
    name: 'H.3.2 ISO 2022 IR 13 + IR 87 (half-width Katakana)',
    charset: 'ISO 2022 IR 13\\ISO 2022 IR 87',
    bytes: `d4 cf c0 de 5e c0 db b3 3d 1b 24 42 3b 33 45 44 1b 28 4a 5e 1b 24 42 42 40 4f 3a 1b 28 4a 3d
            1b 24 42 24 64 24 5e 24 40 1b 28 4a 5e 1b 24 42 24 3f 24 6d 24 26 1b 28 4a`,
    expected: 'ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう',
  },
  {
    name: 'I.2 ISO 2022 IR 149 (Korean)',
    charset: '\\ISO 2022 IR 149',
    bytes: `48 6f 6e 67 5e 47 69 6c 64 6f 6e 67 3d 1b 24 29 43 fb f3 5e 1b 24 29 43 d1 ce d4 d7 3d
            1b 24 29 43 c8 ab 5e 1b 24 29 43 b1 e6 b5 bf`,
    expected: 'Hong^Gildong=洪^吉洞=홍^길동',
  },
  {
    name: 'J.3 ISO 2022 IR 58 (GB 2312)',
    charset: '\\ISO 2022 IR 58',
    bytes: '5a 68 61 6e 67 5e 58 69 61 6f 44 6f 6e 67 3d 1b 24 29 41 d5 c5 5e 1b 24 29 41 d0 a1 b6 ab 3d 20',
    expected: 'Zhang^XiaoDong=张^小东=',
  },
  {
    name: 'J.1 GB18030',
    charset: 'GB18030',
    bytes: '57 61 6e 67 5e 58 69 61 6f 44 6f 6e 67 3d cd f5 5e d0 a1 b6 ab 3d 20',
    expected: 'Wang^XiaoDong=王^小东=',
  },
  {
    name: 'J.2 ISO_IR 192 (UTF-8)',
    charset: 'ISO_IR 192',
    bytes: '57 61 6e 67 5e 58 69 61 6f 44 6f 6e 67 3d e7 8e 8b 5e e5 b0 8f e6 9d b1 3d 20',
    expected: 'Wang^XiaoDong=王^小東=',
  },
  {
    name: 'ISO_IR 144 (Cyrillic)',
    charset: 'ISO_IR 144',
    bytes: 'b8 d2 d0 dd de d2 5e b8 d2 d0 dd',
    expected: 'Иванов^Иван',
  },
  {
    name: 'ISO_IR 100 (Latin-1)',
    charset: 'ISO_IR 100',
    bytes: '42 75 63 5e 4a e9 72 f4 6d 65',
    expected: 'Buc^Jérôme',
  },
  {
    name: 'ISO 2022 IR 100 with an explicit escape to G1',
    charset: 'ISO 2022 IR 6\\ISO 2022 IR 100',
    bytes: '42 75 63 5e 1b 2d 41 4a e9 72 f4 6d 65',
    expected: 'Buc^Jérôme',
  },
];

describe('Specific Character Set decoding (PS3.5 annex examples)', () => {
  for (const example of ANNEX_EXAMPLES) {
    it(`decodes ${example.name}`, () => {
      const decoded = decodeDicomString(hex(example.bytes), parseCharacterSets(example.charset), true);
      expect(decoded.trimEnd()).toBe(example.expected);
    });

    it(`decodes ${example.name} as PatientName from a file`, () => {
      const file = makeDicomInstance({ charset: example.charset, patientName: hex(example.bytes) });
      expect(parseDicomInstance(file).patient.name).toBe(example.expected.trimEnd());
    });
  }

  it.each([
    ['ISO_IR 126', 'Διονυσιος^Νικος'],
    ['ISO_IR 138', 'שרון^דבורה'],
    ['ISO_IR 127', 'قباني^لنزار'],
    ['ISO_IR 144', 'Люксембург^Иван'],
    ['ISO_IR 100', 'Müller^Zoë'],
  ])('round-trips a %s name written by the fixture encoder', (charset, name) => {
    expect(parseDicomInstance(makeDicomInstance({ charset, patientName: name })).patient.name).toBe(name);
  });

  it('does not split a JIS X 0208 character whose bytes look like ^ or =', () => {
    // 0x3D 0x5E in a two-byte G0 set is one Kanji (JIS row 0x3D), not a delimiter.
    const bytes = hex('41 3d 1b 24 42 3d 5e 1b 28 42');
    const decoded = decodeDicomString(bytes, parseCharacterSets('\\ISO 2022 IR 87'), true);
    expect(decoded).toBe(`A=${new TextDecoder('euc-jp').decode(hex('bd de'))}`);
    expect(decoded).not.toContain('^');
  });

  it('treats an absent character set as the default repertoire', () => {
    expect(decodeDicomString(hex('44 6f 65 5e 4a 61 6e 65'), [], true)).toBe('Doe^Jane');
  });
});
