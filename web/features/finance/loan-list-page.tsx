import { Box, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { getRouteApi } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type LoanListItem, loanStatuses } from '../../../contracts/finance.ts';
import { permissions, useCurrentUser } from '../../app/session.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { AnchorLink, ButtonLink } from '../../components/router-links.tsx';
import { useTablePaging } from '../../components/table-paging.ts';
import { formatDate, formatMoney, formatNumber } from '../../lib/format.ts';
import { useFundChoices, useLoans } from './api.ts';
import { FinanceNav } from './finance-nav.tsx';
import { LOAN_PAGE_SIZE, type LoanListSearch, toLoanListQuery } from './list-search.ts';
import { LoanStatusBadge } from './loan-status-badge.tsx';

const route = getRouteApi('/signed-in/finance/loans');
const wideOnly = (theme: { breakpoints: { sm: string } }) => `(min-width: ${theme.breakpoints.sm})`;
const veryWideOnly = (theme: { breakpoints: { lg: string } }) => `(min-width: ${theme.breakpoints.lg})`;

/** Every loan of the fund(s) the user sees, found by borrower, status or fund. */
export function LoanListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const paging = useTablePaging();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const loans = useLoans(toLoanListQuery(search));
  const funds = useFundChoices();
  const [text, setText] = useState(search.q ?? '');
  const update = (patch: Partial<LoanListSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, page: undefined, ...patch }), replace: true });
  const commitText = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 350);

  return (
    <>
      <FinanceNav />
      <PageHeader
        title={t('finance.loans.title')}
        description={loans.data ? t('finance.loans.count', { count: loans.data.total, formatted: formatNumber(loans.data.total) }) : ' '}
        actions={permissions.canServiceLoans(user.role) && <ButtonLink to="/finance/loans/new">{t('finance.loans.new')}</ButtonLink>}
      />
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('common.search')}
            placeholder={t('finance.loans.searchPlaceholder')}
            type="search"
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              commitText(event.currentTarget.value);
            }}
          />
          <Select
            label={t('finance.loans.status')}
            placeholder={t('finance.loans.anyStatus')}
            data={loanStatuses.map((value) => ({ value, label: t(`finance.status.${value}`) }))}
            value={search.status ?? null}
            onChange={(value) => update({ status: (value as LoanListSearch['status']) ?? undefined })}
            clearable
          />
          <Select
            label={t('finance.loans.fund')}
            placeholder={t('finance.loans.anyFund')}
            data={(funds.data ?? []).map((fund) => ({ value: fund.id, label: fund.name }))}
            value={search.fundId ?? null}
            onChange={(value) => update({ fundId: value ?? undefined })}
            clearable
          />
        </SimpleGrid>
        <DataTable<LoanListItem>
          aria-label={t('finance.loans.title')}
          withTableBorder
          borderRadius="md"
          minHeight={(loans.data?.items.length ?? 0) === 0 ? 160 : undefined}
          records={loans.data?.items ?? []}
          fetching={loans.isFetching}
          page={search.page ?? 1}
          onPageChange={(page) => update({ page: page === 1 ? undefined : page })}
          totalRecords={loans.data?.total ?? 0}
          recordsPerPage={LOAN_PAGE_SIZE}
          {...paging}
          noRecordsText={loans.isError ? t('errors.unexpected') : t('finance.loans.empty')}
          columns={[
            {
              accessor: 'organizationName',
              title: t('finance.loan.borrower'),
              render: (loan) => (
                <Stack gap={2}>
                  <AnchorLink to="/finance/loans/$id" params={{ id: loan.id }} fw={500} size="sm">
                    {loan.organizationName}
                  </AnchorLink>
                  <Box hiddenFrom="sm">
                    <LoanStatusBadge status={loan.status} />
                  </Box>
                  <Text size="xs" c="dimmed">
                    {[loan.contractNumber && t('finance.loan.contractShort', { number: loan.contractNumber }), loan.fundName]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Stack>
              ),
            },
            {
              accessor: 'status',
              title: t('finance.loans.status'),
              width: 150,
              visibleMediaQuery: wideOnly,
              render: (loan) => <LoanStatusBadge status={loan.status} />,
            },
            {
              accessor: 'requestedAmount',
              title: t('finance.loan.requestedAmount'),
              textAlign: 'right',
              visibleMediaQuery: wideOnly,
              render: (loan) => (
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(loan.requestedAmount)}
                </Text>
              ),
            },
            {
              accessor: 'disbursed',
              title: t('finance.loan.disbursed'),
              textAlign: 'right',
              visibleMediaQuery: wideOnly,
              render: (loan) => (
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(loan.disbursed)}
                </Text>
              ),
            },
            {
              accessor: 'position',
              title: t('finance.loans.outstandingToday'),
              textAlign: 'right',
              render: ({ position }) =>
                position ? (
                  <Stack gap={0} align="flex-end">
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatMoney(position.outstandingPrincipal)}
                    </Text>
                    {position.daysPastDue > 0 && (
                      <Text size="xs" c="red.8" style={{ whiteSpace: 'nowrap' }}>
                        {t('finance.loans.overdue', { days: position.daysPastDue, group: position.debtGroup })}
                      </Text>
                    )}
                  </Stack>
                ) : (
                  '—'
                ),
            },
            {
              accessor: 'appliedOn',
              title: t('finance.loan.appliedOn'),
              visibleMediaQuery: veryWideOnly,
              render: (loan) => formatDate(loan.appliedOn),
            },
            {
              accessor: 'maturityOn',
              title: t('finance.loan.maturityOn'),
              visibleMediaQuery: wideOnly,
              render: (loan) => (loan.maturityOn ? formatDate(loan.maturityOn) : '—'),
            },
          ]}
        />
      </Stack>
    </>
  );
}
