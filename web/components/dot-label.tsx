import { Box, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A coloured dot and words that wrap instead of being cut off (badges truncate in narrow cells). */
export function DotLabel({ color, children }: { color: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="baseline">
      <Box w={8} h={8} style={{ borderRadius: '50%', flex: 'none', background: `var(--mantine-color-${color}-7)` }} aria-hidden />
      <Text size="sm">{children}</Text>
    </Group>
  );
}
