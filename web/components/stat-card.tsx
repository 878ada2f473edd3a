import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

type StatCardProps = { label: ReactNode; value: ReactNode; hint?: ReactNode };

export function StatCard({ label, value, hint }: StatCardProps) {
  return (
    <Paper withBorder p="md" radius="md" h="100%">
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fz={32} fw={700} lh={1.2} mt={4}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" mt={4}>
          {hint}
        </Text>
      )}
    </Paper>
  );
}
