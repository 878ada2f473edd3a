import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization, UpdateOrganization } from '../../../contracts/organizations.ts';
import { useCurrentUser } from '../../app/session.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { notifyError, notifySuccess } from '../../lib/error-messages.ts';
import { useFormState } from '../../lib/use-form-state.ts';
import { communeLabel } from '../places/commune-select.tsx';
import { organizationQuery, useOrganization, useUpdateOrganization } from './api.ts';
import { OrganizationForm } from './organization-form.tsx';
import { validateOrganizationChanges, valuesFromOrganization } from './organization-form-values.ts';
import { SaveProblemAlert } from './save-problem-alert.tsx';
import { useSaveOrganization } from './use-save-organization.tsx';

const route = getRouteApi('/signed-in/organizations/$id/edit');

export function OrganizationEditPage() {
  const { id } = route.useParams();
  const query = useOrganization(id);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <OrganizationEditor key={id} organization={query.data} />;
}

/** Edits the version it was opened with; a newer version is loaded only when the user asks. */
function OrganizationEditor({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const [baseline, setBaseline] = useState(organization);
  const [isReloading, setIsReloading] = useState(false);
  const form = useFormState(valuesFromOrganization(organization));
  const update = useUpdateOrganization(organization.id);
  const backToDetail = () => void navigate({ to: '/organizations/$id', params: { id: organization.id } });
  const { save, problem, clearProblem } = useSaveOrganization<UpdateOrganization>({
    form,
    send: update.mutateAsync,
    onSaved: () => {
      notifySuccess(t('organizationForm.saved'));
      backToDetail();
    },
  });

  const loadLatest = async () => {
    setIsReloading(true);
    try {
      const latest = await queryClient.fetchQuery({ ...organizationQuery(organization.id), staleTime: 0 });
      setBaseline(latest);
      form.reset(valuesFromOrganization(latest));
      clearProblem();
    } catch (error) {
      notifyError(error);
    } finally {
      setIsReloading(false);
    }
  };

  const confirmLoadLatest = () =>
    modals.openConfirmModal({
      title: t('conflict.reload'),
      centered: true,
      children: t('conflict.reloadConfirm'),
      labels: { confirm: t('conflict.reload'), cancel: t('common.cancel') },
      onConfirm: () => void loadLatest(),
    });

  return (
    <>
      <PageHeader title={t('organizationForm.editTitle', { name: baseline.name })} />
      <OrganizationForm
        key={baseline.version}
        form={form}
        scopedProvinceCode={user.provinceCode ?? undefined}
        initialCommune={{
          label: communeLabel({ name: baseline.communeName, provinceName: baseline.provinceName }),
          provinceName: baseline.provinceName,
        }}
        isSaving={update.isPending}
        alert={<SaveProblemAlert problem={problem} onReloadLatest={confirmLoadLatest} isReloading={isReloading} />}
        onCancel={backToDetail}
        onSubmit={() => {
          const result = validateOrganizationChanges(baseline, form.values);
          if (result.errors) {
            form.setErrors(result.errors);
            return false;
          }
          if (result.changedCount === 0) {
            notifySuccess(t('organizationForm.noChanges'));
            return true;
          }
          void save(result.body);
          return true;
        }}
      />
    </>
  );
}
