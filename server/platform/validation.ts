import { z } from 'zod';
import { isValidationMessageKey, validationMessages } from '../../contracts/messages.ts';
import type { FieldError, Localized } from './errors.ts';

const vietnamese = z.locales.vi().localeError;
const english = z.locales.en().localeError;

type Issue = z.core.$ZodIssue;

function localeText(localeError: typeof vietnamese, issue: Issue): string {
  const result = localeError(issue as Parameters<typeof vietnamese>[0]);
  if (typeof result === 'string') return result;
  return result?.message ?? issue.message;
}

/** Plain words for the limits people meet in forms; Zod's own wording names types ("string"). */
function limitMessage(issue: Issue): Localized | undefined {
  if (issue.code !== 'too_big' && issue.code !== 'too_small') return undefined;
  const limit = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
  const isText = issue.origin === 'string';
  if (issue.code === 'too_big') {
    return isText
      ? { vi: `Tối đa ${limit} ký tự`, en: `At most ${limit} characters` }
      : { vi: `Không được lớn hơn ${limit.toLocaleString('vi-VN')}`, en: `At most ${limit.toLocaleString('en-US')}` };
  }
  return isText
    ? { vi: `Cần ít nhất ${limit} ký tự`, en: `At least ${limit} characters` }
    : { vi: `Không được nhỏ hơn ${limit.toLocaleString('vi-VN')}`, en: `At least ${limit.toLocaleString('en-US')}` };
}

function messageOf(issue: Issue): Localized {
  if (isValidationMessageKey(issue.message)) return validationMessages[issue.message];
  if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) {
    return validationMessages['validation.required'];
  }
  if (issue.code === 'invalid_value') return { vi: 'Giá trị không nằm trong danh sách được chọn', en: 'Not one of the allowed values' };
  return limitMessage(issue) ?? { vi: localeText(vietnamese, issue), en: localeText(english, issue) };
}

/** Zod issues as field errors named by their JSON path (`taxCode`, `items.0.name`). */
export function toFieldErrors(issues: readonly Issue[], prefix?: string): FieldError[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return { field: [prefix, path].filter(Boolean).join('.') || '(body)', message: messageOf(issue) };
  });
}
