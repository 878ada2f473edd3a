import { Alert, Button, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { permissions, useCurrentUser } from '../../app/session.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useOrganization } from './api.ts';
import { ArchiveOrganizationModal } from './archive-organization-modal.tsx';
import { OrganizationDetails } from './organization-details.tsx';
import { OrganizationHistory } from './organization-history.tsx';
import { ArchivedBadge, StatusBadge } from './status-badge.tsx';
import { AnchorLink, ButtonLink } from '../../components/router-links.tsx';
import { AnnualReportsTab } from '../annual-reports/annual-reports-tab.tsx';
import { OrganizationPeopleTab } from '../people/organization-people-tab.tsx';
import { OrganizationCasesTab } from '../advisory/organization-cases-tab.tsx';
import { OrganizationMembershipTab } from '../membership/organization-membership-tab.tsx';
import { OrganizationLoansTab } from '../finance/organization-loans-tab.tsx';

const route = getRouteApi('/signed-in/organizations/$id');

export const detailTabs = ['info', 'figures', 'people', 'cases', 'membership', 'loans', 'history'] as const;
const isDetailTab = (value: string | null): value is (typeof detailTabs)[number] => detailTabs.includes(value as never);

export function OrganizationDetailPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { id } = route.useParams();
  const { tab = 'info' } = route.useSearch();
  const navigate = route.useNavigate();
  const query = useOrganization(id);
  const [isArchiveOpen, archiveModal] = useDisclosure(false);

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    if (isApiError(query.error, 404)) return <OrganizationNotFound />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }

  const organization = query.data;
  const isArchived = organization.archivedAt !== null;
  const canWrite = permissions.canWriteOrganizations(user.role) && !isArchived;

  return (
    <>
      {user.role !== 'cooperative' && (
        <AnchorLink to="/organizations" size="sm" mb="xs" display="inline-block">
          <span aria-hidden>← </span>
          {t('organizations.backToList')}
        </AnchorLink>
      )}
      <PageHeader
        title={organization.name}
        badges={
          <>
            <StatusBadge status={organization.status} />
            {isArchived && <ArchivedBadge />}
          </>
        }
        description={t('organization.updatedAt', { date: formatDateTime(organization.updatedAt) })}
        actions={
          canWrite && (
            <>
              <ButtonLink to="/organizations/$id/edit" params={{ id }}>
                {t('common.edit')}
              </ButtonLink>
              <Button variant="default" c="red.9" onClick={archiveModal.open}>
                {t('common.archive')}
              </Button>
            </>
          )
        }
      />
      {isArchived && (
        <Alert color="gray" variant="light" mb="md" title={t('archive.bannerTitle', { date: formatDate(organization.archivedAt ?? '') })}>
          {organization.archivedReason && t('archive.bannerReason', { reason: organization.archivedReason })}
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(value) => void navigate({ search: { tab: isDetailTab(value) && value !== 'info' ? value : undefined }, replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="info">{t('organizations.tabs.info')}</Tabs.Tab>
          <Tabs.Tab value="figures">{t('organizations.tabs.figures')}</Tabs.Tab>
          <Tabs.Tab value="people">{t('organizations.tabs.people')}</Tabs.Tab>
          <Tabs.Tab value="cases">{t('organizations.tabs.cases')}</Tabs.Tab>
          <Tabs.Tab value="membership">{t('organizations.tabs.membership')}</Tabs.Tab>
          <Tabs.Tab value="loans">{t('organizations.tabs.loans')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('organizations.tabs.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="info">
          <OrganizationDetails organization={organization} />
        </Tabs.Panel>
        <Tabs.Panel value="figures">
          <AnnualReportsTab organization={organization} />
        </Tabs.Panel>
        <Tabs.Panel value="people">
          <OrganizationPeopleTab organization={organization} />
        </Tabs.Panel>
        <Tabs.Panel value="cases">
          <OrganizationCasesTab organization={organization} />
        </Tabs.Panel>
        <Tabs.Panel value="membership">
          <OrganizationMembershipTab organization={organization} />
        </Tabs.Panel>
        <Tabs.Panel value="loans">
          <OrganizationLoansTab organization={organization} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <OrganizationHistory organizationId={id} />
        </Tabs.Panel>
      </Tabs>
      {canWrite && <ArchiveOrganizationModal organization={organization} isOpen={isArchiveOpen} onClose={archiveModal.close} />}
    </>
  );
}

function OrganizationNotFound() {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={t('organizations.notFoundTitle')} role="alert">
      <Text size="sm" mb="sm">
        {t('organizations.notFoundText')}
      </Text>
      <AnchorLink to="/organizations" size="sm">
        {t('organizations.backToList')}
      </AnchorLink>
    </Alert>
  );
}
