import { Button, Group, Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PAGE_SIZE } from '../../../contracts/common.ts';
import { duesStatuses } from '../../../contracts/membership.ts';
import { organizationKinds } from '../../../contracts/organizations.ts';
import { permissions, useCurrentUser } from '../../app/session.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ButtonLink } from '../../components/router-links.tsx';
import { StatCard } from '../../components/stat-card.tsx';
import { apiUrl } from '../../lib/api-client.ts';
import { formatMoney, formatNumber } from '../../lib/format.ts';
import { useDuesBehind, useDuesList, useMembershipStats } from './api.ts';
import { AssessDuesModal } from './assess-dues-modal.tsx';
import { BehindTable } from './behind-table.tsx';
import { thisYearInVietnam } from '../../lib/calendar.ts';
import type { DuesSearch } from './dues-search.ts';
import { DuesTable } from './dues-table.tsx';
import { type PaymentTarget, RecordPaymentModal } from './record-payment-modal.tsx';

const route = getRouteApi('/signed-in/members/dues');
const FIRST_YEAR = 2000;

export function DuesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const canWrite = permissions.canWriteMemberships(user.role);
  const thisYear = thisYearInVietnam();
  const year = search.year ?? thisYear;
  const isBehindView = search.behind === true;
  const page = search.page ?? 1;
  const [text, setText] = useState(search.q ?? '');
  const [payment, setPayment] = useState<PaymentTarget | null>(null);
  const [isAssessing, setIsAssessing] = useState(false);

  const filters = { year, q: search.q, status: search.status, kind: search.kind };
  const list = useDuesList({ ...filters, page, pageSize: DEFAULT_PAGE_SIZE }, !isBehindView);
  const behind = useDuesBehind({ year, kind: search.kind, page, pageSize: DEFAULT_PAGE_SIZE }, isBehindView);
  const recorded = useDuesList({ year, pageSize: 1 });
  const stats = useMembershipStats(year);

  const update = (patch: Partial<DuesSearch>, options: { replace?: boolean } = {}) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch, page: patch.page }), replace: options.replace });
  const commitText = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }, { replace: true }), 350);

  const years = Array.from({ length: thisYear + 1 - FIRST_YEAR + 1 }, (_, index) => String(thisYear + 1 - index));
  const due = stats.data?.dues.due ?? 0;
  const paid = stats.data?.dues.paid ?? 0;
  const exportQuery = { year, q: search.q, status: search.status, kind: search.kind };

  return (
    <>
      <PageHeader
        title={t('membership.dues.titleOfYear', { year })}
        description={t('membership.dues.description')}
        actions={
          <>
            {canWrite && <Button onClick={() => setIsAssessing(true)}>{t('membership.assess.open', { year })}</Button>}
            <Button component="a" variant="default" href={apiUrl('/membership-dues/export', exportQuery)} download>
              {t('membership.dues.export')}
            </Button>
            <ButtonLink to="/members" variant="subtle">
              {t('membership.list.title')}
            </ButtonLink>
          </>
        }
      />
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" mb="md">
        <StatCard label={t('membership.dues.totalDue')} value={formatMoney(due)} />
        <StatCard label={t('membership.dues.totalPaid')} value={formatMoney(paid)} />
        {isBehindView ? (
          <StatCard
            label={t('membership.behind.totalOutstanding', { year })}
            value={formatMoney(behind.data?.totalOutstanding ?? 0)}
            hint={t('membership.dues.membersBehind', {
              count: behind.data?.total ?? 0,
              formatted: formatNumber(behind.data?.total ?? 0),
            })}
          />
        ) : (
          <StatCard
            label={t('membership.dues.totalRemaining')}
            value={formatMoney(due - paid)}
            hint={
              stats.data
                ? t('membership.dues.membersBehind', {
                    count: stats.data.dues.membersBehind,
                    formatted: formatNumber(stats.data.dues.membersBehind),
                  })
                : undefined
            }
          />
        )}
      </SimpleGrid>
      <Group gap="sm" align="flex-end" mb="md" wrap="wrap">
        <Select
          label={t('membership.dues.year')}
          allowDeselect={false}
          w={120}
          value={String(year)}
          onChange={(value) => update({ year: value && Number(value) !== thisYear ? Number(value) : undefined })}
          data={years}
        />
        {!isBehindView && (
          <TextInput
            label={t('common.search')}
            placeholder={t('membership.list.searchPlaceholder')}
            type="search"
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              commitText(event.currentTarget.value);
            }}
            style={{ flex: '1 1 14rem' }}
          />
        )}
        {!isBehindView && (
          <Select
            label={t('membership.fields.status')}
            placeholder={t('common.all')}
            clearable
            w={170}
            value={search.status ?? null}
            onChange={(value) => update({ status: (value as DuesSearch['status']) ?? undefined })}
            data={duesStatuses.map((status) => ({ value: status, label: t(`membership.dues.status.${status}`) }))}
          />
        )}
        <Select
          label={t('organization.fields.kind')}
          placeholder={t('common.all')}
          clearable
          w={190}
          value={search.kind ?? null}
          onChange={(value) => update({ kind: (value as DuesSearch['kind']) ?? undefined })}
          data={organizationKinds.map((kind) => ({ value: kind, label: t(`organization.kind.${kind}`) }))}
        />
        <Switch
          label={t('membership.behind.switch')}
          checked={isBehindView}
          onChange={(event) => update({ behind: event.currentTarget.checked || undefined })}
          mb={8}
        />
      </Group>
      {isBehindView ? (
        behind.isError && !behind.data ? (
          <ErrorState error={behind.error} onRetry={() => void behind.refetch()} />
        ) : (
          <BehindTable
            records={behind.data?.items ?? []}
            total={behind.data?.total ?? 0}
            page={page}
            pageSize={DEFAULT_PAGE_SIZE}
            isFetching={behind.isFetching}
            canWrite={canWrite}
            onPageChange={(next) => update({ page: next === 1 ? undefined : next })}
            onRecordPayment={(row, owingYear) =>
              setPayment({
                organizationId: row.organization.id,
                organizationName: row.organization.name,
                membershipId: row.membershipId,
                year: owingYear,
              })
            }
          />
        )
      ) : list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DuesTable
          records={list.data?.items ?? []}
          total={list.data?.total ?? 0}
          page={page}
          pageSize={DEFAULT_PAGE_SIZE}
          isFetching={list.isFetching}
          canWrite={canWrite}
          onPageChange={(next) => update({ page: next === 1 ? undefined : next })}
          onRecordPayment={(dues) =>
            setPayment({
              organizationId: dues.organizationId,
              organizationName: dues.organizationName,
              membershipId: dues.membershipId,
              year,
            })
          }
        />
      )}
      {canWrite && (
        <>
          <RecordPaymentModal target={payment} onClose={() => setPayment(null)} />
          <AssessDuesModal year={year} isOpen={isAssessing} onClose={() => setIsAssessing(false)} alreadySet={recorded.data?.total ?? 0} />
        </>
      )}
    </>
  );
}
