import { Button, Stack, Text } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import type { DuesBehind } from '../../../contracts/membership.ts';
import { AnchorLink } from '../../components/router-links.tsx';
import { useTablePaging } from '../../components/table-paging.ts';
import { formatDate, formatMoney } from '../../lib/format.ts';

type BehindRow = DuesBehind['items'][number];

type BehindTableProps = {
  records: BehindRow[];
  total: number;
  page: number;
  pageSize: number;
  isFetching: boolean;
  canWrite: boolean;
  onPageChange: (page: number) => void;
  /** Records a payment of the oldest year still owing. */
  onRecordPayment: (row: BehindRow, year: number) => void;
};

/** Members still owing dues, with each year's arrears, oldest first. */
export function BehindTable(props: BehindTableProps) {
  const { t } = useTranslation();
  const paging = useTablePaging();
  return (
    <DataTable<BehindRow>
      aria-label={t('membership.behind.tableLabel')}
      withTableBorder
      borderRadius="md"
      highlightOnHover
      minHeight={props.records.length === 0 ? 180 : undefined}
      records={props.records}
      fetching={props.isFetching}
      idAccessor="membershipId"
      page={props.page}
      onPageChange={props.onPageChange}
      totalRecords={props.total}
      recordsPerPage={props.pageSize}
      {...paging}
      noRecordsText={t('membership.behind.empty')}
      columns={[
        {
          accessor: 'organization',
          title: t('membership.fields.organization'),
          render: (row) => (
            <Stack gap={2}>
              <AnchorLink to="/organizations/$id" params={{ id: row.organization.id }} search={{ tab: 'membership' }} fw={500}>
                {row.organization.name}
              </AnchorLink>
              <Text size="xs" c="dimmed">
                {t(`organization.kind.${row.organization.kind}`)} · {row.organization.communeName}
              </Text>
            </Stack>
          ),
        },
        {
          accessor: 'years',
          title: t('membership.behind.years'),
          render: (row) => (
            <Stack gap={0}>
              {row.years.map((owing) => (
                <Text size="sm" key={owing.year}>
                  {t('membership.behind.yearLine', { year: owing.year, amount: formatMoney(owing.outstanding) })}
                </Text>
              ))}
            </Stack>
          ),
        },
        {
          accessor: 'outstanding',
          title: t('membership.behind.outstanding'),
          textAlign: 'right',
          render: (row) => (
            <Text size="sm" fw={600} c="red.8">
              {formatMoney(row.outstanding)}
            </Text>
          ),
        },
        {
          accessor: 'lastPaidOn',
          title: t('membership.behind.lastPaidOn'),
          render: (row) => (row.lastPaidOn ? formatDate(row.lastPaidOn) : '—'),
        },
        ...(props.canWrite
          ? [
              {
                accessor: 'actions',
                title: '',
                textAlign: 'right' as const,
                render: (row: BehindRow) => {
                  const oldest = row.years[0]?.year;
                  return oldest === undefined ? null : (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      aria-label={t('membership.payment.label', { name: row.organization.name, year: oldest })}
                      onClick={() => props.onRecordPayment(row, oldest)}
                    >
                      {t('membership.payment.shortYear', { year: oldest })}
                    </Button>
                  );
                },
              },
            ]
          : []),
      ]}
    />
  );
}
