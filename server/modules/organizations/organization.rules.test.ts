import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasValidCheckDigit, taxCodeWarnings } from './organization.rules.ts';

describe('tax code check digit', () => {
  it('accepts the example of DOMAIN.md and its branch form', () => {
    expect(hasValidCheckDigit('0100109106')).toBe(true);
    expect(hasValidCheckDigit('0100109106-001')).toBe(true);
    expect(taxCodeWarnings('0100109106')).toEqual([]);
  });

  it('warns when one digit is mistyped', () => {
    expect(hasValidCheckDigit('0100109107')).toBe(false);
    const [warning] = taxCodeWarnings('0100109107');
    expect(warning?.code).toBe('tax_code_check_digit');
    expect(warning?.message.vi).toContain('0100109107');
  });

  it('finds exactly one valid check digit for nine digits whose weighted sum is not a multiple of 11', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }), (nine) => {
        const valid = [...Array(10).keys()].filter((digit) => hasValidCheckDigit(`${nine.join('')}${digit}`));
        expect(valid.length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('does not warn about an organisation without a tax code', () => {
    expect(taxCodeWarnings(null)).toEqual([]);
  });
});
