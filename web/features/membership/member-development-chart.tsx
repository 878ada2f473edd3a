import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { MembershipStats } from '../../../contracts/membership.ts';
import { ChartCard } from '../../components/chart-card.tsx';
import { formatNumber } from '../../lib/format.ts';
import { countAxis } from '../../lib/count-ticks.ts';

type YearRow = { year: string; joined: number; left: number; members: number };

/** Joined and left per year (all kinds together) and, working back from today's count, members at each year's end. */
export function developmentByYear(stats: MembershipStats): YearRow[] {
  const years = [...stats.joinedByYear, ...stats.leftByYear].map((row) => row.year);
  if (years.length === 0) return [];
  const first = Math.min(...years);
  const sum = (rows: MembershipStats['joinedByYear'], year: number) =>
    rows.filter((row) => row.year === year).reduce((total, row) => total + row.count, 0);
  const rows: YearRow[] = [];
  let members = stats.members.total;
  for (let year = stats.year; year >= first; year -= 1) {
    const joined = sum(stats.joinedByYear, year);
    const left = sum(stats.leftByYear, year);
    rows.unshift({ year: String(year), joined, left, members });
    members = members - joined + left;
  }
  return rows;
}

export function MemberDevelopmentChart({ stats }: { stats: MembershipStats }) {
  const { t } = useTranslation();
  const data = developmentByYear(stats);
  return (
    <ChartCard title={t('membership.chart.title')} footer={t('membership.chart.footer')}>
      <BarChart
        h={200}
        data={data}
        dataKey="year"
        series={[
          { name: 'joined', label: t('membership.chart.joined'), color: 'teal.7' },
          { name: 'left', label: t('membership.chart.left'), color: 'red.7' },
          { name: 'members', label: t('membership.chart.members'), color: 'blue.7' },
        ]}
        valueFormatter={formatNumber}
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        yAxisProps={{ width: 40, ...countAxis(data.flatMap((row) => [row.joined, row.left, row.members])) }}
        textColor="dark.6"
      />
    </ChartCard>
  );
}
