import { useTranslation } from 'react-i18next';
import type { Loan } from '../../../contracts/finance.ts';
import { permissions, useCurrentUser } from '../../app/session.ts';
import { AttachmentPanel } from '../../components/attachment-panel.tsx';
import { notifySuccess } from '../../lib/error-messages.ts';
import { loanPaperHref, useLoanPapers, useRemoveLoanPaper, useUploadLoanPaper } from './api.ts';

/** The scanned papers of the loan's file; its province's staff and leaders file them. */
export function LoanPapers({ loan }: { loan: Loan }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const papers = useLoanPapers(loan.id);
  const upload = useUploadLoanPaper(loan.id);
  const remove = useRemoveLoanPaper(loan.id);
  const canWrite = permissions.canFileLoanPapers(user, loan);
  return (
    <AttachmentPanel
      title={t('finance.loan.papers')}
      hint={canWrite ? t('finance.loan.papersHint') : undefined}
      attachments={papers.data}
      downloadHref={loanPaperHref}
      canWrite={canWrite}
      upload={{
        run: (file) => upload.mutate(file, { onSuccess: (paper) => notifySuccess(t('attachments.added', { name: paper.name })) }),
        isPending: upload.isPending,
        error: upload.error ?? papers.error,
      }}
      remove={{
        run: (paper) => remove.mutate(paper, { onSuccess: () => notifySuccess(t('attachments.removed', { name: paper.name })) }),
        error: remove.error,
      }}
    />
  );
}
