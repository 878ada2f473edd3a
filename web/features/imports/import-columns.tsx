import { Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Import } from '../../../contracts/imports.ts';
import { useImportFieldLabel } from './field-labels.ts';

/** Which header row was found, which columns were understood as what, and which were left out. */
export function ImportColumns({ header }: { header: NonNullable<Import['header']> }) {
  const { t } = useTranslation();
  const fieldLabel = useImportFieldLabel();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t('imports.columnsTitle')}>
      <Group justify="space-between" align="baseline" mb="xs" gap="xs">
        <Title order={2} fz="h4">
          {t('imports.columnsTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('imports.headerRow', { row: header.rowNumber })}
        </Text>
      </Group>
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 3 }}
        spacing="xs"
        verticalSpacing={4}
        component="ul"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {header.columns.map((column) => (
          <Text key={`${column.header}-${column.field}`} component="li" size="sm">
            {column.header}
            <Text span c="dimmed" aria-hidden>
              {' → '}
            </Text>
            <Text span fw={600}>
              {fieldLabel(column.field)}
            </Text>
          </Text>
        ))}
      </SimpleGrid>
      <Group gap={6} align="baseline" mt="sm">
        <Text size="sm" fw={500}>
          {t('imports.ignoredColumns')}
        </Text>
        <Text size="sm" c={header.ignored.length > 0 ? undefined : 'dimmed'}>
          {header.ignored.length > 0 ? header.ignored.join(', ') : t('imports.noIgnoredColumns')}
        </Text>
      </Group>
    </Paper>
  );
}
