// Identity conflicts are data; the words are made at the edge (shared/words/identity.ts): names
// with the one name formatter, dates in the one date format, no stray punctuation.
import { describe, expect, it } from 'vitest';
import type { IdentityConflict } from '../../shared/domain.js';
import { conflictCount, describeConflict } from '../../shared/words/identity.js';
import { identityReport } from '../../electron/core/records/identity.js';

const carried = (recordId: string, name: string | null, birthDate: string | null, id: string | null = null, institution: string | null = null) => ({ recordId, name, birthDate, id, source: 'dicom', institution });

describe('identity conflicts as data', () => {
  it('names one conflict per kind, with the values, the sides and every record involved', () => {
    const report = identityReport([
      carried('a', 'Doe^Jane', '1970-01-02'),
      carried('b', 'DOE^JANE', '1970-01-02'),
      carried('c', 'Roe^John', '1955-06-07'),
      carried('d', 'Poe^Edgar', null),
    ]);
    expect(report.conflicts).toHaveLength(1);
    const [c] = report.conflicts as [IdentityConflict];
    expect(c.kind).toBe('names');
    expect(c.values).toEqual(['Doe^Jane', 'Roe^John', 'Poe^Edgar']);
    expect(c.recordIds).toEqual(['a', 'b', 'c', 'd']);
    expect(report.patients.map((p) => p.recordIds)).toEqual([['a', 'b'], ['c'], ['d']]);
    expect(describeConflict(c)).toBe('Different names: Doe, Jane, born 2 Jan 1970 (2 records), Roe, John, born 7 Jun 1955 (1 record) and Poe, Edgar (1 record)');
  });

  it('does not call one patient with two hospitals\' record numbers two people, but flags two numbers from one hospital', () => {
    const twoHospitals = identityReport([carried('a', 'Doe^Jane', '1970-01-02', 'MRN-1', 'North'), carried('b', 'Doe^Jane', '1970-01-02', 'X-77', 'South')]);
    expect(twoHospitals.conflicts).toEqual([]);
    expect(twoHospitals.patients).toHaveLength(1);
    expect(twoHospitals.groups).toHaveLength(2);
    const oneHospital = identityReport([carried('a', 'Doe^Jane', '1970-01-02', 'MRN-1', 'North'), carried('b', 'Doe^Jane', '1970-01-02', 'MRN-2', 'North')]);
    expect(oneHospital.conflicts.map((c) => [c.kind, c.values])).toEqual([['ids', ['MRN-1', 'MRN-2']]]);
    expect(describeConflict(oneHospital.conflicts[0]!)).toBe('Different patient IDs for Doe, Jane from the same hospital: MRN-1 (1 record) and MRN-2 (1 record)');
  });

  it('words birth-date and person conflicts with one date format and no stray punctuation', () => {
    const report = identityReport([carried('a', 'Smith^Jane', '1970-01-01'), carried('b', 'Smith^Jane', '1971-02-03'), carried('c', 'Roe^John', null)], { name: 'Jane Smith', birthDate: '1970-01-01' });
    const words = report.conflicts.map(describeConflict);
    expect(report.conflicts.map((c) => c.kind)).toEqual(['names', 'birth-dates', 'person-name', 'person-birth-date']);
    expect(words[1]).toBe('Different birth dates for Smith, Jane: 1 Jan 1970 (1 record) and 3 Feb 1971 (1 record)');
    expect(words[2]).toBe('Roe, John (1 record) does not match Jane Smith, who this case is for');
    expect(words[3]).toBe('Smith, Jane, born 3 Feb 1971 (1 record): Jane Smith, who this case is for, was born 1 Jan 1970');
    for (const w of words) expect(w).not.toMatch(/\^|\.;|\)\.|\d{4}-\d{2}-\d{2}|\.$/);
    expect(conflictCount(4)).toBe('4 differences in patient details');
  });
});
