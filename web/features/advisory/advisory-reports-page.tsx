import { BarChart } from '@mantine/charts';
import { Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { statsPeriods } from '../../../contracts/advisory.ts';
import { ChartCard } from '../../components/chart-card.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ButtonLink } from '../../components/router-links.tsx';
import { StatCard } from '../../components/stat-card.tsx';
import { apiUrl } from '../../lib/api-client.ts';
import { thisYearInVietnam } from '../../lib/calendar.ts';
import { formatNumber } from '../../lib/format.ts';
import { useCaseStats, useFoundedStats } from './api.ts';
import { countAxis } from '../../lib/count-ticks.ts';

const FIRST_YEAR = 2015;

/** 2026 → "2026", 2026-Q1 → "Quý 1/2026", 2026-03 → "Tháng 3/2026". */
function periodLabel(t: TFunction, period: string): string {
  const quarter = /^(\d{4})-Q(\d)$/.exec(period);
  if (quarter) return t('advisory.reports.quarterOf', { quarter: quarter[2], year: quarter[1] });
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return t('advisory.reports.monthOf', { month: Number(month[2]), year: month[1] });
  return period;
}
type Period = (typeof statsPeriods)[number];

/** Counts the Alliance reports: cases opened and closed, and organisations founded with its support. */
export function AdvisoryReportsPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(thisYearInVietnam());
  const [groupBy, setGroupBy] = useState<Period>('quarter');
  const years = Array.from({ length: thisYearInVietnam() - FIRST_YEAR + 1 }, (_, index) => String(thisYearInVietnam() - index));

  return (
    <>
      <PageHeader
        title={t('advisory.reports.title')}
        description={t('advisory.reports.description')}
        actions={
          <>
            <Button component="a" variant="default" href={apiUrl('/advisory-cases/report/export', { year, groupBy })} download>
              {t('advisory.reports.exportReport', { year })}
            </Button>
            <Button
              component="a"
              variant="default"
              href={apiUrl('/advisory-cases/export', { openedFrom: `${year}-01-01`, openedTo: `${year}-12-31`, sort: 'openedOn' })}
              download
            >
              {t('advisory.reports.exportYear', { year })}
            </Button>
            <ButtonLink to="/advisory" variant="default">
              {t('advisory.list.title')}
            </ButtonLink>
          </>
        }
      />
      <Group mb="md" gap="sm" align="flex-end">
        <Select
          label={t('advisory.reports.year')}
          allowDeselect={false}
          data={years}
          value={String(year)}
          onChange={(value) => value && setYear(Number(value))}
          w={140}
        />
        <Select
          label={t('advisory.reports.groupBy')}
          allowDeselect={false}
          data={statsPeriods.map((period) => ({ value: period, label: t(`advisory.reports.periods.${period}`) }))}
          value={groupBy}
          onChange={(value) => value && setGroupBy(value as Period)}
          w={160}
        />
      </Group>
      <Stack gap="lg">
        <FoundedSection year={year} />
        <CaseCountsSection year={year} groupBy={groupBy} />
      </Stack>
    </>
  );
}

