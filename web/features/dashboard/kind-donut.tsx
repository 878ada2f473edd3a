import { DonutChart } from '@mantine/charts';
import { Group, Stack, Text } from '@mantine/core';
import { AnchorLink } from '../../components/router-links.tsx';
import { formatNumber } from '../../lib/format.ts';
import type { OrganizationListSearch } from '../organizations/list-search.ts';
import type { CountRow } from './count-bar-chart.tsx';

const KIND_COLORS = ['teal.7', 'blue.7', 'orange.7', 'grape.7'];
const colorAt = (index: number) => KIND_COLORS[index % KIND_COLORS.length] ?? 'gray.7';

type KindDonutProps = { rows: CountRow[]; total: number; provinceCode: string | undefined };

/** The donut, and beside it a legend whose entries are links to the filtered list (and the numbers in words). */
export function KindDonut({ rows, total, provinceCode }: KindDonutProps) {
  return (
    <Group align="center" gap="lg" wrap="wrap">
      <DonutChart
        data={rows.map((row, index) => ({ name: row.label, value: row.count, color: colorAt(index) }))}
        valueFormatter={formatNumber}
        chartLabel={formatNumber(total)}
        size={160}
        thickness={26}
      />
      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rows.map((row, index) => (
          <Group key={row.key} component="li" gap="xs" wrap="nowrap">
            <span
              aria-hidden
              style={{ width: 12, height: 12, borderRadius: 3, background: `var(--mantine-color-${colorAt(index).replace('.', '-')})` }}
            />
            <AnchorLink to="/organizations" search={{ kind: row.key as OrganizationListSearch['kind'], provinceCode }} size="sm">
              {row.label}
            </AnchorLink>
            <Text size="sm" fw={600}>
              {formatNumber(row.count)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Group>
  );
}
