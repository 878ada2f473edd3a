import { foldVietnamese } from '../../platform/search-text.ts';
import type { Warning } from '../../platform/errors.ts';

const CHECK_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/**
 * The tenth digit of a tax code is a check digit (DOMAIN.md §2):
 * N10 = 10 − (31·N1 + 29·N2 + … + 3·N9) mod 11. A remainder of 0 gives no valid digit.
 */
export function hasValidCheckDigit(taxCode: string): boolean {
  const digits = taxCode.slice(0, 10).split('').map(Number);
  if (digits.length !== 10 || digits.some(Number.isNaN)) return false;
  const sum = CHECK_WEIGHTS.reduce((total, weight, index) => total + weight * (digits[index] ?? 0), 0);
  const expected = 10 - (sum % 11);
  return expected < 10 && expected === digits[9];
}

/** Things worth a second look that old records legitimately contain: asked, never silently accepted. */
export function taxCodeWarnings(taxCode: string | null | undefined): Warning[] {
  if (!taxCode || hasValidCheckDigit(taxCode)) return [];
  return [
    {
      field: 'taxCode',
      code: 'tax_code_check_digit',
      message: {
        vi: `Mã số thuế ${taxCode} có chữ số kiểm tra không khớp; có thể đã gõ nhầm. Vẫn lưu?`,
        en: `The check digit of tax code ${taxCode} does not match; it may be a typo. Save anyway?`,
      },
    },
  ];
}

/** A name without its kind words ("HTX", "Hợp tác xã", "Tổ hợp tác"…), folded, for comparing. */
function coreName(name: string): string {
  return foldVietnamese(name)
    .replace(/\b(hop tac xa|htx|to hop tac|tht|lien hiep|lh|doanh nghiep|dn|cong ty|cty|tnhh|co phan)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function trigrams(text: string): Set<string> {
  const padded = `  ${text} `;
  const grams = new Set<string>();
  for (let index = 0; index < padded.length - 2; index += 1) grams.add(padded.slice(index, index + 3));
  return grams;
}

/** What a name is compared by: the trigrams of its core (computed once when comparing many). */
export const nameFingerprint = (name: string): Set<string> => trigrams(coreName(name));

export function areNearlySame(left: Set<string>, right: Set<string>): boolean {
  if (left.size === 0 || right.size === 0) return false;
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared += 1;
  return shared / (left.size + right.size - shared) >= 0.8;
}

/** Nearly the same name ("HTX Đồng Tâm" / "Hợp tác xã Đồng Tâm" / "HTX Đồng Tâmm"): trigram similarity ≥ 0.8. */
export function isNearlySameName(a: string, b: string): boolean {
  return areNearlySame(nameFingerprint(a), nameFingerprint(b));
}
