import { useTranslation } from 'react-i18next';
import type { AdvisoryCase } from '../../../contracts/advisory.ts';
import { AttachmentPanel } from '../../components/attachment-panel.tsx';
import { apiUrl } from '../../lib/api-client.ts';
import { notifySuccess } from '../../lib/error-messages.ts';
import { useRemoveAttachment, useUploadAttachment } from './api.ts';

/** The case's files (charter, business plan, registration file); the server checks type and size. */
export function CaseAttachmentsTab({ item, canWrite }: { item: AdvisoryCase; canWrite: boolean }) {
  const { t } = useTranslation();
  const upload = useUploadAttachment(item.id);
  const remove = useRemoveAttachment();
  return (
    <AttachmentPanel
      title={t('advisory.tabs.attachments')}
      hint={canWrite ? t('advisory.attachments.hint') : undefined}
      attachments={item.attachments}
      downloadHref={(attachment) => apiUrl(`/advisory-attachments/${encodeURIComponent(attachment.id)}`)}
      canWrite={canWrite}
      upload={{
        run: (file) => upload.mutate(file, { onSuccess: (attached) => notifySuccess(t('attachments.added', { name: attached.name })) }),
        isPending: upload.isPending,
        error: upload.error,
      }}
      remove={{
        run: (attachment) =>
          remove.mutate(attachment.id, { onSuccess: () => notifySuccess(t('attachments.removed', { name: attachment.name })) }),
        error: remove.error,
      }}
    />
  );
}
