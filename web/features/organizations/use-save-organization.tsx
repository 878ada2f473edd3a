import { List, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../contracts/common.ts';
import type { Organization } from '../../../contracts/organizations.ts';
import { isApiError } from '../../lib/api-client.ts';
import { notify, notifyError } from '../../lib/error-messages.ts';
import { fieldErrorsFromProblem } from '../../lib/field-errors.ts';
import type { FormState } from '../../lib/use-form-state.ts';
import type { OrganizationFormValues } from './organization-form-values.ts';

/** A refusal the form shows above its buttons, keeping what the user typed. */
export type SaveProblem = { kind: 'duplicate'; message: string; conflictId: string | null } | { kind: 'version_conflict'; message: string };

type SaveOptions<Body> = {
  form: FormState<OrganizationFormValues>;
  send: (body: Body & { confirmWarnings?: boolean }) => Promise<Organization>;
  onSaved: (organization: Organization) => void;
};

/** Sends the form and turns each answer of the API into what the user should see next. */
export function useSaveOrganization<Body extends object>({ form, send, onSaved }: SaveOptions<Body>) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<SaveProblem | null>(null);

  const confirmWarnings = (warnings: NonNullable<Problem['warnings']>, onConfirm: () => void) =>
    modals.openConfirmModal({
      title: t('warnings.title'),
      centered: true,
      children: (
        <>
          <Text size="sm" mb="xs">
            {t('warnings.intro')}
          </Text>
          <List size="sm" spacing={4}>
            {warnings.map((warning) => (
              <List.Item key={`${warning.field}-${warning.code}`}>{warning.message}</List.Item>
            ))}
          </List>
        </>
      ),
      labels: { confirm: t('warnings.confirm'), cancel: t('warnings.cancel') },
      onConfirm,
    });

  const save = async (body: Body, isConfirmed = false): Promise<void> => {
    setProblem(null);
    try {
      onSaved(await send(isConfirmed ? { ...body, confirmWarnings: true } : body));
    } catch (error) {
      if (!isApiError(error)) return notifyError(error);
      const { problem: answer } = error;
      if (error.status === 400 && answer.errors?.length) {
        const errors = fieldErrorsFromProblem(answer);
        const unplaced = Object.entries(errors).filter(([field]) => !(field in form.values));
        form.setErrors(errors);
        notify({
          color: 'red',
          title: t('errors.checkFields'),
          message: unplaced.length > 0 ? unplaced.map(([, message]) => message).join(' ') : (answer.detail ?? answer.title),
        });
        return;
      }
      if (error.status === 422 && answer.code === 'confirm_warnings' && answer.warnings?.length) {
        confirmWarnings(answer.warnings, () => void save(body, true));
        return;
      }
      if (error.status === 409 && answer.code === 'duplicate_tax_code') {
        const message = answer.detail ?? answer.title;
        form.setErrors({ taxCode: message });
        setProblem({ kind: 'duplicate', message, conflictId: answer.conflictId ?? null });
        return;
      }
      if (error.status === 409 && answer.code === 'version_conflict') {
        setProblem({ kind: 'version_conflict', message: answer.detail ?? answer.title });
        return;
      }
      notifyError(error);
    }
  };

  return { save, problem, clearProblem: () => setProblem(null) };
}
