import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OrganizationInput } from '../../../contracts/organizations.ts';
import { useCurrentUser } from '../../app/session.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { notifySuccess } from '../../lib/error-messages.ts';
import { useFormState } from '../../lib/use-form-state.ts';
import { useCreateOrganization } from './api.ts';
import { OrganizationForm } from './organization-form.tsx';
import { emptyOrganizationValues, validateNewOrganization } from './organization-form-values.ts';
import { SaveProblemAlert } from './save-problem-alert.tsx';
import { useSaveOrganization } from './use-save-organization.tsx';

export function OrganizationCreatePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const form = useFormState(emptyOrganizationValues);
  const create = useCreateOrganization();
  const { save, problem } = useSaveOrganization<OrganizationInput>({
    form,
    send: create.mutateAsync,
    onSaved: (organization) => {
      notifySuccess(t('organizationForm.created'));
      void navigate({ to: '/organizations/$id', params: { id: organization.id } });
    },
  });

  return (
    <>
      <PageHeader title={t('organizationForm.createTitle')} />
      <OrganizationForm
        form={form}
        scopedProvinceCode={user.provinceCode ?? undefined}
        isSaving={create.isPending}
        alert={<SaveProblemAlert problem={problem} />}
        onCancel={() => void navigate({ to: '/organizations' })}
        onSubmit={() => {
          const result = validateNewOrganization(form.values);
          if (result.errors) {
            form.setErrors(result.errors);
            return false;
          }
          void save(result.body);
          return true;
        }}
      />
    </>
  );
}
