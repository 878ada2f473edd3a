import { BarChart } from '@mantine/charts';
import { Button, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BankReferral, type BankReferralCounts, bankReferralStatuses, banks } from '../../../contracts/finance.ts';
import { permissions, useCurrentUser } from '../../app/session.ts';
import { ChartCard } from '../../components/chart-card.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { useTablePaging } from '../../components/table-paging.ts';
import { apiUrl } from '../../lib/api-client.ts';
import { thisYearInVietnam } from '../../lib/calendar.ts';
import { formatDate, formatMoney, formatNumber } from '../../lib/format.ts';
import { useBankReferralCounts, useBankReferrals } from './api.ts';
import { BANK_REFERRAL_PAGE_SIZE, type BankReferralSearch, toBankReferralQuery } from './bank-referral-search.ts';
import { BankReferralResultModal } from './bank-referral-result-modal.tsx';
import { CreateBankReferralModal } from './create-bank-referral-modal.tsx';
import { FinanceNav } from './finance-nav.tsx';
import { countAxis } from '../../lib/count-ticks.ts';

const route = getRouteApi('/signed-in/finance/bank-referrals');
const wideOnly = (theme: { breakpoints: { sm: string } }) => `(min-width: ${theme.breakpoints.sm})`;

const STATUS_COLORS: Record<BankReferral['status'], string> = {
  referred: 'blue.9',
  approved: 'teal.9',
  rejected: 'red.9',
  withdrawn: 'gray.7',
};

/** On a phone the tables scroll sideways: their viewport takes the keyboard focus so it can be scrolled without a mouse. */
const KEYBOARD_SCROLL = { viewportProps: { tabIndex: 0 } };

const money = (value: number | null) => (
  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
    {value === null ? '—' : formatMoney(value)}
  </Text>
);

type YearRow = BankReferralCounts['years'][number];

/** How many cooperatives were referred each year, how many got a loan and how much: the yearly report's lines. */
function YearlyCounts({ counts }: { counts: BankReferralCounts | undefined }) {
  const { t } = useTranslation();
  const years = [...(counts?.years ?? [])].sort((a, b) => b.year - a.year);
  return (
    <ChartCard title={t('finance.referrals.counts.title')} footer={t('finance.referrals.counts.footer')}>
      <Stack gap="md">
        {years.length > 1 && (
          <BarChart
            h={200}
            data={[...years].reverse().map((row) => ({ ...row, year: String(row.year) }))}
            dataKey="year"
            series={[
              { name: 'referred', label: t('finance.referrals.counts.referred'), color: 'blue.7' },
              { name: 'approved', label: t('finance.referrals.counts.approved'), color: 'teal.7' },
            ]}
            valueFormatter={formatNumber}
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            yAxisProps={{ width: 40, ...countAxis(years.flatMap((row) => [row.referred, row.approved])) }}
            textColor="dark.6"
          />
        )}
        <DataTable<YearRow>
          aria-label={t('finance.referrals.counts.title')}
          scrollAreaProps={KEYBOARD_SCROLL}
          withTableBorder
          borderRadius="sm"
          minHeight={years.length === 0 ? 120 : undefined}
          records={years}
          idAccessor="year"
          noRecordsText={t('finance.referrals.counts.empty')}
          columns={[
            { accessor: 'year', title: t('finance.referrals.counts.year') },
            { accessor: 'referred', title: t('finance.referrals.counts.referred'), textAlign: 'right' },
            { accessor: 'approved', title: t('finance.referrals.counts.approved'), textAlign: 'right' },
            { accessor: 'rejected', title: t('finance.referrals.counts.rejected'), textAlign: 'right' },
            { accessor: 'pending', title: t('finance.referrals.counts.pending'), textAlign: 'right' },
            {
              accessor: 'amountRequested',
              title: t('finance.referrals.counts.amountRequested'),
              textAlign: 'right',
              render: (row) => money(row.amountRequested),
            },
            {
              accessor: 'amountGranted',
              title: t('finance.referrals.counts.amountGranted'),
              textAlign: 'right',
              render: (row) => money(row.amountGranted),
            },
          ]}
        />
      </Stack>
    </ChartCard>
  );
}

