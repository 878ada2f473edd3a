import { Alert, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CreatePosition, createPositionSchema, type Position, positions } from '../../../contracts/people.ts';
import { DateField } from '../../components/date-field.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { describeError, notifySuccess } from '../../lib/error-messages.ts';
import { useFormState } from '../../lib/use-form-state.ts';
import { useCreatePosition } from './api.ts';
import { PersonFields } from './person-fields.tsx';
import { emptyPersonValues, toPersonInput, translatePersonIssue } from './person-form-values.ts';
import { PersonSelect } from './person-select.tsx';
import { FormActions } from '../../components/form-actions.tsx';

type AddPositionModalProps = { organizationId: string; organizationName: string; onClose: () => void };

type PositionValues = { position: Position | null; personId: string | null; startedOn: string | null; endedOn: string | null };

/** Gives a position in the organisation to someone on record, or to a new person entered here. */
export function AddPositionModal({ organizationId, organizationName, onClose }: AddPositionModalProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  const position = useFormState<PositionValues>({ position: null, personId: null, startedOn: null, endedOn: null });
  const person = useFormState(emptyPersonValues);
  const create = useCreatePosition(organizationId);
  const [refusal, setRefusal] = useState<string | null>(null);

  const applyErrors = (errors: { field: string; message: string }[]) => {
    const positionErrors: Record<string, string> = {};
    const personErrors: Record<string, string> = {};
    for (const { field, message } of errors) {
      const [head, tail] = field.split('.');
      if (head === 'person' && tail) personErrors[tail] ??= message;
      else if (head) positionErrors[head] ??= message;
    }
    position.setErrors(positionErrors);
    person.setErrors(personErrors);
    return Object.keys(positionErrors).length + Object.keys(personErrors).length > 0;
  };

  const submit = () => {
    setRefusal(null);
    const { values } = position;
    const body: CreatePosition = {
      position: values.position as Position,
      startedOn: values.startedOn,
      endedOn: values.endedOn,
      ...(mode === 'existing' ? { personId: values.personId ?? undefined } : { person: toPersonInput(person.values) }),
    };
    const result = createPositionSchema.safeParse(body);
    const errors = result.success
      ? []
      : result.error.issues.map((issue) => ({
          field: issue.path.join('.'),
          message: translatePersonIssue(String(issue.path.at(-1) ?? ''), issue.message),
        }));
    if (mode === 'existing' && !values.personId) errors.push({ field: 'personId', message: t('people.validation.personId') });
    if (!values.position) errors.push({ field: 'position', message: t('people.validation.position') });
    if (errors.length > 0) {
      applyErrors(errors);
      return;
    }
    create.mutate(body, {
      onSuccess: (saved) => {
        notifySuccess(t('people.positionAdded', { name: saved.person.fullName, position: t(`people.position.${saved.position}`) }));
        onClose();
      },
      onError: (error) => {
        if (isApiError(error) && error.problem.errors?.length && applyErrors(error.problem.errors) && error.status === 400) return;
        setRefusal(describeError(error));
      },
    });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('people.addPositionTitle', { name: organizationName })}
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
          <Select
            label={t('people.fields.position')}
            aria-label={t('people.fields.position')}
            required
            data={positions.map((value) => ({ value, label: t(`people.position.${value}`) }))}
            value={position.values.position}
            onChange={(value) => position.setValue('position', value as Position | null)}
            error={position.errors.position}
            allowDeselect={false}
            data-autofocus
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="person-mode-label">
              {t('people.who')}
            </Text>
            <SegmentedControl
              aria-labelledby="person-mode-label"
              value={mode}
              onChange={(value) => setMode(value as 'existing' | 'new')}
              data={[
                { value: 'existing', label: t('people.existingPerson') },
                { value: 'new', label: t('people.newPerson') },
              ]}
            />
          </Stack>
          {mode === 'existing' ? (
            <PersonSelect
              label={t('people.fields.person')}
              value={position.values.personId}
              onChange={(personId) => position.setValue('personId', personId)}
              error={position.errors.personId}
            />
          ) : (
            <PersonFields form={person} />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateField
              label={t('people.fields.startedOn')}
              value={position.values.startedOn}
              onChange={(value) => position.setValue('startedOn', value)}
              error={position.errors.startedOn}
              description={t('people.startedOnHint')}
            />
            <DateField
              label={t('people.fields.endedOn')}
              value={position.values.endedOn}
              onChange={(value) => position.setValue('endedOn', value)}
              error={position.errors.endedOn}
              description={t('people.endedOnHint')}
            />
          </SimpleGrid>
          {refusal && (
            <Alert color="red" variant="light" role="alert">
              {refusal}
            </Alert>
          )}
          <FormActions onCancel={onClose} submitLabel={t('common.save')} isPending={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
