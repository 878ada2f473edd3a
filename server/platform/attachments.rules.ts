import { type AttachmentType, MAX_ATTACHMENT_BYTES } from '../../contracts/attachments.ts';
import { AppError, type Localized } from './errors.ts';

const CONTENT_TYPES: Record<AttachmentType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

const EXTENSIONS: Record<AttachmentType, string[]> = {
  pdf: ['pdf'],
  docx: ['docx'],
  jpeg: ['jpg', 'jpeg'],
  png: ['png'],
};

const PDF = Buffer.from('%PDF-');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const ACCEPTED: Localized = {
  vi: 'Chỉ nhận tệp PDF, Word (.docx), JPEG hoặc PNG.',
  en: 'Only PDF, Word (.docx), JPEG or PNG files are accepted.',
};

export const badAttachment = (detail: Localized) => new AppError(400, 'bad_file', detail);

export const attachmentTooLarge = () =>
  new AppError(413, 'file_too_large', {
    vi: `Tệp lớn hơn giới hạn ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`,
    en: `The file is larger than the ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB limit.`,
  });

/** True when a ZIP's file names include a Word document's main part (read from its local headers, nothing unpacked). */
function isWordPackage(content: Buffer): boolean {
  // Each entry starts with a local header whose name follows at offset 30; the main part is usually the first few.
  let offset = 0;
  for (let entry = 0; entry < 200 && offset + 30 <= content.length; entry += 1) {
    if (!content.subarray(offset, offset + 4).equals(ZIP)) return false;
    const flags = content.readUInt16LE(offset + 6);
    const compressedSize = content.readUInt32LE(offset + 18);
    const nameLength = content.readUInt16LE(offset + 26);
    const extraLength = content.readUInt16LE(offset + 28);
    const name = content.toString('utf8', offset + 30, offset + 30 + nameLength);
    if (name === 'word/document.xml') return true;
    // A data descriptor (flag bit 3) leaves the size unknown here: scan for the next header instead.
    if ((flags & 0x08) !== 0) {
      const next = content.indexOf(ZIP, offset + 30 + nameLength);
      if (next < 0) return false;
      offset = next;
      continue;
    }
    offset += 30 + nameLength + extraLength + compressedSize;
  }
  return false;
}

/** What the bytes are, whatever the name or the browser says. */
export function detectAttachmentType(content: Buffer): AttachmentType | undefined {
  if (content.subarray(0, PDF.length).equals(PDF)) return 'pdf';
  if (content.subarray(0, PNG.length).equals(PNG)) return 'png';
  if (content.subarray(0, JPEG.length).equals(JPEG)) return 'jpeg';
  if (content.subarray(0, ZIP.length).equals(ZIP) && isWordPackage(content)) return 'docx';
  return undefined;
}

/**
 * Accepts a PDF, .docx, JPEG or PNG no larger than the limit, whose name ends as its content
 * says; refuses an old .doc or a password-protected document with what to do instead.
 */
export function checkAttachment(content: Buffer, fileName: string): { type: AttachmentType; contentType: string } {
  if (content.length === 0) throw badAttachment({ vi: 'Tệp rỗng.', en: 'The file is empty.' });
  if (content.length > MAX_ATTACHMENT_BYTES) throw attachmentTooLarge();
  if (content.subarray(0, OLE.length).equals(OLE)) {
    throw badAttachment({
      vi: 'Tệp Word cũ (.doc) hoặc tệp có mật khẩu. Hãy lưu thành .docx hoặc PDF, bỏ mật khẩu rồi tải lên lại.',
      en: 'An old Word file (.doc) or a password-protected one. Save it as .docx or PDF without a password and upload again.',
    });
  }
  const type = detectAttachmentType(content);
  if (!type) throw badAttachment(ACCEPTED);
  const extension = fileName.toLowerCase().split('.').at(-1) ?? '';
  if (!EXTENSIONS[type].includes(extension)) {
    throw badAttachment({
      vi: `Tên tệp "${fileName}" không khớp nội dung (tệp ${type.toUpperCase()}). ${ACCEPTED.vi}`,
      en: `The file name "${fileName}" does not match its content (a ${type.toUpperCase()} file). ${ACCEPTED.en}`,
    });
  }
  return { type, contentType: CONTENT_TYPES[type] };
}
