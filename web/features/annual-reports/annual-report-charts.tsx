import { BarChart, LineChart } from '@mantine/charts';
import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AnnualReport } from '../../../contracts/annual-reports.ts';
import { ChartCard } from '../../components/chart-card.tsx';
import { formatNumber } from '../../lib/format.ts';

const MILLION = 1_000_000;
const inMillions = (value: number | null) => (value === null ? null : Math.round(value / MILLION));

/** Trends over the years on record (oldest first), money in millions of đồng as the offices report it. */
export function AnnualReportCharts({ reports }: { reports: AnnualReport[] }) {
  const { t } = useTranslation();
  const byYear = [...reports].sort((a, b) => a.year - b.year);
  const money = byYear.map((report) => ({
    year: String(report.year),
    revenue: inMillions(report.revenue),
    profit: inMillions(report.profitBeforeTax),
  }));
  const people = byYear.map((report) => ({
    year: String(report.year),
    officialMembers: report.officialMembers,
    // Unknown stays unknown (no bar), rather than drawn as zero.
    associateMembers:
      report.associateMembersWithCapital === null && report.associateMembersWithoutCapital === null
        ? null
        : (report.associateMembersWithCapital ?? 0) + (report.associateMembersWithoutCapital ?? 0),
    workers: report.workers,
  }));

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <ChartCard title={t('annualReport.charts.money')} footer={t('annualReport.charts.moneyFooter')}>
        <LineChart
          h={240}
          data={money}
          dataKey="year"
          series={[
            { name: 'revenue', label: t('annualReport.fields.revenue'), color: 'teal.7' },
            { name: 'profit', label: t('annualReport.fields.profitBeforeTax'), color: 'orange.7' },
          ]}
          valueFormatter={formatNumber}
          connectNulls
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          referenceLines={[{ y: 0, color: 'gray.5' }]}
          yAxisProps={{ width: 70 }}
          textColor="dark.6"
        />
      </ChartCard>
      <ChartCard title={t('annualReport.charts.people')}>
        <BarChart
          h={240}
          data={people}
          dataKey="year"
          series={[
            { name: 'officialMembers', label: t('annualReport.fields.officialMembers'), color: 'teal.7' },
            { name: 'associateMembers', label: t('annualReport.charts.associateMembers'), color: 'blue.7' },
            { name: 'workers', label: t('annualReport.fields.workers'), color: 'grape.7' },
          ]}
          valueFormatter={formatNumber}
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          yAxisProps={{ width: 50 }}
          textColor="dark.6"
        />
      </ChartCard>
    </SimpleGrid>
  );
}
