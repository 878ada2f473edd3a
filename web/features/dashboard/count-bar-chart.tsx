import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';

export type CountRow = { key: string; label: string; count: number };

type CountBarChartProps = { rows: CountRow[]; onSelect?: (key: string) => void; color?: string };

/** Horizontal bars: long Vietnamese labels stay readable on a phone. */
export function CountBarChart({ rows, onSelect, color = 'teal.7' }: CountBarChartProps) {
  const { t } = useTranslation();
  const height = Math.max(120, rows.length * 36 + 40);
  return (
    <BarChart
      h={height}
      data={rows}
      dataKey="label"
      orientation="vertical"
      series={[{ name: 'count', label: t('dashboard.count'), color }]}
      valueFormatter={formatNumber}
      withBarValueLabel
      gridAxis="none"
      withXAxis={false}
      yAxisProps={{ width: 150, interval: 0 }}
      barChartProps={{ margin: { right: 36 } }}
      textColor="dark.6"
      barProps={{
        cursor: onSelect ? 'pointer' : undefined,
        onClick: (entry: { payload?: CountRow }) => entry.payload && onSelect?.(entry.payload.key),
      }}
    />
  );
}
