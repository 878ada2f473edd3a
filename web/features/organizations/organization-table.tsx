import { Group, Stack, Text } from '@mantine/core';
import { useTablePaging } from '../../components/table-paging.ts';
import { DataTable, type DataTableSortStatus } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import type { OrganizationListItem } from '../../../contracts/organizations.ts';
import { formatDate } from '../../lib/format.ts';
import { PAGE_SIZES } from './list-search.ts';
import { ArchivedBadge, PossibleDuplicateBadge, StatusText } from './status-badge.tsx';
import { AnchorLink } from '../../components/router-links.tsx';

type SortKey = 'name' | 'registeredOn';

type OrganizationTableProps = {
  records: OrganizationListItem[];
  total: number;
  page: number;
  pageSize: number;
  sort: string;
  isFetching: boolean;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
  onSortChange: (sort: string) => void;
};

const wideOnly = (theme: { breakpoints: { sm: string } }) => `(min-width: ${theme.breakpoints.sm})`;

export function OrganizationTable(props: OrganizationTableProps) {
  const { t } = useTranslation();
  const paging = useTablePaging();
  const sortStatus: DataTableSortStatus<OrganizationListItem> = {
    columnAccessor: props.sort.replace(/^-/, ''),
    direction: props.sort.startsWith('-') ? 'desc' : 'asc',
  };

  return (
    <DataTable<OrganizationListItem>
      aria-label={t('organizations.title')}
      withTableBorder
      borderRadius="md"
      highlightOnHover
      minHeight={props.records.length === 0 ? 180 : undefined}
      records={props.records}
      fetching={props.isFetching}
      idAccessor="id"
      sortStatus={sortStatus}
      onSortStatusChange={(status) => {
        const key = status.columnAccessor as SortKey;
        props.onSortChange(status.direction === 'desc' ? `-${key}` : key);
      }}
      page={props.page}
      onPageChange={props.onPageChange}
      totalRecords={props.total}
      recordsPerPage={props.pageSize}
      recordsPerPageOptions={[...PAGE_SIZES]}
      onRecordsPerPageChange={props.onPageSizeChange}
      recordsPerPageLabel={t('list.pageSize')}
      {...paging}
      noRecordsText={t('organizations.empty')}
      columns={[
        {
          accessor: 'name',
          title: t('organization.fields.name'),
          sortable: true,
          render: (organization) => (
            <Stack gap={2}>
              <AnchorLink to="/organizations/$id" params={{ id: organization.id }} fw={500}>
                {organization.name}
              </AnchorLink>
              <Text size="xs" c="dimmed" hiddenFrom="sm">
                {organization.communeName}, {organization.provinceName}
              </Text>
              {(organization.archivedAt || organization.hasPossibleDuplicate) && (
                <Group gap={4}>
                  {organization.archivedAt && <ArchivedBadge />}
                  {organization.hasPossibleDuplicate && !organization.archivedAt && <PossibleDuplicateBadge organization={organization} />}
                </Group>
              )}
            </Stack>
          ),
        },
        {
          accessor: 'kind',
          title: t('organization.fields.kind'),
          visibleMediaQuery: wideOnly,
          render: (organization) => t(`organization.kind.${organization.kind}`),
        },
        {
          accessor: 'taxCode',
          title: t('organization.fields.taxCode'),
          visibleMediaQuery: wideOnly,
          render: (organization) => organization.taxCode ?? '—',
        },
        {
          accessor: 'communeName',
          title: t('organization.fields.place'),
          visibleMediaQuery: wideOnly,
          render: (organization) => (
            <Stack gap={0}>
              <Text size="sm">{organization.communeName}</Text>
              <Text size="xs" c="dimmed">
                {organization.provinceName}
              </Text>
            </Stack>
          ),
        },
        {
          accessor: 'status',
          title: t('organization.fields.status'),
          render: (organization) => <StatusText status={organization.status} />,
        },
        {
          accessor: 'sector',
          title: t('organization.fields.sector'),
          visibleMediaQuery: wideOnly,
          render: (organization) => t(`organization.sector.${organization.sector}`),
        },
        {
          accessor: 'isNewModel',
          title: t('organization.fields.isNewModelShort'),
          visibleMediaQuery: wideOnly,
          textAlign: 'center',
          render: (organization) => (organization.isNewModel ? t('common.yes') : ''),
        },
        {
          accessor: 'registeredOn',
          title: t('organization.fields.registeredOn'),
          sortable: true,
          visibleMediaQuery: wideOnly,
          render: (organization) => (organization.registeredOn ? formatDate(organization.registeredOn) : '—'),
        },
      ]}
    />
  );
}
