import { Alert, Button, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client.ts';
import { describeError, notifySuccess } from '../../lib/error-messages.ts';
import { useMergeOrganizations } from './api.ts';
import type { MergeChoice } from './duplicates-page.tsx';
import { FormActions } from '../../components/form-actions.tsx';

type MergeOrganizationsModalProps = { choice: MergeChoice; onClose: () => void; onReload: () => void };

/** Says exactly what a merge does before it is done: nothing is deleted, both histories stay. */
export function MergeOrganizationsModal({ choice, onClose, onReload }: MergeOrganizationsModalProps) {
  const { t } = useTranslation();
  const merge = useMergeOrganizations();
  const { survivor, duplicate } = choice;
  const isConflict = isApiError(merge.error, 409);

  const submit = () =>
    merge.mutate(
      { survivorId: survivor.id, duplicateId: duplicate.id, version: survivor.version, duplicateVersion: duplicate.version },
      {
        onSuccess: () => {
          notifySuccess(t('duplicates.merged', { name: survivor.name }));
          onClose();
        },
      },
    );

  return (
    <Modal
      opened
      onClose={onClose}
      centered
      size="lg"
      title={t('duplicates.mergeTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm">
        <Text size="sm">
          {t('duplicates.mergeKeep')}{' '}
          <Text span fw={700}>
            {survivor.name}
          </Text>
        </Text>
        <Text size="sm">
          {t('duplicates.mergeFold')}{' '}
          <Text span fw={700}>
            {duplicate.name}
          </Text>
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('duplicates.effects.archived', { name: duplicate.name })}</List.Item>
          <List.Item>{t('duplicates.effects.blanks')}</List.Item>
          <List.Item>{t('duplicates.effects.figures')}</List.Item>
          <List.Item>{t('duplicates.effects.history')}</List.Item>
        </List>
        {merge.isError && (
          <Alert color={isConflict ? 'yellow' : 'red'} variant="light" role="alert">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{describeError(merge.error)}</Text>
              {isConflict && (
                <Button
                  size="xs"
                  variant="white"
                  color="dark"
                  onClick={() => {
                    onReload();
                    onClose();
                  }}
                >
                  {t('duplicates.reload')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        <FormActions
          onCancel={onClose}
          onSubmit={submit}
          submitLabel={t('duplicates.mergeSubmit')}
          isPending={merge.isPending}
          disabled={isConflict}
        />
      </Stack>
    </Modal>
  );
}
