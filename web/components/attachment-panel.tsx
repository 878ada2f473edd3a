import { Anchor, Button, FileButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Attachment, MAX_ATTACHMENT_BYTES } from '../../contracts/attachments.ts';
import { formatDateTime, formatNumber } from '../lib/format.ts';
import { ProblemAlert } from './problem-alert.tsx';

const ACCEPTED = '.pdf,.docx,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

type AttachmentPanelProps<T extends Attachment> = {
  title: string;
  /** What belongs here, said once above the list ("Đơn, phương án, báo cáo tài chính…"). */
  hint?: string;
  attachments: T[] | undefined;
  /** Where the browser downloads one (the session cookie goes with it). */
  downloadHref: (attachment: T) => string;
  canWrite: boolean;
  upload: { run: (file: File) => void; isPending: boolean; error: unknown };
  remove: { run: (attachment: T) => void; error: unknown };
};

const sizeOf = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB` : `${formatNumber(Math.ceil(bytes / 1024))} KB`;

/**
 * The files kept with a case or a loan: download any, add one (PDF, Word, JPEG, PNG up to 10 MB —
 * a larger file is refused here before it is sent), take one off after a confirmation.
 */
export function AttachmentPanel<T extends Attachment>(props: AttachmentPanelProps<T>) {
  const { t } = useTranslation();
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const pick = (file: File | null) => {
    if (!file) return;
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setTooLarge(t('attachments.tooLarge', { name: file.name, limit: MAX_ATTACHMENT_BYTES / 1024 / 1024 }));
      return;
    }
    setTooLarge(null);
    props.upload.run(file);
  };
  const confirmRemove = (attachment: T) =>
    modals.openConfirmModal({
      title: t('attachments.removeTitle'),
      centered: true,
      children: <Text size="sm">{t('attachments.removeText', { name: attachment.name })}</Text>,
      labels: { confirm: t('attachments.remove'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => props.remove.run(attachment),
    });

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={props.title}>
      <Group justify="space-between" align="flex-start" mb={6} gap="xs">
        <Title order={3} fz="h5">
          {props.title}
        </Title>
        {props.canWrite && (
          <FileButton onChange={pick} accept={ACCEPTED}>
            {(buttonProps) => (
              <Button {...buttonProps} size="xs" variant="light" loading={props.upload.isPending}>
                {t('attachments.add')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {props.hint && (
        <Text size="xs" c="dimmed" mb="xs">
          {props.hint}
        </Text>
      )}
      <Stack gap="xs">
        {props.attachments?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('attachments.empty')}
          </Text>
        )}
        {props.attachments?.map((attachment) => (
          <Group key={attachment.id} justify="space-between" wrap="nowrap" gap="xs">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Anchor href={props.downloadHref(attachment)} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {attachment.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {[attachment.type.toUpperCase(), sizeOf(attachment.size), attachment.uploadedBy, formatDateTime(attachment.uploadedAt)]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Stack>
            {props.canWrite && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => confirmRemove(attachment)}
                aria-label={t('attachments.removeNamed', { name: attachment.name })}
              >
                {t('attachments.remove')}
              </Button>
            )}
          </Group>
        ))}
        {tooLarge && (
          <Text size="sm" c="red.8" role="alert">
            {tooLarge}
          </Text>
        )}
        <ProblemAlert error={props.upload.error} />
        <ProblemAlert error={props.remove.error} />
      </Stack>
    </Paper>
  );
}
