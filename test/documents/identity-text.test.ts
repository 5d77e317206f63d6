import { describe, it, expect } from 'vitest';
import { identityFromText } from '../../electron/core/documents/identity-text.js';

describe('identity stated in report text', () => {
  it('reads labelled name, birth date and record number', () => {
    expect(identityFromText('SURGICAL PATHOLOGY REPORT\nPatient: Doe, Jane    DOB: 03/14/1970\nMRN: 00123456\n')).toEqual({
      name: 'Doe^Jane',
      birthDate: '1970-03-14',
      id: '00123456',
      source: 'pdf',
    });
    expect(identityFromText('Patient Name: Jane Q Public\nDate of birth: 5 March 1961')).toEqual({ name: 'Public^Jane Q', birthDate: '1961-03-05', source: 'pdf' });
  });

  it('ignores unlabelled names and labels without a plausible name', () => {
    expect(identityFromText('Dear Dr Smith,\nI saw Jane Doe today.')).toBeUndefined();
    expect(identityFromText('Patient: 12345\nDOB: 1970-01-01')).toBeUndefined();
    expect(identityFromText('Patient education leaflet\nPatient: see attached')).toBeUndefined();
    expect(identityFromText('Patient: DOE, JANE\n')).toEqual({ name: 'DOE^JANE', source: 'pdf' });
  });
});