function FoundedSection({ year }: { year: number }) {
  const { t } = useTranslation();
  const founded = useFoundedStats({ year });
  if (founded.isPending) return <LoadingState />;
  if (founded.isError) return <ErrorState error={founded.error} onRetry={() => void founded.refetch()} />;
  const stats = founded.data;
  return (
    <Stack gap="md" component="section" aria-labelledby="founded-title">
      <Title order={2} fz="h3" id="founded-title">
        {t('advisory.reports.founded')}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <StatCard label={t('advisory.reports.foundedYear', { year: stats.year })} value={formatNumber(stats.thisYear.total)} />
        <StatCard label={t('advisory.reports.newModelYear', { year: stats.year })} value={formatNumber(stats.thisYear.newModel)} />
        <StatCard label={t('advisory.reports.foundedTerm', { term: stats.term.label })} value={formatNumber(stats.thisTerm.total)} />
        <StatCard label={t('advisory.reports.newModelTerm', { term: stats.term.label })} value={formatNumber(stats.thisTerm.newModel)} />
      </SimpleGrid>
      <ChartCard title={t('advisory.reports.byYearChart')} footer={t('advisory.reports.byYearFooter')}>
        <BarChart
          h={220}
          data={stats.byYear.map((row) => ({ year: String(row.year), total: row.total, newModel: row.newModel }))}
          dataKey="year"
          series={[
            { name: 'total', label: t('advisory.reports.total'), color: 'teal.7' },
            { name: 'newModel', label: t('advisory.reports.newModel'), color: 'blue.7' },
          ]}
          valueFormatter={formatNumber}
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          yAxisProps={{ width: 40, ...countAxis(stats.byYear.map((row) => row.total)) }}
          textColor="dark.6"
        />
      </ChartCard>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <CountTable
          title={t('advisory.reports.byTerm')}
          keyTitle={t('advisory.reports.term')}
          rows={stats.byTerm.map((row) => ({ key: row.label, label: row.label, total: row.total, newModel: row.newModel }))}
        />
        <CountTable
          title={t('advisory.reports.bySector', { term: stats.term.label })}
          keyTitle={t('organization.fields.sector')}
          rows={stats.bySector.map((row) => ({ ...row, label: t(`organization.sector.${row.key}`) }))}
        />
        <CountTable
          title={t('advisory.reports.byKind', { term: stats.term.label })}
          keyTitle={t('organization.fields.kind')}
          rows={stats.byKind.map((row) => ({ ...row, label: t(`organization.kind.${row.key}`) }))}
        />
        <CountTable
          title={t('advisory.reports.byCommune', { term: stats.term.label })}
          keyTitle={t('organization.fields.commune')}
          rows={stats.byCommune.map((row) => ({ key: row.key, label: row.label, total: row.total, newModel: row.newModel }))}
        />
      </SimpleGrid>
    </Stack>
  );
}

type CountRow = { key: string; label: string; total: number; newModel: number };

function CountTable({ title, keyTitle, rows }: { title: string; keyTitle: string; rows: CountRow[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Title order={3} fz="h5" mb="xs">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('advisory.reports.none')}
        </Text>
      ) : (
        <Table striped layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{keyTitle}</Table.Th>
              <Table.Th ta="right" w="25%">
                {t('advisory.reports.total')}
              </Table.Th>
              <Table.Th ta="right" w="25%">
                {t('advisory.reports.newModel')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.label}</Table.Td>
                <Table.Td ta="right">{formatNumber(row.total)}</Table.Td>
                <Table.Td ta="right">{formatNumber(row.newModel)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function CaseCountsSection({ year, groupBy }: { year: number; groupBy: Period }) {
  const { t } = useTranslation();
  const stats = useCaseStats({ from: `${year}-01-01`, to: `${year}-12-31`, groupBy });
  if (stats.isPending) return <LoadingState />;
  if (stats.isError) return <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />;
  const data = stats.data;
  return (
    <Stack gap="md" component="section" aria-labelledby="cases-title">
      <Title order={2} fz="h3" id="cases-title">
        {t('advisory.reports.cases', { year })}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
        <StatCard label={t('advisory.reports.opened')} value={formatNumber(data.totals.opened)} />
        <StatCard label={t('advisory.reports.closed')} value={formatNumber(data.totals.closed)} />
        <StatCard label={t('advisory.reports.registered')} value={formatNumber(data.totals.registered)} />
        <StatCard label={t('advisory.reports.openNow')} value={formatNumber(data.openNow)} />
        <StatCard label={t('advisory.reports.overdueNow')} value={formatNumber(data.overdueNow)} />
      </SimpleGrid>
      <Paper withBorder radius="md" p="md">
        {data.rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('advisory.reports.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped aria-label={t('advisory.reports.cases', { year })}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('advisory.reports.period')}</Table.Th>
                  <Table.Th>{t('advisory.fields.kind')}</Table.Th>
                  <Table.Th ta="right">{t('advisory.reports.opened')}</Table.Th>
                  <Table.Th ta="right">{t('advisory.reports.registered')}</Table.Th>
                  <Table.Th ta="right">{t('advisory.reports.completed')}</Table.Th>
                  <Table.Th ta="right">{t('advisory.reports.dropped')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((row) => (
                  <Table.Tr key={`${row.period}-${row.kind}`}>
                    <Table.Td>{periodLabel(t, row.period)}</Table.Td>
                    <Table.Td>{t(`advisory.kind.${row.kind}`)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(row.opened)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(row.registered)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(row.completed)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(row.dropped)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
