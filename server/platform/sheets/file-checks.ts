import { AppError, type Localized } from '../errors.ts';
import { isZip, readZipDirectory } from './zip-directory.ts';

/** Limits every uploaded spreadsheet must keep; DESIGN: a bad file is refused whole. */
export const SHEET_LIMITS = {
  maxBytes: 50 * 1024 * 1024,
  maxRows: 200_000,
  /** What the workbook may unpack to, and how much it may expand: beyond this it is a zip bomb. */
  maxUnpackedBytes: 600 * 1024 * 1024,
  maxExpansionRatio: 150,
};

export type SheetFormat = 'xlsx' | 'csv';

export const badFile = (detail: Localized) => new AppError(400, 'bad_file', detail);

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Tells what the file is and refuses what cannot be read safely: not a spreadsheet, an
 * encrypted or legacy workbook, a damaged one, or one that would unpack to far more than it is.
 */
export function checkSheetFile(content: Buffer, fileName: string): SheetFormat {
  if (content.length === 0) throw badFile({ vi: 'Tệp rỗng.', en: 'The file is empty.' });
  if (content.length > SHEET_LIMITS.maxBytes) {
    throw badFile({ vi: 'Tệp lớn hơn giới hạn 50 MB.', en: 'The file is larger than the 50 MB limit.' });
  }
  if (content.subarray(0, 8).equals(OLE_SIGNATURE)) {
    throw badFile({
      vi: 'Tệp được đặt mật khẩu hoặc là định dạng .xls cũ. Hãy mở bằng Excel, bỏ mật khẩu và lưu thành .xlsx rồi tải lên lại.',
      en: 'The workbook is password-protected or an old .xls. Open it in Excel, remove the password, save as .xlsx and upload again.',
    });
  }
  if (isZip(content)) {
    const entries = readZipDirectory(content);
    if (!entries?.some((entry) => entry.name === 'xl/workbook.xml')) {
      throw badFile({
        vi: 'Tệp .xlsx bị hỏng hoặc không phải bảng tính Excel.',
        en: 'The .xlsx file is damaged or not an Excel workbook.',
      });
    }
    if (entries.some((entry) => entry.isEncrypted)) {
      throw badFile({
        vi: 'Tệp được mã hóa; hãy bỏ mật khẩu rồi tải lên lại.',
        en: 'The file is encrypted; remove the password and upload again.',
      });
    }
    const unpacked = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    const packed = entries.reduce((sum, entry) => sum + entry.compressedSize, 0);
    const isSizeUnknown = entries.some((entry) => entry.uncompressedSize === 0xffffffff);
    if (isSizeUnknown || unpacked > SHEET_LIMITS.maxUnpackedBytes || unpacked > Math.max(packed, 1) * SHEET_LIMITS.maxExpansionRatio) {
      throw badFile({
        vi: 'Tệp khi giải nén lớn bất thường (có thể là tệp độc hại); không đọc.',
        en: 'The file would unpack to an abnormal size (possibly malicious); it was not read.',
      });
    }
    return 'xlsx';
  }
  const sample = content.subarray(0, 64 * 1024);
  const looksLikeText = !sample.includes(0) && /\.(csv|txt)$/i.test(fileName);
  if (looksLikeText) return 'csv';
  throw badFile({
    vi: 'Tệp không phải bảng tính. Hãy tải lên tệp .xlsx hoặc .csv.',
    en: 'The file is not a spreadsheet. Upload an .xlsx or .csv file.',
  });
}
