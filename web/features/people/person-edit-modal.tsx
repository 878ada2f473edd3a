import { Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../contracts/people.ts';
import { isApiError } from '../../lib/api-client.ts';
import { notifyError, notifySuccess } from '../../lib/error-messages.ts';
import { fieldErrorsFromProblem } from '../../lib/field-errors.ts';
import { useFormState } from '../../lib/use-form-state.ts';
import { useUpdatePerson } from './api.ts';
import { PersonFields } from './person-fields.tsx';
import { validatePersonChanges, valuesFromPerson } from './person-form-values.ts';
import { FormActions } from '../../components/form-actions.tsx';

export function PersonEditModal({ person, onClose }: { person: Person; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useFormState(valuesFromPerson(person));
  const update = useUpdatePerson(person.id);

  const submit = () => {
    const result = validatePersonChanges(person, form.values);
    if (result.errors) return form.setErrors(result.errors);
    if (result.changedCount === 0) return onClose();
    update.mutate(result.body, {
      onSuccess: () => {
        notifySuccess(t('people.saved'));
        onClose();
      },
      onError: (error) => {
        if (isApiError(error) && error.problem.errors?.length) form.setErrors(fieldErrorsFromProblem(error.problem));
        notifyError(error);
      },
    });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('people.editTitle', { name: person.fullName })}
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
          <PersonFields form={form} isPersonalDataHidden={person.isPersonalDataHidden} autoFocus />
          <FormActions onCancel={onClose} submitLabel={t('common.save')} isPending={update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
