import { type Gender, type Person, type PersonInput, personInputSchema, type UpdatePerson } from '../../../contracts/people.ts';
import { fieldErrorsFromIssues } from '../../lib/field-errors.ts';
import { translateValidationMessage } from '../../lib/validation-messages.ts';

/** What the person form holds: text boxes keep "" where the record keeps null. */
export type PersonFormValues = {
  fullName: string;
  gender: Gender | null;
  birthYear: number | null;
  phone: string;
  email: string;
  notes: string;
};

export const emptyPersonValues: PersonFormValues = { fullName: '', gender: null, birthYear: null, phone: '', email: '', notes: '' };

export function valuesFromPerson(person: Person): PersonFormValues {
  return {
    fullName: person.fullName,
    gender: person.gender,
    birthYear: person.birthYear,
    phone: person.phone ?? '',
    email: person.email ?? '',
    notes: person.notes ?? '',
  };
}

const blankToNull = (text: string) => text.trim() || null;

export function toPersonInput(values: PersonFormValues): PersonInput {
  return {
    fullName: values.fullName.trim(),
    gender: values.gender,
    birthYear: values.birthYear,
    phone: blankToNull(values.phone),
    email: blankToNull(values.email),
    notes: blankToNull(values.notes),
  };
}

export const translatePersonIssue = (field: string, message: string) => translateValidationMessage('people.validation', field, message);

export function validatePerson(
  values: PersonFormValues,
): { body: PersonInput; errors: null } | { body: null; errors: Record<string, string> } {
  const body = toPersonInput(values);
  const result = personInputSchema.safeParse(body);
  if (!result.success) return { body: null, errors: fieldErrorsFromIssues(result.error.issues, translatePersonIssue) };
  return { body, errors: null };
}

/** Only the fields changed, with the version read; personal fields hidden from this reader are never sent. */
export function validatePersonChanges(
  person: Person,
  values: PersonFormValues,
): { body: UpdatePerson; errors: null; changedCount: number } | { body: null; errors: Record<string, string> } {
  const before = toPersonInput(valuesFromPerson(person));
  const after = toPersonInput(values);
  const changes: Record<string, unknown> = {};
  for (const field of Object.keys(after) as (keyof PersonInput)[]) {
    if (person.isPersonalDataHidden && field !== 'fullName' && field !== 'gender') continue;
    if (before[field] !== after[field]) changes[field] = after[field];
  }
  const body = { version: person.version, ...changes };
  const result = personInputSchema.partial().safeParse(changes);
  if (!result.success) return { body: null, errors: fieldErrorsFromIssues(result.error.issues, translatePersonIssue) };
  return { body, errors: null, changedCount: Object.keys(changes).length };
}
