import { describe, expect, it } from 'vitest';
import type { Person } from '../../../contracts/people.ts';
import { validatePersonChanges, valuesFromPerson } from './person-form-values.ts';

const person: Person = {
  id: 'p1',
  fullName: 'Nguyễn Văn Hùng',
  gender: 'male',
  birthYear: 1972,
  phone: '0912 345 678',
  email: null,
  notes: null,
  provinceCode: '24',
  isPersonalDataHidden: false,
  erasedAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  version: 4,
  positions: [],
};

describe('a change to a person', () => {
  it('sends only what changed, blanks as null, with the version read', () => {
    const result = validatePersonChanges(person, { ...valuesFromPerson(person), phone: ' ', email: 'hung@example.vn' });
    expect(result.body).toEqual({ version: 4, phone: null, email: 'hung@example.vn' });
  });

  it('never sends personal fields the reader could not see (they would erase what is on record)', () => {
    const hidden = { ...person, phone: null, birthYear: null, isPersonalDataHidden: true };
    const result = validatePersonChanges(hidden, { ...valuesFromPerson(hidden), fullName: 'Nguyễn Văn Hùng (Tư)', phone: '0900' });
    expect(result.body).toEqual({ version: 4, fullName: 'Nguyễn Văn Hùng (Tư)' });
  });
});
