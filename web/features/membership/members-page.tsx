import { Button, SimpleGrid, Stack } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../../contracts/common.ts';
import type { Dues } from '../../../contracts/membership.ts';
import { permissions, useCurrentUser } from '../../app/session.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ButtonLink } from '../../components/router-links.tsx';
import { StatCard } from '../../components/stat-card.tsx';
import { apiUrl } from '../../lib/api-client.ts';
import { formatMoneyShort, formatNumber } from '../../lib/format.ts';
import { AdmitMemberModal } from './admit-member-modal.tsx';
import { useDuesList, useMembershipList, useMembershipStats } from './api.ts';
import { thisYearInVietnam } from '../../lib/calendar.ts';
import { EditMembershipModal } from './edit-membership-modal.tsx';
import { LeaveMembershipModal } from './leave-membership-modal.tsx';
import { type MemberListSearch, toMembershipExportQuery, toMembershipListQuery } from './list-search.ts';
import { MemberDevelopmentChart } from './member-development-chart.tsx';
import { MemberFilters } from './member-filters.tsx';
import { MemberTable } from './member-table.tsx';

const route = getRouteApi('/signed-in/members');

export function MembersPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const canWrite = permissions.canWriteMemberships(user.role);
  const list = useMembershipList(toMembershipListQuery(search));
  const stats = useMembershipStats();
  const year = thisYearInVietnam();
  // This year's dues of the members on this page, for the status column.
  const shownIds = (list.data?.items ?? []).map((membership) => membership.id);
  const dues = useDuesList({ year, membershipIds: shownIds.join(','), pageSize: MAX_PAGE_SIZE }, shownIds.length > 0);
  const duesByMembership = new Map<string, Dues>((dues.data?.items ?? []).map((row) => [row.membershipId, row]));
  const [isAdmitting, setIsAdmitting] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [leavingId, setLeavingId] = useState<string | null>(null);
  // The modals show the membership as last loaded, so a reload after "someone saved first" reaches them.
  const findShown = (id: string | null) => list.data?.items.find((membership) => membership.id === id) ?? null;

  const update = (patch: Partial<MemberListSearch>, options: { replace?: boolean; keepPage?: boolean } = {}) =>
    void navigate({
      search: (previous) => ({ ...previous, ...patch, ...(options.keepPage ? {} : { page: undefined }) }),
      replace: options.replace,
    });

  return (
    <>
      <PageHeader
        title={t('membership.list.title')}
        description={list.data ? t('membership.list.count', { count: list.data.total, formatted: formatNumber(list.data.total) }) : ' '}
        actions={
          <>
            {canWrite && <Button onClick={() => setIsAdmitting(true)}>{t('membership.admit.open')}</Button>}
            <ButtonLink to="/members/dues" variant="default">
              {t('membership.dues.title')}
            </ButtonLink>
            <Button component="a" variant="default" href={apiUrl('/memberships/export', toMembershipExportQuery(search))} download>
              {t('membership.list.export')}
            </Button>
          </>
        }
      />
      {stats.data && (
        <Stack gap="md" mb="md">
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
            <StatCard label={t('membership.stats.members', { year: stats.data.year })} value={formatNumber(stats.data.members.total)} />
            <StatCard
              label={t('membership.category.official')}
              value={formatNumber(stats.data.members.byCategory.find((row) => row.key === 'official')?.count ?? 0)}
            />
            <StatCard
              label={t('membership.stats.duesPaid', { year: stats.data.dues.year })}
              value={formatMoneyShort(stats.data.dues.paid)}
              hint={t('membership.stats.duesOf', { due: formatMoneyShort(stats.data.dues.due) })}
            />
            <StatCard label={t('membership.stats.behind')} value={formatNumber(stats.data.dues.membersBehind)} />
          </SimpleGrid>
          <MemberDevelopmentChart stats={stats.data} />
        </Stack>
      )}
      <MemberFilters user={user} search={search} onChange={update} />
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <MemberTable
          records={list.data?.items ?? []}
          duesByMembership={duesByMembership}
          total={list.data?.total ?? 0}
          page={search.page ?? 1}
          pageSize={search.pageSize ?? DEFAULT_PAGE_SIZE}
          sort={search.sort ?? 'name'}
          isFetching={list.isFetching}
          canWrite={canWrite}
          onPageChange={(page) => update({ page: page === 1 ? undefined : page }, { keepPage: true })}
          onSortChange={(sort) => update({ sort: sort === 'name' ? undefined : (sort as MemberListSearch['sort']) })}
          onEdit={(membership) => setEditingId(membership.id)}
          onLeave={(membership) => setLeavingId(membership.id)}
        />
      )}
      {canWrite && (
        <>
          <AdmitMemberModal isOpen={isAdmitting} onClose={() => setIsAdmitting(false)} />
          <EditMembershipModal membership={findShown(editingId)} onClose={() => setEditingId(null)} />
          <LeaveMembershipModal membership={findShown(leavingId)} onClose={() => setLeavingId(null)} />
        </>
      )}
    </>
  );
}
