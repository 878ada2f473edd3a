import { Box, Group, List, Select, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTablePaging } from '../../components/table-paging.ts';
import { DataTable } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import type { Import, ImportRow, ImportRowAction } from '../../../contracts/imports.ts';
import { DotLabel } from '../../components/dot-label.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { notifyError } from '../../lib/error-messages.ts';
import { formatNumber } from '../../lib/format.ts';
import { useChooseCommune, useImportRows } from './api.ts';
import { useImportFieldLabel, useImportValueFormatter } from './field-labels.ts';
import { type ImportRowShow, importRowShows } from './list-search.ts';

export const actionColors: Record<ImportRowAction, string> = {
  create: 'teal',
  update: 'blue',
  unchanged: 'gray',
  error: 'red',
  choose: 'orange',
};

const PAGE_SIZE = 50;
const wideOnly = (theme: { breakpoints: { sm: string } }) => `(min-width: ${theme.breakpoints.sm})`;

type ImportRowsTableProps = {
  record: Import;
  show: ImportRowShow | undefined;
  page: number;
  onShowChange: (show: ImportRowShow | undefined) => void;
  onPageChange: (page: number) => void;
};

/** The rows of the file, a page at a time: what each will do, why, and the choices it needs. */
export function ImportRowsTable({ record, show, page, onShowChange, onPageChange }: ImportRowsTableProps) {
  const { t } = useTranslation();
  const paging = useTablePaging();
  const rows = useImportRows(
    record.id,
    {
      action: show === 'warnings' ? undefined : show,
      hasWarnings: show === 'warnings' ? true : undefined,
      page,
      status: record.status,
    },
    true,
  );
  const canChoose = record.status === 'ready';

  return (
    <Stack gap="sm" component="section" aria-label={t('imports.rowsTitle')}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Text fw={700} fz="h4" component="h2" m={0}>
          {t('imports.rowsTitle')}
        </Text>
        <Select
          label={t('imports.showRows')}
          aria-label={t('imports.showRows')}
          placeholder={t('imports.allRows')}
          data={importRowShows.map((value) => ({ value, label: t(`imports.show.${value}`) }))}
          value={show ?? null}
          onChange={(value) => onShowChange((value as ImportRowShow | null) ?? undefined)}
          clearable
          w={240}
        />
      </Group>
      <DataTable<ImportRow>
        aria-label={t('imports.rowsTitle')}
        withTableBorder
        borderRadius="md"
        minHeight={(rows.data?.items.length ?? 0) === 0 ? 160 : undefined}
        records={rows.data?.items ?? []}
        fetching={rows.isFetching}
        idAccessor="rowNumber"
        verticalAlign="top"
        page={page}
        onPageChange={onPageChange}
        totalRecords={rows.data?.total ?? 0}
        recordsPerPage={PAGE_SIZE}
        {...paging}
        noRecordsText={rows.isError ? t('errors.unexpected') : t('imports.noRows')}
        columns={[
          {
            accessor: 'rowNumber',
            title: t('imports.row'),
            width: 70,
            visibleMediaQuery: wideOnly,
            render: (row) => formatNumber(row.rowNumber),
          },
          {
            accessor: 'label',
            title: record.entity === 'people' ? t('imports.personRow') : t('imports.organization'),
            width: '35%',
            render: (row) => (
              <Stack gap={4}>
                <Text size="xs" c="dimmed" hiddenFrom="sm">
                  {t('imports.rowNumber', { row: row.rowNumber })}
                </Text>
                {row.targetId ? (
                  <AnchorLink
                    to={record.entity === 'people' ? '/people/$id' : '/organizations/$id'}
                    params={{ id: row.targetId }}
                    size="sm"
                    fw={500}
                  >
                    {row.label}
                  </AnchorLink>
                ) : (
                  <Text size="sm" fw={500}>
                    {row.label || t('imports.noName')}
                  </Text>
                )}
                <DotLabel color={actionColors[row.action]}>{t(`imports.action.${row.action}`)}</DotLabel>
              </Stack>
            ),
          },
          {
            accessor: 'details',
            title: t('imports.details'),
            render: (row) => <RowDetails row={row} importId={record.id} canChoose={canChoose} />,
          },
        ]}
      />
    </Stack>
  );
}

function RowDetails({ row, importId, canChoose }: { row: ImportRow; importId: string; canChoose: boolean }) {
  const { t } = useTranslation();
  const fieldLabel = useImportFieldLabel();
  const formatValue = useImportValueFormatter();
  const choose = useChooseCommune(importId);
  const hasNothing = row.errors.length + row.warnings.length + row.changes.length === 0 && !row.candidates;

  return (
    <Stack gap={6}>
      {row.errors.length > 0 && (
        <List size="sm" spacing={2} c="red.9" aria-label={t('imports.summary.error')}>
          {row.errors.map((problem) => (
            <List.Item key={`${problem.column}-${problem.message}`}>
              <Text span size="sm" fw={600}>
                {problem.column}:
              </Text>{' '}
              {problem.message}
            </List.Item>
          ))}
        </List>
      )}
      {row.warnings.length > 0 && (
        <List
          size="sm"
          spacing={2}
          icon={<Box w={8} h={8} mt={6} bg="orange.6" style={{ borderRadius: 2 }} aria-hidden />}
          aria-label={t('imports.summary.warnings')}
        >
          {row.warnings.map((problem) => (
            <List.Item key={`${problem.column}-${problem.message}`}>
              <Text span size="sm" fw={600}>
                {problem.column}:
              </Text>{' '}
              {problem.message}
            </List.Item>
          ))}
        </List>
      )}
      {row.candidates && canChoose && (
        <Select
          label={t('imports.chooseCommune')}
          aria-label={t('imports.chooseCommuneFor', { row: row.rowNumber })}
          placeholder={t('imports.chooseCommunePlaceholder')}
          data={row.candidates.map((candidate) => ({ value: candidate.code, label: candidate.label }))}
          value={row.chosenCommuneCode}
          onChange={(communeCode) => {
            if (!communeCode || communeCode === row.chosenCommuneCode) return;
            choose.mutate({ rowNumber: row.rowNumber, communeCode }, { onError: notifyError });
          }}
          allowDeselect={false}
          disabled={choose.isPending}
          maw={360}
          size="sm"
        />
      )}
      {row.candidates && !canChoose && row.chosenCommuneCode && (
        <Text size="sm">
          {t('imports.communeChosen', { commune: row.candidates.find((candidate) => candidate.code === row.chosenCommuneCode)?.label })}
        </Text>
      )}
      {row.changes.length > 0 && (
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={500}>
            {row.action === 'create' ? t('imports.valuesAdded') : t('imports.changes')}
          </Text>
          {row.changes.map((change) => (
            <Text key={change.field} size="sm" style={{ overflowWrap: 'anywhere' }}>
              <Text span size="sm" fw={500}>
                {fieldLabel(change.field)}:
              </Text>{' '}
              {row.action !== 'create' && (
                <>
                  <Text span size="sm" c="dimmed">
                    {formatValue(change.field, change.before)}
                  </Text>
                  <span aria-hidden> → </span>
                  <VisuallyHidden>{t('imports.becomes')}</VisuallyHidden>
                </>
              )}
              {formatValue(change.field, change.after)}
            </Text>
          ))}
        </Stack>
      )}
      {hasNothing && (
        <Text size="sm" c="dimmed">
          {row.action === 'unchanged' ? t('imports.nothingChanges') : '—'}
        </Text>
      )}
    </Stack>
  );
}
