import { Button, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { DataTable, type DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Portfolio } from '../../../contracts/finance-ledger.ts';
import { ChartCard } from '../../components/chart-card.tsx';
import { DateField } from '../../components/date-field.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { StatCard } from '../../components/stat-card.tsx';
import { useTablePaging } from '../../components/table-paging.ts';
import { apiUrl } from '../../lib/api-client.ts';
import { todayInVietnam } from '../../lib/calendar.ts';
import { formatDate, formatMoney, formatNumber, formatPercent } from '../../lib/format.ts';
import { useFundChoices, usePortfolio } from './api.ts';
import { FinanceNav } from './finance-nav.tsx';
import { CollectionsChart, DebtGroupChart, FundChart, formatMonth } from './portfolio-charts.tsx';
import type { PortfolioSearch } from './portfolio-search.ts';

const route = getRouteApi('/signed-in/finance');
const wideOnly = (theme: { breakpoints: { sm: string } }) => `(min-width: ${theme.breakpoints.sm})`;

const money = (value: number) => (
  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
    {formatMoney(value)}
  </Text>
);

/** A share of the whole in basis points → "12,5%". */
const percentOfBp = (basisPoints: number) => formatPercent(basisPoints / 100);

/** Rows shown at once in a part's table; a province's communes run to a hundred or more. */
const PART_ROWS = 10;

/** Outstanding of each part and its share of the whole, in one small table, paged when long. */
function AmountTable<Row extends { loans: number; outstanding: number }>({
  title,
  rows,
  first,
  idOf,
  total,
  extra = [],
}: {
  title: string;
  rows: Row[];
  first: DataTableColumn<Row>;
  idOf: (row: Row) => string;
  total: number;
  extra?: DataTableColumn<Row>[];
}) {
  const { t } = useTranslation();
  const paging = useTablePaging();
  const [page, setPage] = useState(1);
  const paged = rows.length > PART_ROWS;
  // A new set of rows (another fund or date chosen) may be shorter than the page shown.
  const shownPage = Math.min(page, Math.max(1, Math.ceil(rows.length / PART_ROWS)));
  const columns: DataTableColumn<Row>[] = [
    first,
    {
      accessor: 'loans',
      title: t('finance.common.loans'),
      textAlign: 'right',
      visibleMediaQuery: wideOnly,
      render: (row) => formatNumber(row.loans),
    },
    { accessor: 'outstanding', title: t('finance.common.outstanding'), textAlign: 'right', render: (row) => money(row.outstanding) },
    {
      accessor: 'share',
      title: t('finance.common.share'),
      textAlign: 'right',
      visibleMediaQuery: wideOnly,
      render: (row) => (total > 0 ? formatPercent((row.outstanding * 100) / total) : '—'),
    },
    ...extra,
  ];
  const table = {
    'aria-label': title,
    withTableBorder: true,
    borderRadius: 'sm',
    minHeight: rows.length === 0 ? 120 : undefined,
    idAccessor: idOf,
    noRecordsText: t('finance.portfolio.empty'),
    columns,
  };
  return (
    <ChartCard title={title}>
      {paged ? (
        <DataTable<Row>
          {...table}
          records={rows.slice((shownPage - 1) * PART_ROWS, shownPage * PART_ROWS)}
          page={shownPage}
          onPageChange={setPage}
          totalRecords={rows.length}
          recordsPerPage={PART_ROWS}
          {...paging}
        />
      ) : (
        <DataTable<Row> {...table} records={rows} />
      )}
    </ChartCard>
  );
}

function PortfolioFigures({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useTranslation();
  const { totals } = portfolio;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <StatCard label={t('finance.portfolio.outstanding')} value={formatMoney(totals.outstanding)} />
        <StatCard label={t('finance.portfolio.loans')} value={formatNumber(totals.loans)} />
        <StatCard
          label={t('finance.portfolio.par30')}
          value={percentOfBp(portfolio.par30.ratioBp)}
          hint={t('finance.portfolio.parHint', { amount: formatMoney(portfolio.par30.outstanding), days: 30 })}
        />
        <StatCard
          label={t('finance.portfolio.par90')}
          value={percentOfBp(portfolio.par90.ratioBp)}
          hint={t('finance.portfolio.parHint', { amount: formatMoney(portfolio.par90.outstanding), days: 90 })}
        />
        <StatCard
          label={t('finance.portfolio.overdue')}
          value={formatMoney(totals.overduePrincipal)}
          hint={t('finance.portfolio.overdueHint', {
            interest: formatMoney(totals.overdueInterest),
            due: formatMoney(totals.interestDue),
          })}
        />
        <StatCard
          label={t('finance.portfolio.provision')}
          value={formatMoney(totals.provision)}
          hint={t('finance.portfolio.provisionHint', { amount: formatMoney(totals.badDebt) })}
        />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <DebtGroupChart portfolio={portfolio} />
        <FundChart portfolio={portfolio} />
      </SimpleGrid>
      <CollectionsChart portfolio={portfolio} />

      <AmountTable
        title={t('finance.portfolio.byDebtGroup')}
        rows={portfolio.byDebtGroup}
        total={totals.outstanding}
        first={{
          accessor: 'group',
          title: t('finance.portfolio.group'),
          render: (row) => t(`finance.portfolio.groupLabel.${row.group}`),
        }}
        idOf={(row) => String(row.group)}
        extra={[
          {
            accessor: 'provision',
            title: t('finance.portfolio.provisionColumn'),
            textAlign: 'right',
            render: (row) => money(row.provision),
          },
        ]}
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <AmountTable
          title={t('finance.portfolio.byFund')}
          rows={portfolio.byFund}
          total={totals.outstanding}
          first={{ accessor: 'fundName', title: t('finance.portfolio.fund') }}
          idOf={(row) => row.fundId}
        />
        <AmountTable
          title={t('finance.portfolio.bySector')}
          rows={portfolio.bySector}
          total={totals.outstanding}
          first={{ accessor: 'sector', title: t('finance.portfolio.sector'), render: (row) => t(`organization.sector.${row.sector}`) }}
          idOf={(row) => row.sector}
        />
      </SimpleGrid>
      <AmountTable
        title={t('finance.portfolio.byCommune')}
        rows={portfolio.byCommune}
        total={totals.outstanding}
        first={{ accessor: 'communeName', title: t('finance.portfolio.commune') }}
        idOf={(row) => row.communeCode}
      />
      <OverdueLoans portfolio={portfolio} />
      <DueThisMonth portfolio={portfolio} />
      <Collections portfolio={portfolio} />
    </Stack>
  );
}

function DueThisMonth({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useTranslation();
  const { dueThisMonth } = portfolio;
  const title = t('finance.portfolio.due', { month: formatMonth(dueThisMonth.month) });
  type Row = Portfolio['dueThisMonth']['items'][number];
  return (
    <ChartCard
      title={title}
      footer={t('finance.portfolio.dueTotals', {
        principal: formatMoney(dueThisMonth.principal),
        interest: formatMoney(dueThisMonth.interest),
      })}
    >
      <DataTable<Row>
        aria-label={title}
        withTableBorder
        borderRadius="sm"
        minHeight={dueThisMonth.items.length === 0 ? 120 : undefined}
        records={dueThisMonth.items}
        idAccessor={(row) => `${row.loanId}-${row.dueDate}`}
        noRecordsText={t('finance.portfolio.noDue')}
        columns={[
          {
            accessor: 'organizationName',
            title: t('finance.portfolio.borrower'),
            render: (row) => (
              <Stack gap={2}>
                <AnchorLink to="/finance/loans/$id" params={{ id: row.loanId }} size="sm" fw={500}>
                  {row.organizationName}
                </AnchorLink>
                {row.contractNumber && (
                  <Text size="xs" c="dimmed">
                    {t('finance.loan.contractShort', { number: row.contractNumber })}
                  </Text>
                )}
              </Stack>
            ),
          },
          { accessor: 'dueDate', title: t('finance.portfolio.dueDate'), render: (row) => formatDate(row.dueDate) },
          { accessor: 'principal', title: t('finance.portfolio.principal'), textAlign: 'right', render: (row) => money(row.principal) },
          {
            accessor: 'interest',
            title: t('finance.portfolio.interest'),
            textAlign: 'right',
            visibleMediaQuery: wideOnly,
            render: (row) => money(row.interest),
          },
        ]}
      />
    </ChartCard>
  );
}

/** Whom to call first: the loans past due, the longest overdue first. */
function OverdueLoans({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useTranslation();
  type Row = Portfolio['overdueLoans'][number];
  const title = t('finance.portfolio.overdueLoans', { count: portfolio.overdueLoans.length });
  return (
    <ChartCard title={title}>
      <DataTable<Row>
        aria-label={title}
        withTableBorder
        borderRadius="sm"
        minHeight={portfolio.overdueLoans.length === 0 ? 120 : undefined}
        records={portfolio.overdueLoans}
        idAccessor="loanId"
        noRecordsText={t('finance.portfolio.noOverdue')}
        columns={[
          {
            accessor: 'organizationName',
            title: t('finance.portfolio.borrower'),
            render: (row) => (
              <Stack gap={2}>
                <AnchorLink to="/finance/loans/$id" params={{ id: row.loanId }} size="sm" fw={500}>
                  {row.organizationName}
                </AnchorLink>
                <Text size="xs" c="dimmed">
                  {[row.contractNumber && t('finance.loan.contractShort', { number: row.contractNumber }), row.communeName]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                <Text size="xs" c="red.8" hiddenFrom="sm">
                  {t('finance.portfolio.daysLateValue', { days: row.daysPastDue, group: row.debtGroup })}
                </Text>
              </Stack>
            ),
          },
          {
            accessor: 'daysPastDue',
            title: t('finance.portfolio.daysLate'),
            textAlign: 'right',
            visibleMediaQuery: wideOnly,
            render: (row) => (
              <Text size="sm" c="red.8" style={{ whiteSpace: 'nowrap' }}>
                {t('finance.portfolio.daysLateValue', { days: row.daysPastDue, group: row.debtGroup })}
              </Text>
            ),
          },
          {
            accessor: 'overduePrincipal',
            title: t('finance.portfolio.overduePrincipal'),
            textAlign: 'right',
            render: (row) => money(row.overduePrincipal + row.interestDue + row.overdueInterest),
          },
          {
            accessor: 'outstanding',
            title: t('finance.portfolio.outstanding'),
            textAlign: 'right',
            visibleMediaQuery: wideOnly,
            render: (row) => money(row.outstanding),
          },
        ]}
      />
    </ChartCard>
  );
}

function Collections({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useTranslation();
  type Row = Portfolio['collectionsByMonth'][number];
  return (
    <ChartCard title={t('finance.portfolio.collections')}>
      <DataTable<Row>
        aria-label={t('finance.portfolio.collections')}
        withTableBorder
        borderRadius="sm"
        minHeight={portfolio.collectionsByMonth.length === 0 ? 120 : undefined}
        records={portfolio.collectionsByMonth}
        idAccessor="month"
        noRecordsText={t('finance.common.noData')}
        columns={[
          { accessor: 'month', title: t('finance.portfolio.month'), render: (row) => formatMonth(row.month) },
          { accessor: 'principal', title: t('finance.portfolio.principal'), textAlign: 'right', render: (row) => money(row.principal) },
          {
            accessor: 'interest',
            title: t('finance.portfolio.interest'),
            textAlign: 'right',
            visibleMediaQuery: wideOnly,
            render: (row) => money(row.interest),
          },
          {
            accessor: 'overdueInterest',
            title: t('finance.portfolio.overdueInterest'),
            textAlign: 'right',
            visibleMediaQuery: wideOnly,
            render: (row) => money(row.overdueInterest),
          },
          { accessor: 'total', title: t('finance.portfolio.totalCollected'), textAlign: 'right', render: (row) => money(row.total) },
        ]}
      />
    </ChartCard>
  );
}

/** The Alliance's view of everything its funds have lent: how much is owed, how well it is paid, where. */
export function PortfolioPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const portfolio = usePortfolio(search);
  const funds = useFundChoices();
  const update = (patch: Partial<PortfolioSearch>) => void navigate({ search: (previous) => ({ ...previous, ...patch }), replace: true });
  const asOf = portfolio.data?.asOf ?? search.asOf ?? todayInVietnam();

  return (
    <>
      <FinanceNav />
      <PageHeader
        title={t('finance.portfolio.title')}
        description={t('finance.portfolio.description', { date: formatDate(asOf) })}
        actions={
          <Button component="a" variant="default" href={apiUrl('/finance/portfolio/export', search)} download>
            {t('finance.common.exportExcel')}
          </Button>
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <DateField
            label={t('finance.portfolio.asOf')}
            value={search.asOf ?? null}
            onChange={(value) => update({ asOf: value ?? undefined })}
          />
          <Select
            label={t('finance.portfolio.fund')}
            placeholder={t('finance.portfolio.anyFund')}
            data={(funds.data ?? []).map((fund) => ({ value: fund.id, label: fund.name }))}
            value={search.fundId ?? null}
            onChange={(value) => update({ fundId: value ?? undefined })}
            clearable
            w={{ base: '100%', sm: 320 }}
          />
        </Group>
        {portfolio.isError ? (
          <ErrorState error={portfolio.error} onRetry={() => void portfolio.refetch()} />
        ) : portfolio.data ? (
          <PortfolioFigures portfolio={portfolio.data} />
        ) : (
          <LoadingState />
        )}
      </Stack>
    </>
  );
}
