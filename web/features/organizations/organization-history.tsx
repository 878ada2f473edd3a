import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../contracts/common.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { usePlaceNames } from '../places/place-names.ts';
import { useOrganizationHistory } from './api.ts';
import { useFieldLabel, useFieldValueFormatter } from './field-values.ts';

const ACTION_COLORS: Record<AuditEntry['action'], string> = {
  create: 'teal',
  update: 'blue',
  archive: 'gray',
  restore: 'orange',
  erase: 'red',
  merge: 'grape',
};

/** Who changed what and when, newest first. */
export function OrganizationHistory({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const history = useOrganizationHistory(organizationId);
  const entries = history.data?.items ?? [];
  const placeNames = usePlaceNames(entries);
  const formatValue = useFieldValueFormatter(placeNames);
  const fieldLabel = useFieldLabel();

  if (history.isPending) return <LoadingState />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (entries.length === 0) return <Text c="dimmed">{t('history.empty')}</Text>;

  return (
    <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {entries.map((entry) => {
        // A creation has no "before": show the values it started with.
        const hasBefore = entry.action !== 'create';
        return (
          <Paper key={entry.id} component="li" withBorder p="md" radius="md">
            <Group gap="xs" mb={entry.changes.length > 0 ? 'xs' : 0}>
              <Badge variant="dot" color={ACTION_COLORS[entry.action]} c="dark.7">
                {t(`history.action.${entry.action}`)}
              </Badge>
              <Text size="sm" fw={500}>
                {entry.actorName ?? t('history.unknownActor')}
              </Text>
              <Text size="sm" c="dimmed">
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </Text>
            </Group>
            {entry.changes.length > 0 && (
              <Table withTableBorder={false} verticalSpacing={4} fz="sm" layout="fixed">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="34%">{t('history.field')}</Table.Th>
                    {hasBefore && <Table.Th>{t('history.before')}</Table.Th>}
                    <Table.Th>{hasBefore ? t('history.after') : t('history.value')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entry.changes.map((change) => (
                    <Table.Tr key={change.field}>
                      <Table.Td fw={500}>{fieldLabel(change.field)}</Table.Td>
                      {hasBefore && (
                        <Table.Td c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          {formatValue(change.field, change.before)}
                        </Table.Td>
                      )}
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{formatValue(change.field, change.after)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
