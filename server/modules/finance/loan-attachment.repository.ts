import type { Insertable } from 'kysely';
import type { LoanAttachment } from '../../../contracts/finance.ts';
import type { Db } from '../../db/database.ts';
import type { LoanAttachmentTable } from '../../db/schema.ts';

/** The most a loan page lists; a file with more papers is a sign of something else. */
const MAX_ROWS = 500;

const toAttachment = (row: LoanAttachmentTable): LoanAttachment => ({
  id: row.id,
  loanId: row.loan_id,
  name: row.name,
  type: row.file_type,
  contentType: row.content_type,
  size: row.size,
  uploadedBy: row.uploaded_by_name,
  uploadedAt: row.uploaded_at,
});

/** The scanned papers of loans; a removed one stays in the database for the record. */
export function createLoanAttachmentRepository(db: Db) {
  return {
    async findAttachments(loanId: string): Promise<LoanAttachment[]> {
      const rows = await db
        .selectFrom('loan_attachments')
        .selectAll()
        .where('loan_id', '=', loanId)
        .where('removed_at', 'is', null)
        .orderBy('uploaded_at', 'desc')
        .orderBy('id', 'desc')
        .limit(MAX_ROWS)
        .execute();
      return rows.map(toAttachment);
    },

    async findAttachment(id: string): Promise<(LoanAttachment & { fileId: string }) | undefined> {
      const row = await db
        .selectFrom('loan_attachments')
        .selectAll()
        .where('id', '=', id)
        .where('removed_at', 'is', null)
        .executeTakeFirst();
      return row && { ...toAttachment(row), fileId: row.file_id };
    },

    async insertAttachment(row: Insertable<LoanAttachmentTable>): Promise<void> {
      await db.insertInto('loan_attachments').values(row).execute();
    },

    async removeAttachment(id: string, at: string): Promise<boolean> {
      const result = await db
        .updateTable('loan_attachments')
        .set({ removed_at: at })
        .where('id', '=', id)
        .where('removed_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
