import type { Loan, LoanAttachment } from '../../../contracts/finance.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { type Actor, assertAllowed } from '../../platform/access.ts';
import { storeAttachmentFile } from '../../platform/attachment-files.ts';
import { writeAudit } from '../../platform/audit.repository.ts';
import { type Clock, instantOf } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { createFileRepository } from '../../platform/files.repository.ts';
import { newId } from '../../platform/ids.ts';
import { canFileLoanPapers } from './finance.policy.ts';
import { createLoanAttachmentRepository } from './loan-attachment.repository.ts';
import type { LoanService } from './loan.service.ts';

const ATTACHMENT = { vi: 'tài liệu của hồ sơ vay', en: 'Loan paper' };
const ENTITY = 'loan_attachment';

/**
 * The scanned papers of a loan's file (application, business plan, statements, collateral
 * deeds, the signed decision and contract): whoever sees the loan reads them; its province's
 * staff and leaders file them. Removing one hides it; the file and its history stay.
 */
export function createLoanAttachmentService(deps: { db: Db; loans: Pick<LoanService, 'getLoan'>; clock: Clock }) {
  const { db, loans, clock } = deps;
  const attachments = createLoanAttachmentRepository(db);

  async function writableLoan(actor: Actor, loanId: string): Promise<Loan> {
    const loan = await loans.getLoan(actor, loanId);
    assertAllowed(canFileLoanPapers(actor, loan));
    return loan;
  }

  /** The paper and its loan, as long as the caller may see that loan (404 otherwise: its existence is not theirs to know). */
  async function visibleAttachment(actor: Actor, id: string) {
    const attachment = await attachments.findAttachment(id);
    if (!attachment) throw notFound(ATTACHMENT);
    const loan = await loans.getLoan(actor, attachment.loanId).catch(() => {
      throw notFound(ATTACHMENT);
    });
    return { attachment, loan };
  }

  return {
    async findAttachments(actor: Actor, loanId: string): Promise<LoanAttachment[]> {
      await loans.getLoan(actor, loanId);
      return attachments.findAttachments(loanId);
    },

    /** Refuses before the upload is read when the caller may not file papers on this loan. */
    async assertMayAttach(actor: Actor, loanId: string): Promise<void> {
      await writableLoan(actor, loanId);
    },

    /** Keeps a checked file (PDF, .docx, JPEG, PNG, ≤ 10 MB): the file, its row and the history row in one transaction. */
    async addAttachment(actor: Actor, loanId: string, upload: { fileName: string; content: Buffer }): Promise<LoanAttachment> {
      await writableLoan(actor, loanId);
      const id = newId();
      const now = instantOf(clock);
      return inTransaction(db, async (trx) => {
        const repository = createLoanAttachmentRepository(trx);
        await repository.insertAttachment({ id, loan_id: loanId, ...(await storeAttachmentFile(trx, actor, upload, now)) });
        const saved = await repository.findAttachment(id);
        if (!saved) throw notFound(ATTACHMENT);
        const { fileId: _fileId, ...attachment } = saved;
        await writeAudit(trx, {
          actor,
          entityType: ENTITY,
          entityId: id,
          action: 'create',
          before: null,
          after: { loanId, name: attachment.name, type: attachment.type, size: attachment.size },
          at: now,
        });
        return attachment;
      });
    },

    async readAttachment(actor: Actor, id: string): Promise<{ attachment: LoanAttachment; content: Buffer }> {
      const { attachment } = await visibleAttachment(actor, id);
      const content = await createFileRepository(db).findFileContent(attachment.fileId);
      if (!content) throw notFound(ATTACHMENT);
      const { fileId: _fileId, ...rest } = attachment;
      return { attachment: rest, content };
    },

    async removeAttachment(actor: Actor, id: string): Promise<void> {
      const { attachment, loan } = await visibleAttachment(actor, id);
      assertAllowed(canFileLoanPapers(actor, loan));
      const now = instantOf(clock);
      await inTransaction(db, async (trx) => {
        if (!(await createLoanAttachmentRepository(trx).removeAttachment(id, now))) {
          throw new AppError(409, 'already_removed', { vi: 'Tệp đã được gỡ.', en: 'The file was already removed.' });
        }
        await writeAudit(trx, {
          actor,
          entityType: ENTITY,
          entityId: id,
          action: 'archive',
          before: { loanId: attachment.loanId, name: attachment.name },
          after: { loanId: attachment.loanId, name: attachment.name, removed: true },
          at: now,
        });
      });
    },
  };
}

export type LoanAttachmentService = ReturnType<typeof createLoanAttachmentService>;