/** The requests the Alliance sent to banks for its cooperatives, what the banks answered, and the yearly tally. */
export function BankReferralsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const paging = useTablePaging();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const referrals = useBankReferrals(toBankReferralQuery(search));
  const counts = useBankReferralCounts();
  const [creating, setCreating] = useState(false);
  const [answering, setAnswering] = useState<string | null>(null);
  const canWrite = permissions.canServiceLoans(user.role);
  const update = (patch: Partial<BankReferralSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, page: undefined, ...patch }), replace: true });
  const years = [...new Set([thisYearInVietnam(), ...(counts.data?.years ?? []).map((row) => row.year)])].sort((a, b) => b - a);
  const { page: _page, ...filters } = search;

  return (
    <>
      <FinanceNav />
      <PageHeader
        title={t('finance.referrals.title')}
        description={
          referrals.data
            ? t('finance.referrals.count', { count: referrals.data.total, formatted: formatNumber(referrals.data.total) })
            : ' '
        }
        actions={
          <>
            <Button component="a" variant="default" href={apiUrl('/bank-referrals/export', filters)} download>
              {t('finance.common.exportExcel')}
            </Button>
            {canWrite && <Button onClick={() => setCreating(true)}>{t('finance.referrals.new')}</Button>}
          </>
        }
      />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t('finance.referrals.year')}
            placeholder={t('finance.referrals.anyYear')}
            data={years.map((year) => String(year))}
            value={search.year ? String(search.year) : null}
            onChange={(value) => update({ year: value ? Number(value) : undefined })}
            clearable
          />
          <Select
            label={t('finance.referrals.fields.status')}
            placeholder={t('finance.referrals.anyStatus')}
            data={bankReferralStatuses.map((value) => ({ value, label: t(`finance.referrals.status.${value}`) }))}
            value={search.status ?? null}
            onChange={(value) => update({ status: (value as BankReferralSearch['status']) ?? undefined })}
            clearable
          />
          <Select
            label={t('finance.referrals.fields.bank')}
            placeholder={t('finance.referrals.anyBank')}
            data={banks.map((value) => ({ value, label: t(`finance.referrals.bank.${value}`) }))}
            value={search.bank ?? null}
            onChange={(value) => update({ bank: (value as BankReferralSearch['bank']) ?? undefined })}
            clearable
          />
        </SimpleGrid>
        <DataTable<BankReferral>
          aria-label={t('finance.referrals.title')}
          scrollAreaProps={KEYBOARD_SCROLL}
          withTableBorder
          borderRadius="md"
          minHeight={(referrals.data?.items.length ?? 0) === 0 ? 160 : undefined}
          records={referrals.data?.items ?? []}
          fetching={referrals.isFetching}
          page={search.page ?? 1}
          onPageChange={(page) => update({ page: page === 1 ? undefined : page })}
          totalRecords={referrals.data?.total ?? 0}
          recordsPerPage={BANK_REFERRAL_PAGE_SIZE}
          {...paging}
          noRecordsText={referrals.isError ? t('errors.unexpected') : t('finance.referrals.empty')}
          columns={[
            {
              accessor: 'organizationName',
              title: t('finance.referrals.fields.organization'),
              render: (referral) => (
                <Stack gap={2}>
                  <AnchorLink to="/organizations/$id" params={{ id: referral.organizationId }} fw={500} size="sm">
                    {referral.organizationName}
                  </AnchorLink>
                  <Text size="xs" c="dimmed">
                    {[t(`finance.referrals.bank.${referral.bank}`), referral.bankBranch, formatDate(referral.referredOn)]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Stack>
              ),
            },
            {
              accessor: 'amountRequested',
              title: t('finance.referrals.fields.amountRequested'),
              textAlign: 'right',
              visibleMediaQuery: wideOnly,
              render: (referral) => money(referral.amountRequested),
            },
            {
              accessor: 'status',
              title: t('finance.referrals.fields.status'),
              render: (referral) => (
                <Stack gap={2} align="flex-start">
                  <Text size="sm" fw={600} c={STATUS_COLORS[referral.status]}>
                    {t(`finance.referrals.status.${referral.status}`)}
                  </Text>
                  {referral.decidedOn && (
                    <Text size="xs" c="dimmed">
                      {formatDate(referral.decidedOn)}
                    </Text>
                  )}
                  {canWrite && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      px={0}
                      onClick={() => setAnswering(referral.id)}
                      aria-label={`${t('finance.referrals.update.button')}: ${referral.organizationName}`}
                    >
                      {t('finance.referrals.update.button')}
                    </Button>
                  )}
                </Stack>
              ),
            },
            {
              accessor: 'amountGranted',
              title: t('finance.referrals.fields.amountGranted'),
              textAlign: 'right',
              render: (referral) => money(referral.amountGranted),
            },
          ]}
        />
        <YearlyCounts counts={counts.data} />
      </Stack>
      <CreateBankReferralModal opened={creating} onClose={() => setCreating(false)} />
      <BankReferralResultModal
        referral={referrals.data?.items.find((referral) => referral.id === answering) ?? null}
        onClose={() => setAnswering(null)}
      />
    </>
  );
}
