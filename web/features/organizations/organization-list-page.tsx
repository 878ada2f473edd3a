import { Button } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PAGE_SIZE } from '../../../contracts/common.ts';
import { permissions, useCurrentUser } from '../../app/session.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { apiUrl } from '../../lib/api-client.ts';
import { formatNumber } from '../../lib/format.ts';
import { useOrganizationList } from './api.ts';
import { type OrganizationListSearch, toOrganizationExportQuery, toOrganizationListQuery } from './list-search.ts';
import { OrganizationFilters } from './organization-filters.tsx';
import { OrganizationTable } from './organization-table.tsx';
import { ButtonLink } from '../../components/router-links.tsx';

const route = getRouteApi('/signed-in/organizations');

export function OrganizationListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const list = useOrganizationList(toOrganizationListQuery(search));

  const update = (patch: Partial<OrganizationListSearch>, options: { replace?: boolean; keepPage?: boolean } = {}) =>
    void navigate({
      search: (previous) => ({ ...previous, ...patch, ...(options.keepPage ? {} : { page: undefined }) }),
      replace: options.replace,
    });

  const pageSize = search.pageSize ?? DEFAULT_PAGE_SIZE;

  return (
    <>
      <PageHeader
        title={t('organizations.title')}
        description={
          list.data
            ? list.data.totalIsExact
              ? t('organizations.count', { count: list.data.total, formatted: formatNumber(list.data.total) })
              : t('organizations.countMoreThan', { formatted: formatNumber(list.data.total) })
            : ' '
        }
        actions={
          <>
            {permissions.canWriteOrganizations(user.role) && <ButtonLink to="/organizations/new">{t('common.create')}</ButtonLink>}
            {permissions.canImport(user.role) && (
              <ButtonLink to="/imports/new" variant="default">
                {t('organizations.import')}
              </ButtonLink>
            )}
            <Button component="a" variant="default" href={apiUrl('/organizations/export', toOrganizationExportQuery(search))} download>
              {t('organizations.export')}
            </Button>
            {permissions.canImport(user.role) && (
              <Button component="a" variant="subtle" href={apiUrl('/organizations/template')} download>
                {t('organizations.downloadTemplate')}
              </Button>
            )}
          </>
        }
      />
      <OrganizationFilters user={user} search={search} onChange={update} />
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <OrganizationTable
          records={list.data?.items ?? []}
          total={list.data?.total ?? 0}
          page={search.page ?? 1}
          pageSize={pageSize}
          sort={search.sort ?? 'name'}
          isFetching={list.isFetching}
          onPageChange={(page) => update({ page: page === 1 ? undefined : page }, { keepPage: true })}
          onPageSizeChange={(size) => update({ pageSize: size === DEFAULT_PAGE_SIZE ? undefined : size })}
          onSortChange={(sort) => update({ sort: sort === 'name' ? undefined : (sort as OrganizationListSearch['sort']) })}
        />
      )}
    </>
  );
}
