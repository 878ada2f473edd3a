import { Alert, List, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../contracts/people.ts';
import { isApiError } from '../../lib/api-client.ts';
import { describeError, notifySuccess } from '../../lib/error-messages.ts';
import { fieldErrorsFromProblem } from '../../lib/field-errors.ts';
import { useErasePerson } from './api.ts';
import { FormActions } from '../../components/form-actions.tsx';

/** Erasure on request (Decree 13/2023) cannot be undone: the user names the request and types the name again. */
export function ErasePersonModal({ person, onClose }: { person: Person; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [typedName, setTypedName] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const erase = useErasePerson(person.id);
  const isNameConfirmed = typedName.trim().normalize('NFC') === person.fullName.trim().normalize('NFC');

  const submit = () => {
    const trimmed = reason.trim();
    if (!trimmed) {
      setReasonError(t('people.validation.reason'));
      return;
    }
    if (!isNameConfirmed) return;
    erase.mutate(
      { version: person.version, reason: trimmed },
      {
        onSuccess: () => {
          notifySuccess(t('people.erasedDone'));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error, 400)) setReasonError(fieldErrorsFromProblem(error.problem).reason ?? null);
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      centered
      size="lg"
      title={t('people.eraseTitle', { name: person.fullName })}
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
          <Alert color="red" variant="light" title={t('people.eraseWarning')}>
            <List size="sm" spacing={2}>
              <List.Item>{t('people.eraseEffects.name')}</List.Item>
              <List.Item>{t('people.eraseEffects.personal')}</List.Item>
              <List.Item>{t('people.eraseEffects.history')}</List.Item>
              <List.Item>{t('people.eraseEffects.positions')}</List.Item>
            </List>
          </Alert>
          <Textarea
            label={t('people.eraseReason')}
            description={t('people.eraseReasonHint')}
            aria-label={t('people.eraseReason')}
            required
            autosize
            minRows={2}
            maxLength={500}
            value={reason}
            error={reasonError}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setReasonError(null);
            }}
            data-autofocus
          />
          <TextInput
            label={t('people.eraseConfirmName', { name: person.fullName })}
            aria-label={t('people.eraseConfirmNameShort')}
            required
            autoComplete="off"
            value={typedName}
            onChange={(event) => setTypedName(event.currentTarget.value)}
          />
          {erase.isError && !isApiError(erase.error, 400) && (
            <Alert color={isApiError(erase.error, 409) ? 'yellow' : 'red'} role="alert">
              {describeError(erase.error)}
            </Alert>
          )}
          <FormActions
            onCancel={onClose}
            submitLabel={t('people.eraseSubmit')}
            isPending={erase.isPending}
            color="red"
            disabled={!isNameConfirmed}
          />
          <Text size="xs" c="dimmed">
            {t('people.eraseAudit')}
          </Text>
        </Stack>
      </form>
    </Modal>
  );
}
