import { describe, expect, it } from 'vitest';
import { findDates, guessDocumentDate } from '../../electron/core/documents/dates.js';
import { compactDateToIso } from '../../electron/core/documents/compact-date.js';

describe('guessDocumentDate', () => {
  it.each([
    ['Seen on 2024-03-05.', '2024-03-05'],
    ['Seen on 03/05/2024.', '2024-03-05'],
    ['Seen on 25/03/2024.', '2024-03-25'],
    ['Seen on 05.03.2024.', '2024-03-05'],
    ['Seen on 5 March 2024.', '2024-03-05'],
    ['Seen on 05-Mar-2024.', '2024-03-05'],
    ['Seen on March 5, 2024.', '2024-03-05'],
    ['Seen on Mar 5 2024.', '2024-03-05'],
    ['Seen on Sept. 30, 2023.', '2023-09-30'],
    ['Study 20240305 done', '2024-03-05'],
  ])('reads %j', (text, iso) => {
    expect(guessDocumentDate(text)).toBe(iso);
  });

  it('rejects impossible dates and out-of-range years', () => {
    expect(guessDocumentDate('2023-02-29')).toBeUndefined();
    expect(guessDocumentDate('2024-02-29')).toBe('2024-02-29');
    expect(guessDocumentDate('13/13/2024 and 31.04.2024')).toBeUndefined();
    expect(guessDocumentDate('1899-12-31')).toBeUndefined();
    expect(guessDocumentDate(`${new Date().getUTCFullYear() + 2}-01-01`)).toBeUndefined();
    expect(guessDocumentDate(`${new Date().getUTCFullYear() + 1}-01-01`)).toBe(`${new Date().getUTCFullYear() + 1}-01-01`);
    expect(guessDocumentDate('Accession 123456789012')).toBeUndefined();
  });

  it('never takes a birth date', () => {
    expect(guessDocumentDate('Patient: Jane Testperson\nDOB: 01/02/1961')).toBeUndefined();
    expect(guessDocumentDate('Date of birth: 2 January 1961\nSeen 2024-03-05')).toBe('2024-03-05');
    expect(guessDocumentDate('Born 1961-01-02. Visit 2024-03-05')).toBe('2024-03-05');
    expect(guessDocumentDate('D.O.B. 02.01.1961 Date: 05.03.2024')).toBe('2024-03-05');
  });

  it('prefers labelled dates over the first date in the text', () => {
    const text = 'Printed 2024-04-01\nPrior study 2023-01-01\nReport date: 2024-03-05\n';
    expect(guessDocumentDate(text)).toBe('2024-03-05');
    expect(guessDocumentDate('Reference 2020-01-01. Collected: 03/04/2024 08:30')).toBe('2024-03-04');
    expect(guessDocumentDate('Electronically signed by Dr X on 02/12/2024')).toBe('2024-02-12');
    expect(guessDocumentDate('Copy 2022-01-01\nDate: 2024-03-05')).toBe('2024-03-05');
    expect(guessDocumentDate('Date: 2023-06-01\nDate of service: 2024-03-05')).toBe('2024-03-05');
  });

  it('finds every date in order', () => {
    expect(findDates('a 2024-01-02 b 3 March 2023 c').map((d) => d.iso)).toEqual(['2024-01-02', '2023-03-03']);
  });
});

describe('compactDateToIso', () => {
  it.each([
    ["D:20240305101500+01'00'", '2024-03-05'],
    ['20240305143000-0500', '2024-03-05'],
    ['2024-03-05T10:00:00Z', '2024-03-05'],
    ['2024-03', '2024-03-01'],
    ['1961', '1961-01-01'],
  ])('%s → %s', (input, iso) => {
    expect(compactDateToIso(input)).toBe(iso);
  });

  it('rejects junk', () => {
    expect(compactDateToIso('D:20241399')).toBeUndefined();
    expect(compactDateToIso('yesterday')).toBeUndefined();
    expect(compactDateToIso(42)).toBeUndefined();
  });
});
