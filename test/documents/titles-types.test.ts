// Titles and types that are not nonsense: markup is taken out of metadata titles (by the XML/HTML
// parser, not a pattern), the document's own heading wins over a metadata title that was markup,
// a first line that is data rather than a heading gives way to the file name, and a type is only
// guessed when the text gives it more than one passing mention.
import { describe, expect, it } from 'vitest';
import { analyzePdf } from '../../electron/core/documents/pdf.js';
import { analyzeText } from '../../electron/core/documents/text.js';
import { guessRecordType } from '../../electron/core/documents/classify.js';
import { markupText } from '../../electron/core/documents/xml.js';
import { firstHeading, meaningfulMetadataTitle } from '../../electron/core/documents/titles.js';
import { makePdf } from '../fixtures/documents/pdf.js';

const HTML_TITLE = '<b>Electronegativity<b><br><p class=manual>Security checks for Electron</p>';
const text = (s: string) => new TextEncoder().encode(s);

describe('markup in metadata titles', () => {
  it('is reduced to its text by the parser, entities decoded, scripts dropped', () => {
    expect(markupText(HTML_TITLE)).toBe('Electronegativity Security checks for Electron');
    expect(markupText('<i>Report</i> of &lt;CT&gt; &amp; MRI')).toBe('Report of <CT> & MRI');
    expect(markupText('<script>alert(1)</script><style>p{}</style>Biopsy')).toBe('Biopsy');
    expect(markupText('A < B report')).toBe('A < B report');
  });

  it('a metadata title never keeps its tags', () => {
    expect(meaningfulMetadataTitle(HTML_TITLE)).toBe('Electronegativity Security checks for Electron');
  });

  it('a PDF whose metadata title is markup is titled by its own heading, and not typed from the markup', async () => {
    const bytes = await makePdf({ title: HTML_TITLE, pages: [['Notes from my visit', 'We talked about the next appointment.']] });
    const a = await analyzePdf({ name: 'notes.pdf', bytes });
    expect(a.title).toBe('Notes from my visit');
    expect(a.type).toBe('other');
    expect(a.typeGuessed).toBe(true);
  });

  it('without a heading, the cleaned metadata title is used', async () => {
    const bytes = await makePdf({ title: HTML_TITLE, pages: [['12']] });
    expect((await analyzePdf({ name: 'x.pdf', bytes })).title).toBe('Electronegativity Security checks for Electron');
  });
});

describe('headings', () => {
  it('skips lines that are data, not headings', () => {
    expect(firstHeading("(0008, 0005) Specific Character Set CS: 'ISO_IR 100'\n(0010, 0010) Patient's Name PN: 'Buc^Jérôme'")).toBeUndefined();
    expect(firstHeading('12\nS24-1234 | 0001 | 0002 | 0003\nSURGICAL PATHOLOGY REPORT\nSpecimen: core')).toBe('SURGICAL PATHOLOGY REPORT');
    expect(firstHeading('EXAMINATION: CT CHEST WITH CONTRAST\nFINDINGS: clear')).toBe('EXAMINATION: CT CHEST WITH CONTRAST');
    // A short numbered title is still a heading.
    expect(firstHeading('Report 10000\nRADIOLOGY REPORT')).toBe('Report 10000');
    expect(firstHeading('12/03/2024 14:35\nVisit note')).toBe('Visit note');
  });

  it('a text file of DICOM attribute dumps is titled by its file name', async () => {
    const dump = "(0008, 0005) Specific Character Set CS: 'ISO_IR 100'\n(0010, 0010) Patient's Name PN: 'Buc^Jérôme'\n(0020, 000d) Study Instance UID UI: 1.2.3\n";
    const a = await analyzeText({ name: 'SCSFREN.txt', bytes: text(dump) });
    expect(a.title).toBe('SCSFREN');
    expect(a.type).toBe('other');
  });
});

describe('weak type guesses', () => {
  const README = `README

This CD holds the images from your stay at General Hospital.
Open VIEWER.EXE to look at them. The discharge summary is in the REPORTS folder.
Questions about this disc: call the imaging desk.
`;

  it('a README that mentions a discharge summary is not one', async () => {
    expect(guessRecordType(README, 'README')).toBe('other');
    const a = await analyzeText({ name: 'README.TXT', bytes: text(README) });
    expect(a).toMatchObject({ title: 'README', type: 'other', typeGuessed: true });
  });

  it('one keyword in the heading, or several cues in the text, still name the type', () => {
    expect(guessRecordType('See attached.', 'Discharge summary')).toBe('treatment-summary');
    expect(guessRecordType('Admission date: 1 Mar. Hospital course: uneventful. Discharge medications: none.')).toBe('treatment-summary');
  });

  it('two types scoring alike is no guess at all', () => {
    expect(guessRecordType('The radiology report and the pathology report are attached.')).toBe('other');
  });
});
