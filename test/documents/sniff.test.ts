import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../../electron/core/documents/sniff.js';
import { isValidUtf8 } from '../../electron/core/documents/text-decode.js';
import { makeCda } from '../fixtures/documents/cda.js';
import { makeFhirBundle } from '../fixtures/documents/fhir.js';
import { makeFtyp, makeJpeg, makePng } from '../fixtures/documents/images.js';
import { makePdf } from '../fixtures/documents/pdf.js';
import { makeXdmMetadataXml, SAMPLE_XDM_DOCS } from '../fixtures/documents/xdm.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const head = (b: Uint8Array, n = 4096): Uint8Array => b.subarray(0, n);

describe('sniffFormat', () => {
  it('recognises each format by content, whatever the name', async () => {
    expect(sniffFormat(head(await makePdf({ pages: [['x']] })), 'report.txt')).toBe('pdf');
    expect(sniffFormat(enc(`${' '.repeat(500)}%PDF-1.4\n`), 'x')).toBe('pdf');
    expect(sniffFormat(makeJpeg({ width: 1, height: 1 }), 'a.png')).toBe('jpeg');
    expect(sniffFormat(makePng(1, 1), 'a.jpg')).toBe('png');
    expect(sniffFormat(makeFtyp('heic', ['mif1']), 'a')).toBe('heic');
    expect(sniffFormat(makeFtyp('mif1', ['heic']), 'a')).toBe('heic');
    expect(sniffFormat(makeFtyp('avif', ['mif1', 'miaf']), 'a.heic')).toBe('other');
    expect(sniffFormat(makeFtyp('isom', ['mp41']), 'a.heic')).toBe('other');
    expect(sniffFormat(new Uint8Array([0x50, 0x4b, 3, 4, 20, 0]), 'a.pdf')).toBe('zip');
    expect(sniffFormat(new Uint8Array([0x50, 0x4b, 5, 6, ...new Array(18).fill(0)]), 'empty.zip')).toBe('zip');
    expect(sniffFormat(head(enc(makeCda()), 300), 'cda.txt')).toBe('cda');
    expect(sniffFormat(head(enc(makeXdmMetadataXml(SAMPLE_XDM_DOCS))), 'METADATA.XML')).toBe('xml');
    expect(sniffFormat(head(enc(JSON.stringify(makeFhirBundle(), null, 2))), 'x')).toBe('fhir-json');
    expect(sniffFormat(enc('{"a": [1, 2]}'), 'x.txt')).toBe('json');
    expect(sniffFormat(enc('[{"a": 1}]'), 'x')).toBe('json');
    expect(sniffFormat(enc('Dear Dr Example,\r\n\tThank you.\f'), 'letter')).toBe('text');
    expect(sniffFormat(enc('{not json at all} but a note'), 'n')).toBe('text');
    expect(sniffFormat(enc('<!DOCTYPE html><html><body>hi</body></html>'), 'x')).toBe('text');
  });

  it('tells text from binary', () => {
    expect(sniffFormat(new Uint8Array(0), 'empty.txt')).toBe('other');
    expect(sniffFormat(new Uint8Array([0x48, 0x69, 0x00, 0x21]), 'a.txt')).toBe('other');
    expect(sniffFormat(new Uint8Array([0x48, 0x69, 0x07, 0x21]), 'a.txt')).toBe('other');
    // UTF-8 cut in the middle of a character at the end of the head is still text.
    const cut = enc('Befund für Müller ü').subarray(0, -1);
    expect(sniffFormat(cut, 'x')).toBe('text');
    expect(sniffFormat(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hello', 'utf16le')]), 'x')).toBe('text');
    // 8-bit text: accepted when it is mostly ASCII; with many high bytes only when named as text.
    expect(sniffFormat(Buffer.from('Befund für Frau Müller, alles in Ordnung.', 'latin1'), 'x')).toBe('text');
    const heavy = Buffer.from('Grüße aus Köln für Jürgen', 'latin1'); // 20% high bytes
    expect(sniffFormat(heavy, 'x.bin')).toBe('other');
    expect(sniffFormat(heavy, 'x.txt')).toBe('text');
  });
});

describe('strict UTF-8 with a head cut mid-character', () => {
  it('accepts every cut of valid text only where the cut end is allowed, and refuses invalid bytes', () => {
    const text = new TextEncoder().encode('naïve 山田 🙂');
    for (let n = 0; n <= text.length; n++) expect(isValidUtf8(text.subarray(0, n), true), `cut at ${n}`).toBe(true);
    expect(isValidUtf8(text.subarray(0, text.length - 1))).toBe(false);
    for (const bad of [[0x61, 0xf5], [0xc0, 0x80], [0x80, 0x61], [0xed, 0xa0, 0x80]]) expect(isValidUtf8(Uint8Array.from(bad), true), String(bad)).toBe(false);
  });
});
