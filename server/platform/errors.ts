import type { Language } from '../../contracts/messages.ts';

/** A message in both languages; the response picks one by Accept-Language. */
export type Localized = { vi: string; en: string };

export type FieldError = { field: string; message: Localized };
export type Warning = { field: string; code: string; message: Localized };

type ProblemExtras = { errors?: FieldError[]; warnings?: Warning[]; conflictId?: string };

/** An error meant for the user: its status, a stable code and a message they can act on. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: Localized,
    readonly extras: ProblemExtras = {},
  ) {
    super(detail.en);
    this.name = 'AppError';
  }
}

export const badRequest = (detail: Localized, errors?: FieldError[]) => new AppError(400, 'invalid_input', detail, { errors });

export const unauthenticated = () =>
  new AppError(401, 'unauthenticated', {
    vi: 'Bạn cần đăng nhập để tiếp tục.',
    en: 'Please log in to continue.',
  });

export const forbidden = () =>
  new AppError(403, 'forbidden', {
    vi: 'Bạn không có quyền thực hiện thao tác này.',
    en: 'You are not allowed to do this.',
  });

export const notFound = (what: Localized) =>
  new AppError(404, 'not_found', { vi: `Không tìm thấy ${what.vi}.`, en: `${what.en} not found.` });

export const versionConflict = () =>
  new AppError(409, 'version_conflict', {
    vi: 'Người khác đã lưu thay đổi trước bạn. Hãy tải lại bản mới nhất rồi sửa lại; dữ liệu chưa bị ghi đè.',
    en: 'Someone else saved first. Reload the latest version and edit again; nothing was overwritten.',
  });

export const needsConfirmation = (warnings: Warning[]) =>
  new AppError(422, 'confirm_warnings', { vi: 'Cần xác nhận trước khi lưu.', en: 'Please confirm before saving.' }, { warnings });

const TITLES: Record<number, Localized> = {
  400: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid input' },
  401: { vi: 'Chưa đăng nhập', en: 'Not logged in' },
  403: { vi: 'Không có quyền', en: 'Forbidden' },
  404: { vi: 'Không tìm thấy', en: 'Not found' },
  409: { vi: 'Xung đột dữ liệu', en: 'Conflict' },
  413: { vi: 'Dữ liệu quá lớn', en: 'Payload too large' },
  415: { vi: 'Định dạng không được hỗ trợ', en: 'Unsupported media type' },
  422: { vi: 'Cần xác nhận', en: 'Confirmation needed' },
  429: { vi: 'Quá nhiều yêu cầu', en: 'Too many requests' },
  500: { vi: 'Lỗi hệ thống', en: 'Server error' },
};

export function titleFor(status: number, language: Language): string {
  return (TITLES[status] ?? TITLES[500])?.[language] ?? 'Error';
}

/** The response body (RFC 9457) for an AppError in the user's language. */
export function toProblem(error: AppError, language: Language) {
  const { errors, warnings, conflictId } = error.extras;
  return {
    type: `https://hoptac.vn/problems/${error.code}`,
    title: titleFor(error.status, language),
    status: error.status,
    detail: error.detail[language],
    code: error.code,
    ...(errors ? { errors: errors.map((item) => ({ field: item.field, message: item.message[language] })) } : {}),
    ...(warnings ? { warnings: warnings.map((item) => ({ field: item.field, code: item.code, message: item.message[language] })) } : {}),
    ...(conflictId ? { conflictId } : {}),
  };
}
