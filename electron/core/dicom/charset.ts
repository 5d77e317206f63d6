// Decodes DICOM string values to Unicode per Specific Character Set (0008,0005), PS3.5 §6.1 and
// Annexes H (Japanese), I (Korean), J (Chinese). Node's full ICU supplies the actual codecs; this
// module maps DICOM's defined terms to them and implements ISO 2022 code extension (escape
// sequences switching G0/G1) on top, since WHATWG decoders only know whole-string encodings.

/** Single-value (no code extension) defined terms → WHATWG encoding labels. */
const SINGLE_BYTE: Record<string, string> = {
  '': 'latin1',
  ISO_IR_6: 'latin1',
  ISO_IR_100: 'iso-8859-1',
  ISO_IR_101: 'iso-8859-2',
  ISO_IR_109: 'iso-8859-3',
  ISO_IR_110: 'iso-8859-4',
  ISO_IR_144: 'iso-8859-5',
  ISO_IR_127: 'iso-8859-6',
  ISO_IR_126: 'iso-8859-7',
  ISO_IR_138: 'iso-8859-8',
  ISO_IR_148: 'iso-8859-9',
  ISO_IR_203: 'iso-8859-15',
  ISO_IR_166: 'windows-874',
  ISO_IR_13: 'shift_jis',
  ISO_IR_192: 'utf-8',
  GB18030: 'gb18030',
  GBK: 'gbk',
};

/** How bytes in one ISO 2022 code element are turned into text. */
type G0 = 'ascii' | 'jis-roman' | 'jis-x0208' | 'jis-x0212';
/** G1 is always decoded from high-bit bytes with a WHATWG decoder of this label (or none). */
type G1 = string | null;

interface Iso2022State {
  g0: G0;
  g1: G1;
}

/** Defined term of a code element → the designation it makes (PS3.3 C.12.1.1.2, Table C.12-3/4). */
const ISO2022_TERMS: Record<string, Partial<Iso2022State>> = {
  ISO_2022_IR_6: { g0: 'ascii' },
  ISO_2022_IR_100: { g1: 'iso-8859-1' },
  ISO_2022_IR_101: { g1: 'iso-8859-2' },
  ISO_2022_IR_109: { g1: 'iso-8859-3' },
  ISO_2022_IR_110: { g1: 'iso-8859-4' },
  ISO_2022_IR_144: { g1: 'iso-8859-5' },
  ISO_2022_IR_127: { g1: 'iso-8859-6' },
  ISO_2022_IR_126: { g1: 'iso-8859-7' },
  ISO_2022_IR_138: { g1: 'iso-8859-8' },
  ISO_2022_IR_148: { g1: 'iso-8859-9' },
  ISO_2022_IR_166: { g1: 'windows-874' },
  ISO_2022_IR_13: { g0: 'jis-roman', g1: 'shift_jis' },
  ISO_2022_IR_87: { g0: 'jis-x0208' },
  ISO_2022_IR_159: { g0: 'jis-x0212' },
  ISO_2022_IR_149: { g1: 'euc-kr' },
  ISO_2022_IR_58: { g1: 'gb18030' },
};

/** Escape sequences (bytes after ESC) → designation. */
const ESCAPES: [number[], Partial<Iso2022State>][] = [
  [[0x28, 0x42], { g0: 'ascii' }],
  [[0x28, 0x4a], { g0: 'jis-roman' }],
  [[0x29, 0x49], { g1: 'shift_jis' }],
  [[0x24, 0x42], { g0: 'jis-x0208' }],
  [[0x24, 0x28, 0x44], { g0: 'jis-x0212' }],
  [[0x24, 0x29, 0x43], { g1: 'euc-kr' }],
  [[0x24, 0x29, 0x41], { g1: 'gb18030' }],
  [[0x2d, 0x41], { g1: 'iso-8859-1' }],
  [[0x2d, 0x42], { g1: 'iso-8859-2' }],
  [[0x2d, 0x43], { g1: 'iso-8859-3' }],
  [[0x2d, 0x44], { g1: 'iso-8859-4' }],
  [[0x2d, 0x4c], { g1: 'iso-8859-5' }],
  [[0x2d, 0x47], { g1: 'iso-8859-6' }],
  [[0x2d, 0x46], { g1: 'iso-8859-7' }],
  [[0x2d, 0x48], { g1: 'iso-8859-8' }],
  [[0x2d, 0x4d], { g1: 'iso-8859-9' }],
  [[0x2d, 0x54], { g1: 'windows-874' }],
];

