import { describe, expect, it } from 'vitest';
import { createOrganizationSchema } from '../../contracts/organizations.ts';
import { toFieldErrors } from './validation.ts';

const errorsOf = (input: unknown) => {
  const result = createOrganizationSchema.safeParse(input);
  if (result.success) throw new Error('expected a validation failure');
  return Object.fromEntries(toFieldErrors(result.error.issues).map((error) => [error.field, error.message]));
};

describe('field errors', () => {
  it('speaks of the form in plain Vietnamese and English', () => {
    const errors = errorsOf({ kind: 'farm', name: 'x'.repeat(301), sector: 'agriculture', charterCapital: -5 });
    expect(errors.kind).toEqual({ vi: 'Giá trị không nằm trong danh sách được chọn', en: 'Not one of the allowed values' });
    expect(errors.name?.vi).toBe('Tối đa 300 ký tự');
    expect(errors.communeCode).toEqual({ vi: 'Không được để trống', en: 'Required' });
    expect(errors.charterCapital?.vi).toBe('Không được nhỏ hơn 0');
  });

  it('translates the messages the contracts name', () => {
    expect(errorsOf({ kind: 'cooperative', name: 'HTX A', taxCode: '123', communeCode: '07699', sector: 'agriculture' }).taxCode?.en).toBe(
      'A tax code has 10 digits, or 13 written as 0123456789-001',
    );
  });
});
