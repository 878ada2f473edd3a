import { Button, Stack, Text } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import type { Dues } from '../../../contracts/membership.ts';
import { AnchorLink } from '../../components/router-links.tsx';
import { useTablePaging } from '../../components/table-paging.ts';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { DuesStatusLabel } from './dues-status.tsx';

type DuesTableProps = {
  records: Dues[];
  total: number;
  page: number;
  pageSize: number;
  isFetching: boolean;
  canWrite: boolean;
  onPageChange: (page: number) => void;
  onRecordPayment: (dues: Dues) => void;
};

const wideOnly = (theme: { breakpoints: { sm: string } }) => `(min-width: ${theme.breakpoints.sm})`;

/** Every member's dues of one year. */
export function DuesTable(props: DuesTableProps) {
  const { t } = useTranslation();
  const paging = useTablePaging();
  return (
    <DataTable<Dues>
      aria-label={t('membership.dues.tableLabel')}
      withTableBorder
      borderRadius="md"
      highlightOnHover
      minHeight={props.records.length === 0 ? 180 : undefined}
      records={props.records}
      fetching={props.isFetching}
      idAccessor="id"
      page={props.page}
      onPageChange={props.onPageChange}
      totalRecords={props.total}
      recordsPerPage={props.pageSize}
      {...paging}
      noRecordsText={t('membership.dues.empty')}
      columns={[
        {
          accessor: 'organizationName',
          title: t('membership.fields.organization'),
          render: (dues) => (
            <Stack gap={2}>
              <AnchorLink to="/organizations/$id" params={{ id: dues.organizationId }} search={{ tab: 'membership' }} fw={500}>
                {dues.organizationName}
              </AnchorLink>
              <Text size="xs" c="dimmed">
                {t(`organization.kind.${dues.organizationKind}`)}
              </Text>
              <Text size="xs" c="dimmed" hiddenFrom="sm">
                {t('membership.dues.dueShort', { amount: formatMoney(dues.amountDue) })}
              </Text>
            </Stack>
          ),
        },
        {
          accessor: 'amountDue',
          title: t('membership.fields.amountDue'),
          textAlign: 'right',
          render: (dues) => formatMoney(dues.amountDue),
        },
        {
          accessor: 'amountPaid',
          title: t('membership.fields.amountPaid'),
          textAlign: 'right',
          render: (dues) => formatMoney(dues.amountPaid),
        },
        {
          accessor: 'paidOn',
          title: t('membership.fields.paidOn'),
          visibleMediaQuery: wideOnly,
          render: (dues) => (dues.paidOn ? formatDate(dues.paidOn) : '—'),
        },
        {
          accessor: 'receiptNumber',
          title: t('membership.fields.receiptNumber'),
          visibleMediaQuery: wideOnly,
          render: (dues) => dues.receiptNumber ?? '—',
        },
        { accessor: 'status', title: t('membership.fields.status'), render: (dues) => <DuesStatusLabel status={dues.status} /> },
        ...(props.canWrite
          ? [
              {
                accessor: 'actions',
                title: '',
                textAlign: 'right' as const,
                render: (dues: Dues) => (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    aria-label={t('membership.payment.label', { name: dues.organizationName, year: dues.year })}
                    onClick={() => props.onRecordPayment(dues)}
                  >
                    {t('membership.payment.short')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
