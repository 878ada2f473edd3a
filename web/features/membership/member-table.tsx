import { Button, Group, Stack, Text } from '@mantine/core';
import { DataTable, type DataTableSortStatus } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import type { Dues, Membership } from '../../../contracts/membership.ts';
import { AnchorLink } from '../../components/router-links.tsx';
import { useTablePaging } from '../../components/table-paging.ts';
import { formatDate } from '../../lib/format.ts';
import { DuesStatusLabel } from './dues-status.tsx';

type MemberTableProps = {
  records: Membership[];
  /** This year's dues by membership id. */
  duesByMembership: Map<string, Dues>;
  total: number;
  page: number;
  pageSize: number;
  sort: string;
  isFetching: boolean;
  canWrite: boolean;
  onPageChange: (page: number) => void;
  onSortChange: (sort: string) => void;
  onEdit: (membership: Membership) => void;
  onLeave: (membership: Membership) => void;
};

const wideOnly = (theme: { breakpoints: { sm: string } }) => `(min-width: ${theme.breakpoints.sm})`;

export function MemberTable(props: MemberTableProps) {
  const { t } = useTranslation();
  const paging = useTablePaging();
  const sortStatus: DataTableSortStatus<Membership> = {
    columnAccessor: props.sort.replace(/^-/, ''),
    direction: props.sort.startsWith('-') ? 'desc' : 'asc',
  };

  return (
    <DataTable<Membership>
      aria-label={t('membership.list.title')}
      withTableBorder
      borderRadius="md"
      highlightOnHover
      minHeight={props.records.length === 0 ? 180 : undefined}
      records={props.records}
      fetching={props.isFetching}
      idAccessor="id"
      sortStatus={sortStatus}
      onSortStatusChange={(status) => {
        const key = status.columnAccessor === 'joinedOn' ? 'joinedOn' : 'name';
        props.onSortChange(status.direction === 'desc' ? `-${key}` : key);
      }}
      page={props.page}
      onPageChange={props.onPageChange}
      totalRecords={props.total}
      recordsPerPage={props.pageSize}
      {...paging}
      noRecordsText={t('membership.list.empty')}
      columns={[
        {
          accessor: 'name',
          title: t('membership.fields.organization'),
          sortable: true,
          render: (membership) => (
            <Stack gap={2}>
              <AnchorLink to="/organizations/$id" params={{ id: membership.organization.id }} search={{ tab: 'membership' }} fw={500}>
                {membership.organization.name}
              </AnchorLink>
              <Text size="xs" c="dimmed">
                {t(`organization.kind.${membership.organization.kind}`)} · {membership.organization.communeName}
              </Text>
              <Text size="xs" c="dimmed" hiddenFrom="sm">
                {t('membership.list.phoneLine', {
                  category: t(`membership.category.${membership.category}`),
                  joinedOn: formatDate(membership.joinedOn),
                })}
              </Text>
              {membership.leftOn && (
                <Text size="xs" c="red.8" hiddenFrom="sm">
                  {t('membership.list.phoneLeft', { leftOn: formatDate(membership.leftOn) })}
                </Text>
              )}
            </Stack>
          ),
        },
        {
          accessor: 'category',
          title: t('membership.fields.category'),
          visibleMediaQuery: wideOnly,
          render: (membership) => t(`membership.category.${membership.category}`),
        },
        {
          accessor: 'joinedOn',
          title: t('membership.fields.joinedOn'),
          sortable: true,
          visibleMediaQuery: wideOnly,
          render: (membership) => formatDate(membership.joinedOn),
        },
        {
          accessor: 'leftOn',
          title: t('membership.fields.leftOn'),
          visibleMediaQuery: wideOnly,
          render: (membership) =>
            membership.leftOn ? (
              <Stack gap={0}>
                <Text size="sm">{formatDate(membership.leftOn)}</Text>
                {membership.leftReason && (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {membership.leftReason}
                  </Text>
                )}
              </Stack>
            ) : (
              '—'
            ),
        },
        {
          accessor: 'dues',
          title: t('membership.list.duesThisYear'),
          render: (membership) => {
            const dues = props.duesByMembership.get(membership.id);
            return membership.isCurrent || dues ? <DuesStatusLabel status={dues?.status ?? null} /> : '—';
          },
        },
        ...(props.canWrite
          ? [
              {
                accessor: 'actions',
                title: '',
                textAlign: 'right' as const,
                render: (membership: Membership) => (
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      aria-label={t('membership.edit.label', { name: membership.organization.name })}
                      onClick={() => props.onEdit(membership)}
                    >
                      {t('common.edit')}
                    </Button>
                    {!membership.leftOn && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        aria-label={t('membership.leave.label', { name: membership.organization.name })}
                        onClick={() => props.onLeave(membership)}
                      >
                        {t('membership.leave.short')}
                      </Button>
                    )}
                  </Group>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
