import { Alert, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationPosition } from '../../../contracts/people.ts';
import { DateField } from '../../components/date-field.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { describeError, notifySuccess } from '../../lib/error-messages.ts';
import { fieldErrorsFromProblem } from '../../lib/field-errors.ts';
import { useUpdatePosition } from './api.ts';
import { FormActions } from '../../components/form-actions.tsx';

function today(): string {
  // The calendar day in Vietnam, whatever the device's zone.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

type EndPositionModalProps = { position: OrganizationPosition; onClose: () => void };

/** Records the last day someone held a position; the position stays in the record. */
export function EndPositionModal({ position, onClose }: EndPositionModalProps) {
  const { t } = useTranslation();
  const [endedOn, setEndedOn] = useState<string | null>(today());
  const [error, setError] = useState<string | null>(null);
  const update = useUpdatePosition();
  const positionName = t(`people.position.${position.position}`);

  const submit = () => {
    if (!endedOn) {
      setError(t('people.validation.endedOn'));
      return;
    }
    update.mutate(
      { id: position.id, version: position.version, endedOn },
      {
        onSuccess: () => {
          notifySuccess(t('people.positionEnded', { name: position.person.fullName, position: positionName }));
          onClose();
        },
        onError: (failure) => {
          if (isApiError(failure, 400)) setError(fieldErrorsFromProblem(failure.problem).endedOn ?? describeError(failure));
        },
      },
    );
  };

  const isConflict = isApiError(update.error, 409);

  return (
    <Modal
      opened
      onClose={onClose}
      centered
      title={t('people.endPositionTitle', { name: position.person.fullName, position: positionName })}
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
          <Text size="sm">{t('people.endPositionText')}</Text>
          <DateField
            label={t('people.fields.endedOn')}
            required
            value={endedOn}
            onChange={(value) => {
              setEndedOn(value);
              setError(null);
            }}
            error={error}
          />
          {update.isError && !isApiError(update.error, 400) && (
            <Alert color={isConflict ? 'yellow' : 'red'} role="alert">
              {isConflict ? t('people.positionConflict') : describeError(update.error)}
            </Alert>
          )}
          <FormActions onCancel={onClose} submitLabel={t('people.endPosition')} isPending={update.isPending} disabled={isConflict} />
        </Stack>
      </form>
    </Modal>
  );
}
