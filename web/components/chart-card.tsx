import { Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type ChartCardProps = { title: string; children: ReactNode; footer?: ReactNode };

export function ChartCard({ title, children, footer }: ChartCardProps) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Title order={2} fz="h4" mb="sm">
        {title}
      </Title>
      {children}
      {footer && (
        <Text size="xs" c="dimmed" mt="sm">
          {footer}
        </Text>
      )}
    </Paper>
  );
}
