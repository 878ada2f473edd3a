/**
 * Validation messages named in the contracts, in both languages. A schema names a key
 * (`{ error: 'validation.taxCodeFormat' }`); server and web translate it from here.
 */
export const validationMessages = {
  'validation.taxCodeFormat': {
    vi: 'Mã số thuế gồm 10 chữ số, hoặc 13 chữ số viết dạng 0123456789-001',
    en: 'A tax code has 10 digits, or 13 written as 0123456789-001',
  },
  'validation.nameTooShort': { vi: 'Tên phải có ít nhất 3 ký tự', en: 'The name needs at least 3 characters' },
  'validation.phone': {
    vi: 'Số điện thoại chỉ gồm chữ số, dấu cách và + ( ) . -',
    en: 'A phone number holds only digits, spaces and + ( ) . -',
  },
  'validation.email': { vi: 'Địa chỉ email không hợp lệ', en: 'Not a valid e-mail address' },
  'validation.provinceCode': { vi: 'Mã tỉnh gồm 2 chữ số', en: 'A province code has 2 digits' },
  'validation.communeCode': { vi: 'Hãy chọn xã, phường (mã 5 chữ số)', en: 'Choose a commune (5-digit code)' },
  'validation.archiveReason': { vi: 'Hãy ghi lý do lưu trữ', en: 'Give a reason for archiving' },
  'validation.usernameShort': { vi: 'Tên đăng nhập có ít nhất 3 ký tự', en: 'A username has at least 3 characters' },
  'validation.usernameChars': {
    vi: 'Tên đăng nhập chỉ gồm chữ không dấu, số và . _ -',
    en: 'A username holds only unaccented letters, digits and . _ -',
  },
  'validation.passwordShort': { vi: 'Mật khẩu có ít nhất 10 ký tự', en: 'A password has at least 10 characters' },
  'validation.required': { vi: 'Không được để trống', en: 'Required' },
  'validation.date': { vi: 'Ngày không hợp lệ', en: 'Not a valid date' },
  'validation.personName': { vi: 'Họ tên phải có ít nhất 2 ký tự', en: 'The full name needs at least 2 characters' },
  'validation.personOrNew': {
    vi: 'Hãy chọn một người đã có hoặc nhập thông tin người mới (không cả hai)',
    en: 'Choose a person on record or enter a new one (not both)',
  },
  'validation.endedBeforeStarted': {
    vi: 'Ngày kết thúc không được trước ngày bắt đầu',
    en: 'The end date cannot be before the start date',
  },
  'validation.birthYearFuture': { vi: 'Năm sinh chưa đến', en: 'The birth year is in the future' },
  'validation.erasureReason': { vi: 'Hãy ghi yêu cầu xóa dữ liệu đang thực hiện', en: 'Name the erasure request being carried out' },
  'validation.positiveAmount': { vi: 'Số tiền phải lớn hơn 0 đồng', en: 'The amount must be more than 0 đồng' },
  'validation.allocationOrder': {
    vi: 'Thứ tự thu nợ phải gồm lãi quá hạn, lãi và gốc, mỗi khoản một lần',
    en: 'The repayment order names overdue interest, interest and principal, each once',
  },
  'validation.decisionNumber': { vi: 'Hãy ghi số quyết định', en: 'Give the decision number' },
  'validation.rejectionReason': { vi: 'Hãy ghi lý do từ chối', en: 'Give the reason for rejecting' },
  'validation.contractNumber': { vi: 'Hãy ghi số hợp đồng tín dụng', en: 'Give the loan contract number' },
  'validation.reversalReason': { vi: 'Hãy ghi lý do hủy khoản thu', en: 'Give the reason for reversing the repayment' },
  'validation.rescheduleReason': { vi: 'Hãy ghi lý do điều chỉnh kỳ hạn', en: 'Give the reason for rescheduling' },
  'validation.writeOffReason': { vi: 'Hãy ghi lý do xử lý rủi ro', en: 'Give the reason for the write-off' },
  'validation.foundingWithoutOrganization': {
    vi: 'Hồ sơ thành lập chưa gắn với tổ chức; tổ chức được tạo hoặc liên kết khi đăng ký',
    en: 'A founding case has no organisation until it is registered',
  },
  'validation.caseOrganization': { vi: 'Hãy chọn tổ chức được tư vấn', en: 'Choose the organisation being advised' },
  'validation.dueBeforeOpened': { vi: 'Hạn xử lý không được trước ngày tiếp nhận', en: 'The due date cannot be before the opening date' },
  'validation.dropReason': { vi: 'Hãy ghi lý do dừng hồ sơ', en: 'Give the reason the case is dropped' },
  'validation.linkOrCreateOrganization': {
    vi: 'Hãy chọn một tổ chức đã có hoặc nhập thông tin tổ chức mới (không cả hai)',
    en: 'Choose an organisation on record or enter a new one (not both)',
  },
  'validation.periodOrder': { vi: 'Ngày cuối không được trước ngày đầu', en: 'The end of the period cannot be before its start' },
  'validation.paidOverDue': { vi: 'Số đã nộp không được lớn hơn số phải nộp', en: 'The amount paid cannot exceed the amount due' },
  'validation.paidOnRequired': { vi: 'Hãy ghi ngày nộp', en: 'Give the date of payment' },
  'validation.leaveReason': { vi: 'Hãy ghi lý do ra khỏi Liên minh', en: 'Give the reason for leaving the Alliance' },
} as const;

export type ValidationMessageKey = keyof typeof validationMessages;
export type Language = 'vi' | 'en';

export function isValidationMessageKey(value: string): value is ValidationMessageKey {
  return Object.hasOwn(validationMessages, value);
}
