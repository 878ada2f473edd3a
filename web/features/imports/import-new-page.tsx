import { Alert, Button, FileButton, Group, List, Paper, Radio, Select, Stack, Text } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_REPORT_YEAR } from '../../../contracts/annual-reports.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { apiUrl } from '../../lib/api-client.ts';
import { describeError } from '../../lib/error-messages.ts';
import { formatNumber } from '../../lib/format.ts';
import type { ImportEntity } from '../../../contracts/imports.ts';
import { templatePaths, useStartImport } from './api.ts';

const route = getRouteApi('/signed-in/imports/new');

const ACCEPTED = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
const isSheet = (file: File) => /\.(xlsx|csv)$/i.test(file.name);

const HOW: Record<ImportEntity, string[]> = {
  organizations: ['header', 'addresses', 'matching', 'blanks', 'preview'],
  people: ['peopleHeader', 'peopleMatching', 'peoplePositions', 'blanks', 'preview'],
};

/**
 * Step one of an import: what the list is of (organisations, or people and their positions),
 * the file, and — for organisations — the year its figures are about when it does not say.
 */
export function ImportNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const entity = route.useSearch().entity ?? 'organizations';
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [isDragging, setIsDragging] = useState(false);
  const start = useStartImport();
  const currentYear = new Date().getFullYear();
  const years = Array.from({ length: currentYear - MIN_REPORT_YEAR + 1 }, (_, index) => String(currentYear - index));

  const pick = (picked: File | null) => {
    start.reset();
    if (picked && !isSheet(picked)) {
      setFile(null);
      setFileError(t('imports.wrongType'));
      return;
    }
    setFile(picked);
    setFileError(null);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setIsDragging(false);
    pick(event.dataTransfer.files[0] ?? null);
  };

  const submit = () => {
    if (!file) {
      setFileError(t('imports.chooseFile'));
      return;
    }
    start.mutate({ entity, file, year }, { onSuccess: (started) => void navigate({ to: '/imports/$id', params: { id: started.id } }) });
  };

  return (
    <>
      <PageHeader title={t('imports.newTitle')} description={t('imports.newDescription')} />
      <Stack gap="md" maw={760}>
        <Radio.Group
          label={t('imports.entityLabel')}
          value={entity}
          onChange={(value) => {
            start.reset();
            void navigate({ to: '/imports/new', search: { entity: value === 'people' ? 'people' : undefined }, replace: true });
          }}
        >
          <Group gap="lg" mt={6}>
            <Radio value="organizations" label={t('imports.entity.organizations')} />
            <Radio value="people" label={t('imports.entity.people')} />
          </Group>
        </Radio.Group>
        <Paper
          withBorder
          radius="md"
          p="xl"
          onDragOver={(event) => {
            event.preventDefault();
            setIsDragging(true);
          }}
          onDragLeave={() => setIsDragging(false)}
          onDrop={onDrop}
          style={{
            borderStyle: 'dashed',
            borderWidth: 2,
            borderColor: isDragging ? 'var(--mantine-color-brand-7)' : fileError ? 'var(--mantine-color-red-8)' : undefined,
            background: isDragging ? 'var(--mantine-color-brand-0)' : undefined,
          }}
        >
          <Stack align="center" gap="sm" ta="center">
            <Text fw={500}>{t('imports.dropHere')}</Text>
            <FileButton onChange={pick} accept={ACCEPTED}>
              {(props) => (
                <Button variant="default" {...props}>
                  {t('imports.chooseFileButton')}
                </Button>
              )}
            </FileButton>
            {file ? (
              <Text size="sm" aria-live="polite">
                {t('imports.chosenFile', { name: file.name, size: formatNumber(Math.max(1, Math.round(file.size / 1024))) })}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {t('imports.fileLimits')}
              </Text>
            )}
            {fileError && (
              <Text size="sm" c="red.9" role="alert">
                {fileError}
              </Text>
            )}
          </Stack>
        </Paper>

        {entity === 'organizations' && (
          <Select
            label={t('imports.defaultYear')}
            aria-label={t('imports.defaultYear')}
            description={t('imports.defaultYearHint', { year: currentYear - 1 })}
            placeholder={String(currentYear - 1)}
            data={years}
            value={year === null ? null : String(year)}
            onChange={(value) => setYear(value === null ? null : Number(value))}
            searchable
            clearable
            maw={320}
          />
        )}

        {start.isError && (
          <Alert color="red" variant="light" title={t('imports.uploadRefused')} role="alert">
            {describeError(start.error)}
          </Alert>
        )}

        <Group gap="xs">
          <Button onClick={submit} loading={start.isPending}>
            {t('imports.uploadAndPreview')}
          </Button>
          <Button component="a" variant="default" href={apiUrl(templatePaths[entity])} download>
            {t(`imports.template.${entity}`)}
          </Button>
        </Group>

        <Paper withBorder radius="md" p="md">
          <Text size="sm" fw={600} mb={4}>
            {t('imports.howTitle')}
          </Text>
          <List size="sm" spacing={4}>
            {HOW[entity].map((point) => (
              <List.Item key={point}>{t(`imports.how.${point}`)}</List.Item>
            ))}
          </List>
        </Paper>
      </Stack>
    </>
  );
}
