import type { FastifyRequest } from 'fastify';
import { MAX_ATTACHMENT_BYTES } from '../../contracts/attachments.ts';
import { attachmentTooLarge, badAttachment } from './attachments.rules.ts';

const noFile = () =>
  badAttachment({
    vi: 'Hãy chọn tệp PDF, Word (.docx), JPEG hoặc PNG để tải lên.',
    en: 'Choose a PDF, Word (.docx), JPEG or PNG file to upload.',
  });

/**
 * The one file of a multipart upload (field "file"), stopped at the size limit while it streams in.
 * Its content is checked by the service (`checkAttachment`), which knows what the file is for.
 */
export async function readAttachmentUpload(request: FastifyRequest): Promise<{ fileName: string; content: Buffer }> {
  if (!request.isMultipart()) throw noFile();
  let upload: { fileName: string; content: Buffer } | undefined;
  for await (const part of request.parts({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 2 } })) {
    if (part.type !== 'file') continue;
    const content = await part.toBuffer().catch(() => {
      throw attachmentTooLarge();
    });
    if (part.file.truncated) throw attachmentTooLarge();
    upload = { fileName: part.filename.normalize('NFC').trim().slice(0, 200), content };
  }
  if (!upload) throw noFile();
  return upload;
}
