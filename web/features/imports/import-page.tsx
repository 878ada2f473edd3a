import { Alert, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Import, ImportSummary } from '../../../contracts/imports.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ButtonLink } from '../../components/router-links.tsx';
import { apiUrl, isApiError } from '../../lib/api-client.ts';
import { describeError, notifySuccess } from '../../lib/error-messages.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { templatePaths, useCommitImport, useImport } from './api.ts';
import { ImportColumns } from './import-columns.tsx';
import { ImportRowsTable } from './import-rows-table.tsx';
import type { ImportRowShow } from './list-search.ts';
import { JobProgress } from './job-progress.tsx';

const route = getRouteApi('/signed-in/imports/$id');

/** Steps two and three of an import: the preview with its choices, then the commit and its result. */
export function ImportPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useImport(id);
  const queryClient = useQueryClient();
  const status = query.data?.status;
  const previousStatus = useRef(status);

  // The registry changed once the commit ends: lists, records and figures are read again.
  useEffect(() => {
    if (previousStatus.current === 'committing' && status === 'committed') {
      void queryClient.invalidateQueries({ queryKey: ['organizations'] });
      void queryClient.invalidateQueries({ queryKey: ['annual-reports'] });
      void queryClient.invalidateQueries({ queryKey: ['people'] });
      void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
      notifySuccess(t('imports.committedNotice'));
    }
    previousStatus.current = status;
  }, [status, queryClient, t]);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const record = query.data;
  const show = (next: ImportRowShow | undefined) => void navigate({ search: { show: next, page: undefined }, replace: true });

  return (
    <>
      <PageHeader
        title={t('imports.title', { name: record.fileName })}
        description={t('imports.uploadedAt', { date: formatDateTime(record.createdAt) })}
        actions={
          (record.status === 'ready' || record.status === 'committed') && (
            <Button component="a" variant="default" href={apiUrl(`/imports/${encodeURIComponent(record.id)}/report`)} download>
              {t('imports.downloadReport')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <ImportStatus record={record} />
        {record.summary && (record.status === 'ready' || record.status === 'committed' || record.status === 'committing') && (
          <SummaryCards summary={record.summary} selected={search.show} onSelect={show} />
        )}
        {record.header && <ImportColumns header={record.header} />}
        {(record.status === 'ready' || record.status === 'committed') && (
          <ImportRowsTable
            record={record}
            show={search.show}
            page={search.page ?? 1}
            onShowChange={show}
            onPageChange={(page) =>
              void navigate({ search: (previous) => ({ ...previous, page: page === 1 ? undefined : page }), replace: true })
            }
          />
        )}
        {record.status === 'ready' && <CommitPanel record={record} />}
      </Stack>
    </>
  );
}

function ImportStatus({ record }: { record: Import }) {
  const { t } = useTranslation();
  if (record.status === 'previewing') {
    return (
      <Paper withBorder radius="md" p="md">
        <JobProgress job={record.job} label={t('imports.previewing')} />
      </Paper>
    );
  }
  if (record.status === 'committing') {
    return (
      <Paper withBorder radius="md" p="md">
        <JobProgress job={record.job} label={t('imports.committing')} />
        <Text size="xs" c="dimmed" mt="xs">
          {t('imports.committingHint')}
        </Text>
      </Paper>
    );
  }
  if (record.status === 'failed') {
    return (
      <Alert color="red" variant="light" title={t('imports.failedTitle')} role="alert">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{record.error ?? t('errors.unexpected')}</Text>
          <Group gap="xs">
            <ButtonLink
              to="/imports/new"
              search={{ entity: record.entity === 'people' ? 'people' : undefined }}
              size="xs"
              variant="white"
              color="red"
            >
              {t('imports.uploadAnother')}
            </ButtonLink>
            <Button component="a" size="xs" variant="white" color="dark" href={apiUrl(templatePaths[record.entity])} download>
              {t(`imports.template.${record.entity}`)}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }
  if (record.status === 'committed') {
    const summary = record.summary;
    return (
      <Alert color="green" variant="light" title={t('imports.committedTitle')} role="status">
        <Stack gap="sm" align="flex-start">
          {summary && (
            <Text size="sm">
              {t('imports.committedText', {
                context: record.entity,
                created: formatNumber(summary.create),
                updated: formatNumber(summary.update),
                unchanged: formatNumber(summary.unchanged),
                skipped: formatNumber(summary.error),
              })}
            </Text>
          )}
          <Group gap="xs">
            <ButtonLink to={record.entity === 'people' ? '/people' : '/organizations'} size="xs" variant="white">
              {t('imports.openList', { context: record.entity })}
            </ButtonLink>
            <ButtonLink to="/imports/new" size="xs" variant="white" color="dark">
              {t('imports.uploadAnother')}
            </ButtonLink>
          </Group>
        </Stack>
      </Alert>
    );
  }
  return null;
}

const SUMMARY_ITEMS: { key: keyof ImportSummary; show: ImportRowShow; color: string }[] = [
  { key: 'create', show: 'create', color: 'teal' },
  { key: 'update', show: 'update', color: 'blue' },
  { key: 'unchanged', show: 'unchanged', color: 'gray' },
  { key: 'error', show: 'error', color: 'red' },
  { key: 'choose', show: 'choose', color: 'orange' },
  { key: 'warnings', show: 'warnings', color: 'yellow' },
];

type SummaryCardsProps = {
  summary: ImportSummary;
  selected: ImportRowShow | undefined;
  onSelect: (show: ImportRowShow | undefined) => void;
};

/** The counts of what the rows will do; each one shows those rows. */
function SummaryCards({ summary, selected, onSelect }: SummaryCardsProps) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('imports.summaryTitle')}>
      <Text size="sm" c="dimmed" mb={6}>
        {t('imports.summaryRows', { count: summary.rows, formatted: formatNumber(summary.rows) })}
      </Text>
      <SimpleGrid cols={{ base: 2, xs: 3, md: 6 }} spacing="xs">
        {SUMMARY_ITEMS.map((item) => {
          const isSelected = selected === item.show;
          return (
            <UnstyledButton
              key={item.key}
              onClick={() => onSelect(isSelected ? undefined : item.show)}
              aria-pressed={isSelected}
              aria-label={`${t(`imports.summary.${item.key}`)}: ${formatNumber(summary[item.key])}`}
            >
              <Paper
                withBorder
                radius="md"
                p="sm"
                h="100%"
                style={{
                  borderLeft: `4px solid var(--mantine-color-${item.color}-6)`,
                  background: isSelected ? `var(--mantine-color-${item.color}-0)` : undefined,
                  outline: isSelected ? `2px solid var(--mantine-color-${item.color}-7)` : undefined,
                }}
              >
                <Text size="xs" c="dimmed" fw={500}>
                  {t(`imports.summary.${item.key}`)}
                </Text>
                <Text fz={26} fw={700} lh={1.2}>
                  {formatNumber(summary[item.key])}
                </Text>
              </Paper>
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
    </section>
  );
}

/** "Nhập dữ liệu": all rows or none; rows with errors only when the user says to leave them out. */
function CommitPanel({ record }: { record: Import }) {
  const { t } = useTranslation();
  const commit = useCommitImport(record.id);
  const [skipErrors, setSkipErrors] = useState(false);
  const summary = record.summary;
  if (!summary) return null;
  const toWrite = summary.create + summary.update;

  const send = () => commit.mutate({ version: record.version, skipRowsWithErrors: skipErrors }, { onSuccess: () => setSkipErrors(false) });

  const confirm = () =>
    modals.openConfirmModal({
      title: t('imports.confirmTitle'),
      centered: true,
      children: (
        <Text size="sm">
          {t('imports.confirmText', {
            context: record.entity,
            created: formatNumber(summary.create),
            updated: formatNumber(summary.update),
          })}
          {skipErrors &&
            summary.error > 0 &&
            ` ${t('imports.confirmSkipped', { count: summary.error, formatted: formatNumber(summary.error) })}`}
        </Text>
      ),
      labels: { confirm: t('imports.commit'), cancel: t('common.cancel') },
      onConfirm: send,
    });

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t('imports.commitTitle')}>
      <Title order={2} fz="h4" mb="xs">
        {t('imports.commitTitle')}
      </Title>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{toWrite > 0 ? t('imports.commitText', { context: record.entity }) : t('imports.nothingToWrite')}</Text>
        {summary.choose > 0 && (
          <Alert color="orange" variant="light" w="100%" p="xs">
            <Text size="sm" fw={500}>
              {t('imports.choicesLeft', { count: summary.choose, formatted: formatNumber(summary.choose) })}
            </Text>
          </Alert>
        )}
        {summary.error > 0 && (
          <Checkbox
            label={t('imports.skipErrors', { count: summary.error, formatted: formatNumber(summary.error) })}
            description={t('imports.skipErrorsHint')}
            checked={skipErrors}
            onChange={(event) => {
              setSkipErrors(event.currentTarget.checked);
              commit.reset();
            }}
          />
        )}
        {commit.isError && (
          <Alert color={isApiError(commit.error, 409) ? 'yellow' : 'red'} variant="light" role="alert" w="100%">
            {describeError(commit.error)}
          </Alert>
        )}
        <Button onClick={confirm} loading={commit.isPending} disabled={toWrite === 0}>
          {t('imports.commit')}
        </Button>
      </Stack>
    </Paper>
  );
}
