import { describe, expect, it } from 'vitest';
import { guessRecordType } from '../../electron/core/documents/classify.js';
import { SAMPLE_TEXTS } from '../fixtures/documents/sample-texts.js';

describe('guessRecordType', () => {
  it.each(Object.entries(SAMPLE_TEXTS))('recognises a %s', (type, text) => {
    expect(guessRecordType(text)).toBe(type);
  });

  it('returns other when nothing scores', () => {
    expect(guessRecordType('Shopping: eggs, milk, bread.')).toBe('other');
    expect(guessRecordType('')).toBe('other');
  });

  it('counts a keyword in the title', () => {
    expect(guessRecordType('See attached.', 'Discharge summary')).toBe('treatment-summary');
    expect(guessRecordType('See attached.', 'Holiday photos')).toBe('other');
  });

  it('is not fooled by a discharge summary listing its medications', () => {
    const text = `${SAMPLE_TEXTS['treatment-summary']}\nTamoxifen 20 mg daily\nMetformin 500 mg twice daily\nAspirin 81 mg daily`;
    expect(guessRecordType(text)).toBe('treatment-summary');
  });
});
