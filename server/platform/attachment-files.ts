import type { Db } from '../db/database.ts';
import type { Actor } from './access.ts';
import { checkAttachment } from './attachments.rules.ts';
import { createFileRepository } from './files.repository.ts';

/**
 * Checks an upload (PDF, .docx, JPEG, PNG, ≤ 10 MB) and stores its bytes in `files` within the
 * caller's transaction; answers the columns every attachments table shares, for the owner's row.
 */
export async function storeAttachmentFile(trx: Db, actor: Actor, upload: { fileName: string; content: Buffer }, now: string) {
  const { type, contentType } = checkAttachment(upload.content, upload.fileName);
  const fileId = await createFileRepository(trx).insertFile({
    name: upload.fileName,
    contentType,
    content: upload.content,
    createdBy: actor.userId,
    now,
  });
  return {
    file_id: fileId,
    name: upload.fileName,
    file_type: type,
    content_type: contentType,
    size: upload.content.length,
    uploaded_by: actor.userId,
    uploaded_by_name: actor.displayName,
    uploaded_at: now,
    removed_at: null,
  };
}
