import { Alert, Button, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../contracts/organizations.ts';
import { isApiError } from '../../lib/api-client.ts';
import { describeError, notifySuccess } from '../../lib/error-messages.ts';
import { fieldErrorsFromProblem } from '../../lib/field-errors.ts';
import { useArchiveOrganization, useOrganization } from './api.ts';
import { FormActions } from '../../components/form-actions.tsx';

type ArchiveOrganizationModalProps = { organization: Organization; isOpen: boolean; onClose: () => void };

export function ArchiveOrganizationModal({ organization, isOpen, onClose }: ArchiveOrganizationModalProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const archive = useArchiveOrganization(organization.id);
  const latest = useOrganization(organization.id);

  const close = () => {
    archive.reset();
    setReasonError(null);
    onClose();
  };

  const submit = () => {
    const trimmed = reason.trim();
    if (!trimmed) {
      setReasonError(t('archive.reasonRequired'));
      return;
    }
    archive.mutate(
      { version: organization.version, reason: trimmed },
      {
        onSuccess: () => {
          notifySuccess(t('archive.done'));
          setReason('');
          close();
        },
        onError: (error) => {
          if (isApiError(error, 400)) setReasonError(fieldErrorsFromProblem(error.problem).reason ?? null);
        },
      },
    );
  };

  const isConflict = isApiError(archive.error, 409);

  return (
    <Modal
      opened={isOpen}
      onClose={close}
      title={t('archive.title', { name: organization.name })}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('archive.text')}</Text>
          <Textarea
            label={t('archive.reason')}
            aria-label={t('archive.reason')}
            required
            autosize
            minRows={3}
            maxLength={500}
            value={reason}
            error={reasonError}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setReasonError(null);
            }}
            data-autofocus
          />
          {archive.isError && !reasonError && (
            <Alert color={isConflict ? 'yellow' : 'red'} role="alert">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{isConflict ? t('conflict.archiveText') : describeError(archive.error)}</Text>
                {isConflict && (
                  <Button size="xs" variant="white" onClick={() => void latest.refetch().then(() => archive.reset())}>
                    {t('conflict.reload')}
                  </Button>
                )}
              </Stack>
            </Alert>
          )}
          <FormActions onCancel={close} submitLabel={t('common.archive')} isPending={archive.isPending} color="red" />
        </Stack>
      </form>
    </Modal>
  );
}