const decoders = new Map<string, TextDecoder>();
function decoderFor(label: string): TextDecoder {
  let decoder = decoders.get(label);
  if (!decoder) {
    decoder = new TextDecoder(label);
    decoders.set(label, decoder);
  }
  return decoder;
}

function termKey(term: string): string {
  return term.trim().toUpperCase().replace(/[\s_]+/g, '_');
}

/** Splits the raw (0008,0005) value into its defined terms (the first may be empty). */
export function parseCharacterSets(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  return raw.split('\\').map((t) => t.trim());
}

function usesCodeExtension(charsets: string[]): boolean {
  return charsets.length > 1 || charsets.some((c) => termKey(c).startsWith('ISO_2022'));
}

/**
 * Decodes one string value. `delimiters` are the ASCII characters at which an ISO 2022 decoder
 * returns to the initial designation (PS3.5 §6.1.2.5.3): `^` and `=` in PN, `\` always.
 */
export function decodeDicomString(bytes: Uint8Array, charsets: string[], isPersonName = false): string {
  if (!usesCodeExtension(charsets)) {
    const label = SINGLE_BYTE[termKey(charsets[0] ?? '')] ?? 'latin1';
    return decoderFor(label).decode(bytes);
  }
  return decodeIso2022(bytes, charsets, isPersonName ? '\\^=' : '\\\r\n\t\f');
}

function initialState(charsets: string[]): Iso2022State {
  const first = ISO2022_TERMS[termKey(charsets[0] ?? '').replace(/^ISO_IR/, 'ISO_2022_IR')] ?? {};
  return { g0: first.g0 ?? 'ascii', g1: first.g1 ?? null };
}

function decodeIso2022(bytes: Uint8Array, charsets: string[], delimiters: string): string {
  const initial = initialState(charsets);
  let state = { ...initial };
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b === 0x1b) {
      const match = ESCAPES.find(([seq]) => seq.every((s, k) => bytes[i + 1 + k] === s));
      if (match) {
        state = { ...state, ...match[1] };
        i += 1 + match[0].length;
      } else {
        i += 1; // unknown escape: drop ESC, keep going rather than lose the whole name
      }
      continue;
    }
    // Collect a run of bytes decoded the same way.
    const high = b >= 0x80;
    let j = i;
    while (j < bytes.length && bytes[j] !== 0x1b && (bytes[j] as number) >= 0x80 === high) {
      if (!high && isDelimiter(bytes[j] as number, state.g0, delimiters)) break;
      j++;
    }
    if (j === i) {
      // A delimiter in a single-byte G0: emit it and return to the initial designations.
      out += String.fromCharCode(b);
      state = { ...initial };
      i++;
      continue;
    }
    out += high ? decodeG1(bytes.subarray(i, j), state.g1) : decodeG0(bytes.subarray(i, j), state.g0);
    i = j;
  }
  return out;
}

function isDelimiter(byte: number, g0: G0, delimiters: string): boolean {
  // In a two-byte G0 set every byte is half of a character, never a delimiter.
  if (g0 === 'jis-x0208' || g0 === 'jis-x0212') return false;
  return delimiters.includes(String.fromCharCode(byte));
}

function decodeG0(run: Uint8Array, g0: G0): string {
  switch (g0) {
    case 'ascii':
      return decoderFor('latin1').decode(run);
    case 'jis-roman':
      // JIS X 0201 Romaji differs from ASCII only in ¥ and ‾.
      return decoderFor('latin1').decode(run).replace(/\\/g, '¥').replace(/~/g, '‾');
    case 'jis-x0208': {
      // EUC-JP carries JIS X 0208 with the high bit set on both bytes.
      const euc = run.map((x) => x | 0x80);
      return decoderFor('euc-jp').decode(euc);
    }
    case 'jis-x0212': {
      const euc = new Uint8Array(Math.floor(run.length / 2) * 3);
      for (let k = 0; k + 1 < run.length; k += 2) {
        euc.set([0x8f, (run[k] as number) | 0x80, (run[k + 1] as number) | 0x80], (k / 2) * 3);
      }
      return decoderFor('euc-jp').decode(euc);
    }
  }
}

function decodeG1(run: Uint8Array, g1: G1): string {
  return decoderFor(g1 ?? 'latin1').decode(run);
}
