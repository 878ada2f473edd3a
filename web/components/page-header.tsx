import { Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';

type PageHeaderProps = { title: ReactNode; description?: ReactNode; actions?: ReactNode; badges?: ReactNode };

/** The page's one h1, a line under it, and its main actions (wrapping under the title on a phone). */
export function PageHeader({ title, description, actions, badges }: PageHeaderProps) {
  useDocumentTitle(typeof title === 'string' ? `${title} · hoptac` : 'hoptac');
  return (
    <Group justify="space-between" align="flex-start" mb="md" gap="sm">
      <Stack gap={4} style={{ minWidth: 0, flex: '1 1 18rem' }}>
        <Title order={1} fz={{ base: 'h3', sm: 'h2' }} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {badges && <Group gap="xs">{badges}</Group>}
        {description && (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        )}
      </Stack>
      {actions && (
        <Group gap="xs" wrap="wrap">
          {actions}
        </Group>
      )}
    </Group>
  );
}
