import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { usePlaceNames } from '../places/place-names.ts';
import { useCaseHistory } from './api.ts';

const shown = (value: unknown) => {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : String(value);
};

/** Who changed what on the case and when, newest first. */
export function CaseHistory({ caseId, names }: { caseId: string; names: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const history = useCaseHistory(caseId);
  const placeNames = usePlaceNames(history.data?.items ?? []);
  if (history.isPending) return <LoadingState />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  const entries = history.data.items;
  if (entries.length === 0) return <Text c="dimmed">{t('history.empty')}</Text>;
  // Stages, kinds, sectors and places read as words; other values as stored.
  const value = (field: string, raw: unknown) => {
    const group = {
      stage: 'advisory.stage',
      kind: 'advisory.kind',
      intendedSector: 'organization.sector',
      intendedKind: 'organization.kind',
    }[field];
    if (group && typeof raw === 'string' && i18n.exists(`${group}.${raw}`)) return t(`${group}.${raw}`);
    if ((field === 'communeCode' || field === 'provinceCode') && typeof raw === 'string') return placeNames.get(raw) ?? raw;
    // An officer or organisation id: its name when the page knows it.
    return typeof raw === 'string' && names[raw] ? names[raw] : shown(raw);
  };
  const label = (field: string) => (i18n.exists(`advisory.fields.${field}`) ? t(`advisory.fields.${field}`) : field);

  return (
    <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {entries.map((entry) => (
        <Paper key={entry.id} component="li" withBorder p="md" radius="md">
          <Group gap="xs" mb={entry.changes.length > 0 ? 'xs' : 0}>
            <Badge variant="dot" c="dark.7">
              {i18n.exists(`history.action.${entry.action}`) ? t(`history.action.${entry.action}`) : entry.action}
            </Badge>
            <Text size="sm" fw={500}>
              {entry.actorName ?? t('history.unknownActor')}
            </Text>
            <Text size="sm" c="dimmed">
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
            </Text>
          </Group>
          {entry.changes.length > 0 && (
            <Table.ScrollContainer minWidth={360}>
              <Table withTableBorder={false} verticalSpacing={4} fz="sm" layout="fixed">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="34%">{t('history.field')}</Table.Th>
                    {entry.action !== 'create' && <Table.Th>{t('history.before')}</Table.Th>}
                    <Table.Th>{entry.action === 'create' ? t('history.value') : t('history.after')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entry.changes.map((change) => (
                    <Table.Tr key={change.field}>
                      <Table.Td>{label(change.field)}</Table.Td>
                      {entry.action !== 'create' && (
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>{value(change.field, change.before)}</Table.Td>
                      )}
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{value(change.field, change.after)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
