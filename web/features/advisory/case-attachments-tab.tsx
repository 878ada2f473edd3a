import { Anchor, Button, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdvisoryCase } from '../../../contracts/advisory.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { apiUrl } from '../../lib/api-client.ts';
import { notifyError, notifySuccess } from '../../lib/error-messages.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { useRemoveAttachment, useUploadAttachment } from './api.ts';

const sizeOf = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${formatNumber(Math.round(bytes / 104_857.6) / 10)} MB` : `${formatNumber(Math.ceil(bytes / 1024))} KB`;

/** The case's files (charter, business plan, registration file); the server checks type and size. */
export function CaseAttachmentsTab({ item, canWrite }: { item: AdvisoryCase; canWrite: boolean }) {
  const { t } = useTranslation();
  const upload = useUploadAttachment(item.id);
  const remove = useRemoveAttachment();
  const [file, setFile] = useState<File | null>(null);

  const submit = () => {
    if (!file) return;
    upload.mutate(file, {
      onSuccess: (attached) => {
        notifySuccess(t('advisory.attachments.done', { name: attached.name }));
        setFile(null);
      },
    });
  };

  return (
    <Stack gap="sm">
      {canWrite && (
        <Stack gap="xs">
          <Group align="flex-end" gap="sm">
            <FileInput
              label={t('advisory.attachments.file')}
              description={t('advisory.attachments.hint')}
              placeholder={t('advisory.attachments.choose')}
              accept=".pdf,.docx,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
              value={file}
              onChange={(chosen) => {
                setFile(chosen);
                upload.reset();
              }}
              clearable
              style={{ flex: '1 1 16rem' }}
            />
            <Button onClick={submit} disabled={!file} loading={upload.isPending}>
              {t('advisory.attachments.upload')}
            </Button>
          </Group>
          <ProblemAlert error={upload.error} staleHint="" />
        </Stack>
      )}
      {item.attachments.length === 0 ? (
        <Text c="dimmed">{t('advisory.attachments.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped withTableBorder aria-label={t('advisory.tabs.attachments')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('advisory.attachments.name')}</Table.Th>
                <Table.Th>{t('advisory.attachments.size')}</Table.Th>
                <Table.Th>{t('advisory.attachments.uploaded')}</Table.Th>
                {canWrite && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {item.attachments.map((attachment) => (
                <Table.Tr key={attachment.id}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Anchor href={apiUrl(`/advisory-attachments/${encodeURIComponent(attachment.id)}`)} download={attachment.name}>
                      {attachment.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{sizeOf(attachment.size)}</Table.Td>
                  <Table.Td>
                    {formatDateTime(attachment.uploadedAt)}
                    {attachment.uploadedBy ? ` · ${attachment.uploadedBy}` : ''}
                  </Table.Td>
                  {canWrite && (
                    <Table.Td ta="right">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        aria-label={t('advisory.attachments.removeLabel', { name: attachment.name })}
                        onClick={() =>
                          modals.openConfirmModal({
                            title: t('advisory.attachments.removeLabel', { name: attachment.name }),
                            centered: true,
                            children: <Text size="sm">{t('advisory.attachments.removeText')}</Text>,
                            labels: { confirm: t('advisory.attachments.remove'), cancel: t('common.cancel') },
                            confirmProps: { color: 'red' },
                            onConfirm: () => remove.mutate(attachment.id, { onError: notifyError }),
                          })
                        }
                      >
                        {t('advisory.attachments.remove')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
