import { Button, Group, SegmentedControl } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PAGE_SIZE } from '../../../contracts/common.ts';
import { permissions, useCurrentUser } from '../../app/session.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ButtonLink } from '../../components/router-links.tsx';
import { apiUrl } from '../../lib/api-client.ts';
import { formatNumber } from '../../lib/format.ts';
import { useCaseBoard, useCaseList } from './api.ts';
import { canChangeCase } from './case-access.ts';
import { CaseBoard } from './case-board.tsx';
import { CaseFilters } from './case-filters.tsx';
import { CaseTable } from './case-table.tsx';
import { type AdvisoryListSearch, toCaseBoardQuery, toCaseExportQuery, toCaseListQuery } from './list-search.ts';

const route = getRouteApi('/signed-in/advisory');

/** Founding support and consulting cases: a list or a board by stage, with the filters in the address. */
export function AdvisoryListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const isBoard = search.view === 'board';
  const list = useCaseList(toCaseListQuery(search), !isBoard);
  const board = useCaseBoard(toCaseBoardQuery(search), isBoard);

  const update = (patch: Partial<AdvisoryListSearch>, options: { replace?: boolean; keepPage?: boolean } = {}) =>
    void navigate({
      search: (previous) => ({ ...previous, ...patch, ...(options.keepPage ? {} : { page: undefined }) }),
      replace: options.replace,
    });

  return (
    <>
      <PageHeader
        title={t('advisory.list.title')}
        description={
          !isBoard && list.data ? t('advisory.list.count', { count: list.data.total, formatted: formatNumber(list.data.total) }) : ' '
        }
        actions={
          <>
            {permissions.canWriteAdvisoryCases(user.role) && <ButtonLink to="/advisory/new">{t('advisory.create.open')}</ButtonLink>}
            <ButtonLink to="/advisory/reports" variant="default">
              {t('advisory.reports.title')}
            </ButtonLink>
            <Button component="a" variant="default" href={apiUrl('/advisory-cases/export', toCaseExportQuery(search))} download>
              {t('advisory.list.export')}
            </Button>
          </>
        }
      />
      <Group mb="sm">
        <SegmentedControl
          aria-label={t('advisory.list.view')}
          value={isBoard ? 'board' : 'list'}
          onChange={(value) => update({ view: value === 'board' ? 'board' : undefined, stage: undefined })}
          data={[
            { value: 'list', label: t('advisory.list.viewList') },
            { value: 'board', label: t('advisory.list.viewBoard') },
          ]}
        />
      </Group>
      <CaseFilters user={user} search={search} onChange={update} />
      {isBoard ? (
        board.isError && !board.data ? (
          <ErrorState error={board.error} onRetry={() => void board.refetch()} />
        ) : board.data ? (
          <CaseBoard board={board.data} canMove={(card) => canChangeCase(user, card)} />
        ) : (
          <LoadingState />
        )
      ) : list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <CaseTable
          records={list.data?.items ?? []}
          total={list.data?.total ?? 0}
          page={search.page ?? 1}
          pageSize={search.pageSize ?? DEFAULT_PAGE_SIZE}
          sort={search.sort ?? '-openedOn'}
          isFetching={list.isFetching}
          onPageChange={(page) => update({ page: page === 1 ? undefined : page }, { keepPage: true })}
          onSortChange={(sort) => update({ sort: sort === '-openedOn' ? undefined : (sort as AdvisoryListSearch['sort']) })}
        />
      )}
    </>
  );
}
