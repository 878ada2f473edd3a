import { Group, Select, Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTablePaging } from '../../components/table-paging.ts';
import { DataTable } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { importEntities, type ImportListItem, importStatuses } from '../../../contracts/imports.ts';
import { DotLabel } from '../../components/dot-label.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { AnchorLink, ButtonLink } from '../../components/router-links.tsx';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { useImportList } from './api.ts';
import type { ImportListSearch } from './list-search.ts';

const route = getRouteApi('/signed-in/imports');
const PAGE_SIZE = 25;
const wideOnly = (theme: { breakpoints: { sm: string } }) => `(min-width: ${theme.breakpoints.sm})`;

const statusColors: Record<ImportListItem['status'], string> = {
  previewing: 'blue',
  ready: 'orange',
  committing: 'blue',
  committed: 'teal',
  failed: 'red',
};

/** Earlier imports, newest first: back to a preview left waiting, or to the report of one done. */
export function ImportListPage() {
  const { t } = useTranslation();
  const paging = useTablePaging();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const list = useImportList({ entity: search.entity, status: search.status, page, pageSize: PAGE_SIZE });
  const update = (patch: Partial<ImportListSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, page: undefined, ...patch }), replace: true });

  const describe = (item: ImportListItem) => {
    if (item.status === 'failed') return item.error ?? t('errors.unexpected');
    if (!item.summary) return '';
    return t('imports.listSummary', {
      rows: formatNumber(item.summary.rows),
      create: formatNumber(item.summary.create),
      update: formatNumber(item.summary.update),
      error: formatNumber(item.summary.error),
    });
  };

  return (
    <>
      <PageHeader
        title={t('imports.listTitle')}
        description={t('imports.listDescription')}
        actions={<ButtonLink to="/imports/new">{t('imports.newImport')}</ButtonLink>}
      />
      <Stack gap="sm">
        <Group gap="sm" align="flex-end">
          <Select
            label={t('imports.entityLabel')}
            placeholder={t('imports.allEntities')}
            data={importEntities.map((value) => ({ value, label: t(`imports.entity.${value}`) }))}
            value={search.entity ?? null}
            onChange={(value) => update({ entity: (value as ImportListSearch['entity']) ?? undefined })}
            clearable
            w={280}
          />
          <Select
            label={t('imports.statusLabel')}
            placeholder={t('imports.allStatuses')}
            data={importStatuses.map((value) => ({ value, label: t(`imports.status.${value}`) }))}
            value={search.status ?? null}
            onChange={(value) => update({ status: (value as ImportListSearch['status']) ?? undefined })}
            clearable
            w={220}
          />
        </Group>
        <DataTable<ImportListItem>
          aria-label={t('imports.listTitle')}
          withTableBorder
          borderRadius="md"
          minHeight={(list.data?.items.length ?? 0) === 0 ? 160 : undefined}
          records={list.data?.items ?? []}
          fetching={list.isFetching}
          verticalAlign="top"
          page={page}
          onPageChange={(next) => update({ page: next === 1 ? undefined : next })}
          totalRecords={list.data?.total ?? 0}
          recordsPerPage={PAGE_SIZE}
          {...paging}
          noRecordsText={list.isError ? t('errors.unexpected') : t('imports.noImports')}
          columns={[
            {
              accessor: 'fileName',
              title: t('imports.fileName'),
              render: (item) => (
                <Stack gap={4}>
                  <AnchorLink to="/imports/$id" params={{ id: item.id }} size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {item.fileName}
                  </AnchorLink>
                  <Text size="xs" c="dimmed">
                    {t(`imports.entity.${item.entity}`)}
                  </Text>
                  <DotLabel color={statusColors[item.status]}>{t(`imports.status.${item.status}`)}</DotLabel>
                </Stack>
              ),
            },
            { accessor: 'summary', title: t('imports.result'), render: (item) => <Text size="sm">{describe(item)}</Text> },
            {
              accessor: 'createdAt',
              title: t('imports.uploaded'),
              visibleMediaQuery: wideOnly,
              render: (item) => (
                <Stack gap={2}>
                  <Text size="sm">{formatDateTime(item.createdAt)}</Text>
                  {item.createdByName && (
                    <Text size="xs" c="dimmed">
                      {item.createdByName}
                    </Text>
                  )}
                </Stack>
              ),
            },
          ]}
        />
      </Stack>
    </>
  );
}
