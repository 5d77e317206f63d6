// Hostile and damaged input: every failure must be a SkipFile with a specific, readable reason.
import { describe, expect, it } from 'vitest';
import { parseDicomInstance } from '../../electron/core/dicom/parse.js';
import { readDicomdir } from '../../electron/core/dicom/dicomdir-read.js';
import { renderPreview } from '../../electron/core/dicom/preview.js';
import { TS, writePart10 } from '../../electron/core/dicom/writer.js';
import { SkipFile } from '../../electron/core/base/analysis.js';
import { makeDicomInstance, type FixtureSyntax } from '../fixtures/dicom/instance.js';

const REASON = /^(not a DICOM file|truncated DICOM file \(.+\)|damaged DICOM file \(.+\)|DICOM file has no [A-Za-z ]+|DICOMDIR \(media directory\), not an image|(damaged |not a )DICOMDIR \(.+\))$/;

/** Seeded PRNG so a failure reproduces. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function outcome(fn: () => unknown): 'ok' | string {
  try {
    fn();
    return 'ok';
  } catch (e) {
    if (!(e instanceof SkipFile)) throw new Error(`not a SkipFile: ${String(e)}`);
    expect(e.message).toMatch(REASON);
    return e.message;
  }
}

function pixelDataOffset(bytes: Uint8Array): number {
  for (let i = bytes.length - 8; i >= 0; i--) {
    if (bytes[i] === 0xe0 && bytes[i + 1] === 0x7f && bytes[i + 2] === 0x10 && bytes[i + 3] === 0x00) return i;
    if (bytes[i] === 0x7f && bytes[i + 1] === 0xe0 && bytes[i + 2] === 0x00 && bytes[i + 3] === 0x10) return i;
  }
  throw new Error('no pixel data in fixture');
}

describe('truncated files', () => {
  const syntaxes: FixtureSyntax[] = ['explicitLE', 'implicitLE', 'explicitBE', 'jpeg', 'rle'];
  it.each(syntaxes)('%s: every cut is skipped with a reason, or still yields the same instance', (syntax) => {
    const sopInstanceUID = '1.2.3.4.5.6.7';
    const full = makeDicomInstance({ transferSyntax: syntax, rows: 8, columns: 8, sopInstanceUID });
    const pixelAt = pixelDataOffset(full);
    for (let cut = 0; cut < full.length; cut++) {
      const result = outcome(() => {
        const info = parseDicomInstance(full.subarray(0, cut));
        expect(info.sopInstanceUID).toBe(sopInstanceUID);
      });
      if (cut > pixelAt) expect(result, `cut at ${cut}`).toMatch(/^truncated DICOM file/);
    }
  });

  it('names the element a cut ends in', () => {
    const full = makeDicomInstance({ transferSyntax: 'explicitLE' });
    expect(outcome(() => parseDicomInstance(full.subarray(0, full.length - 100)))).toBe(
      'truncated DICOM file (ends inside element (7FE0,0010))',
    );
  });
});

describe('random and mutated bytes', () => {
  it('never throws anything but SkipFile on random bytes', () => {
    const rand = prng(42);
    for (let n = 0; n < 300; n++) {
      const bytes = Uint8Array.from({ length: Math.floor(rand() * 2000) }, () => Math.floor(rand() * 256));
      if (n % 2 === 0 && bytes.length > 132) bytes.set([0x44, 0x49, 0x43, 0x4d], 128); // pretend Part 10
      if (n % 3 === 0 && bytes.length > 8) bytes.set([0x08, 0x00, 0x05, 0x00], 0); // pretend raw dataset
      outcome(() => parseDicomInstance(bytes));
      outcome(() => readDicomdir(bytes));
      expect(() => renderPreview(bytes)).not.toThrow();
    }
  });

  it('never throws anything but SkipFile on a valid file with flipped bytes', () => {
    const rand = prng(7);
    const syntaxes: FixtureSyntax[] = ['explicitLE', 'implicitLE', 'explicitBE', 'deflate', 'rle'];
    for (const syntax of syntaxes) {
      const original = makeDicomInstance({ transferSyntax: syntax, rows: 8, columns: 8 });
      for (let n = 0; n < 150; n++) {
        const bytes = Uint8Array.from(original);
        for (let k = 0; k < 1 + Math.floor(rand() * 4); k++) {
          bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
        }
        outcome(() => parseDicomInstance(bytes));
        expect(() => renderPreview(bytes)).not.toThrow();
      }
    }
  });

  it('skips a dataset of deeply nested sequences', () => {
    const level = Uint8Array.from([
      0x08, 0x00, 0x15, 0x11, 0x53, 0x51, 0, 0, 0xff, 0xff, 0xff, 0xff, // (0008,1115) SQ undefined length
      0xfe, 0xff, 0x00, 0xe0, 0xff, 0xff, 0xff, 0xff, // item, undefined length
    ]);
    const body = new Uint8Array(level.length * 50_000);
    for (let i = 0; i < 50_000; i++) body.set(level, i * level.length);
    const head = writePart10([], { transferSyntaxUID: TS.explicitLE, sopClassUID: '1.2.3', sopInstanceUID: '1.2.3' });
    const bytes = Buffer.concat([head, body]);
    expect(outcome(() => parseDicomInstance(bytes))).toMatch(/^(damaged|truncated) DICOM file/);
  });

  it('skips a deflated dataset that is not valid deflate data', () => {
    const good = makeDicomInstance({ transferSyntax: 'deflate' });
    const bytes = Uint8Array.from(good);
    bytes.fill(0xff, bytes.length - 200);
    expect(outcome(() => parseDicomInstance(bytes))).toMatch(/^damaged DICOM file \(/);
  });
});
