import { Group, Stack, Text } from '@mantine/core';
import { DataTable, type DataTableSortStatus } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import type { AdvisoryCaseSummary } from '../../../contracts/advisory.ts';
import { AnchorLink } from '../../components/router-links.tsx';
import { useTablePaging } from '../../components/table-paging.ts';
import { formatDate } from '../../lib/format.ts';
import { CaseStageBadge } from './case-stage-badge.tsx';
import { DueDate } from './due-date.tsx';

type CaseTableProps = {
  records: AdvisoryCaseSummary[];
  total: number;
  page: number;
  pageSize: number;
  sort: string;
  isFetching: boolean;
  onPageChange: (page: number) => void;
  onSortChange: (sort: string) => void;
};

const wideOnly = (theme: { breakpoints: { sm: string } }) => `(min-width: ${theme.breakpoints.sm})`;

/** Who is helped: the organisation, or the founding group until it is registered. */
export function caseSubject(item: AdvisoryCaseSummary): string {
  return item.organization?.name ?? item.groupName ?? item.title;
}

export function CaseTable(props: CaseTableProps) {
  const { t } = useTranslation();
  const paging = useTablePaging();
  const sortStatus: DataTableSortStatus<AdvisoryCaseSummary> = {
    columnAccessor: props.sort.replace(/^-/, ''),
    direction: props.sort.startsWith('-') ? 'desc' : 'asc',
  };

  return (
    <DataTable<AdvisoryCaseSummary>
      aria-label={t('advisory.list.title')}
      withTableBorder
      borderRadius="md"
      highlightOnHover
      minHeight={props.records.length === 0 ? 180 : undefined}
      records={props.records}
      fetching={props.isFetching}
      idAccessor="id"
      sortStatus={sortStatus}
      onSortStatusChange={(status) => {
        const key = status.columnAccessor === 'dueOn' ? 'dueOn' : 'openedOn';
        props.onSortChange(status.direction === 'desc' ? `-${key}` : key);
      }}
      page={props.page}
      onPageChange={props.onPageChange}
      totalRecords={props.total}
      recordsPerPage={props.pageSize}
      {...paging}
      noRecordsText={t('advisory.list.empty')}
      columns={[
        {
          accessor: 'title',
          title: t('advisory.fields.case'),
          render: (item) => (
            <Stack gap={2}>
              <AnchorLink to="/advisory/$id" params={{ id: item.id }} fw={500} style={{ overflowWrap: 'anywhere' }}>
                {caseSubject(item)}
              </AnchorLink>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {t(`advisory.kind.${item.kind}`)} · {item.communeName}
              </Text>
              <Text size="xs" c="dimmed" hiddenFrom="sm">
                {item.assignedOfficer.name}
              </Text>
              <Group hiddenFrom="sm">
                <CaseStageBadge stage={item.stage} />
              </Group>
            </Stack>
          ),
        },
        {
          accessor: 'stage',
          title: t('advisory.fields.stage'),
          visibleMediaQuery: wideOnly,
          render: (item) => <CaseStageBadge stage={item.stage} />,
        },
        {
          accessor: 'officer',
          title: t('advisory.fields.officer'),
          visibleMediaQuery: wideOnly,
          render: (item) => item.assignedOfficer.name,
        },
        {
          accessor: 'openedOn',
          title: t('advisory.fields.openedOn'),
          sortable: true,
          visibleMediaQuery: wideOnly,
          render: (item) => formatDate(item.openedOn),
        },
        {
          accessor: 'dueOn',
          title: t('advisory.fields.dueOn'),
          sortable: true,
          render: (item) => <DueDate item={item} />,
        },
      ]}
    />
  );
}
