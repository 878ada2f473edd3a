import { validationMessages } from '../../../contracts/messages.ts';
import { AppError, badRequest, type FieldError } from '../../platform/errors.ts';
import type { PositionRecord } from './person.repository.ts';

/** The refusals of the people service, in both languages. */
const POSITION_NAMES: Record<PositionRecord['position'], { vi: string; en: string }> = {
  legal_representative: { vi: 'Người đại diện theo pháp luật', en: 'legal representative' },
  chair: { vi: 'Chủ tịch HĐQT', en: 'chair' },
  director: { vi: 'Giám đốc', en: 'director' },
  accountant: { vi: 'Kế toán', en: 'accountant' },
  controller: { vi: 'Kiểm soát viên', en: 'controller' },
  contact: { vi: 'Người liên hệ', en: 'contact' },
};

export const invalidInput = (errors: FieldError[]) =>
  badRequest(
    { vi: 'Dữ liệu gửi lên chưa hợp lệ, hãy sửa các ô được đánh dấu.', en: 'Some fields are not valid; please correct them.' },
    errors,
  );

export const erased = () =>
  new AppError(409, 'erased', {
    vi: 'Dữ liệu của người này đã được xóa theo yêu cầu; không thể sửa hay gán chức vụ mới.',
    en: "This person's data was erased on request; it cannot be changed or given new positions.",
  });

export const provinceRequired = () =>
  badRequest({ vi: 'Hãy chọn tỉnh lưu hồ sơ người này.', en: 'Choose the province that keeps this record.' }, [
    { field: 'provinceCode', message: validationMessages['validation.required'] },
  ]);

export const unknownProvince = () =>
  badRequest({ vi: 'Tỉnh đã chọn không tồn tại.', en: 'The chosen province does not exist.' }, [
    { field: 'provinceCode', message: validationMessages['validation.provinceCode'] },
  ]);

export const overlappingPosition = (existing: PositionRecord) => {
  const name = POSITION_NAMES[existing.position];
  return new AppError(
    409,
    'overlapping_position',
    {
      vi: `Người này đã giữ chức vụ ${name.vi} tại "${existing.organizationName}" trong khoảng thời gian đó.`,
      en: `This person already holds the ${name.en} position at "${existing.organizationName}" during that time.`,
    },
    {
      conflictId: existing.id,
      errors: [{ field: 'startedOn', message: { vi: 'Trùng thời gian với chức vụ đã có', en: 'Overlaps a position on record' } }],
    },
  );
};
