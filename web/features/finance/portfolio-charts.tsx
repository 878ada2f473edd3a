import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { Portfolio } from '../../../contracts/finance-ledger.ts';
import { ChartCard } from '../../components/chart-card.tsx';
import { formatMoney, formatMoneyShort } from '../../lib/format.ts';

/** "2026-11" → "11/2026". */
export const formatMonth = (month: string) => month.split('-').reverse().join('/');

/** Outstanding principal of each debt group, all five shown even when empty. */
export function DebtGroupChart({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useTranslation();
  const data = [1, 2, 3, 4, 5].map((group) => ({
    group: t('finance.portfolio.groupName', { group }),
    outstanding: portfolio.byDebtGroup.find((row) => row.group === group)?.outstanding ?? 0,
  }));
  return (
    <ChartCard title={t('finance.portfolio.debtGroupChart')}>
      <BarChart
        h={220}
        data={data}
        dataKey="group"
        series={[{ name: 'outstanding', label: t('finance.common.outstanding'), color: 'teal.7' }]}
        valueFormatter={formatMoney}
        yAxisProps={{ width: 96, tickFormatter: (value: number) => formatMoneyShort(value) }}
        textColor="dark.6"
      />
    </ChartCard>
  );
}

/** One horizontal bar per fund: their names are long. */
export function FundChart({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useTranslation();
  const data = portfolio.byFund.map((row) => ({ fund: row.fundName, outstanding: row.outstanding }));
  return (
    <ChartCard title={t('finance.portfolio.fundChart')}>
      <BarChart
        h={Math.max(120, data.length * 44 + 40)}
        data={data}
        dataKey="fund"
        orientation="vertical"
        series={[{ name: 'outstanding', label: t('finance.common.outstanding'), color: 'blue.7' }]}
        valueFormatter={formatMoney}
        gridAxis="none"
        withXAxis={false}
        yAxisProps={{ width: 150, interval: 0 }}
        textColor="dark.6"
      />
    </ChartCard>
  );
}

/** Principal, interest and overdue interest received each month, stacked. */
export function CollectionsChart({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useTranslation();
  const data = portfolio.collectionsByMonth.map((row) => ({ ...row, month: formatMonth(row.month) }));
  return (
    <ChartCard title={t('finance.portfolio.collectionsChart')}>
      <BarChart
        h={240}
        data={data}
        dataKey="month"
        type="stacked"
        series={[
          { name: 'principal', label: t('finance.portfolio.principal'), color: 'teal.7' },
          { name: 'interest', label: t('finance.portfolio.interest'), color: 'blue.7' },
          { name: 'overdueInterest', label: t('finance.portfolio.overdueInterest'), color: 'red.7' },
        ]}
        valueFormatter={formatMoney}
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        yAxisProps={{ width: 96, tickFormatter: (value: number) => formatMoneyShort(value) }}
        textColor="dark.6"
      />
    </ChartCard>
  );
}
