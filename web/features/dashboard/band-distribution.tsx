import { DonutChart } from '@mantine/charts';
import { Box, Group, Progress, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MIN_REPORT_YEAR } from '../../../contracts/annual-reports.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { useBandDistribution } from '../annual-reports/api.ts';
import { bandColors } from '../annual-reports/options.ts';

/** Resolution 20-NQ/TW: over 60% of collective organisations rated Tốt or Khá by 2030. */
const GOAL_PERCENT = 60;

type BandDistributionProps = { year: number; onYearChange: (year: number) => void; provinceCode: string | undefined };

/** How the organisations were rated in a year, those not rated or without figures, and the share Tốt or Khá. */
export function BandDistribution({ year, onYearChange, provinceCode }: BandDistributionProps) {
  const { t } = useTranslation();
  const distribution = useBandDistribution(year, provinceCode);
  const currentYear = new Date().getFullYear();
  const years = Array.from({ length: currentYear - MIN_REPORT_YEAR + 1 }, (_, index) => String(currentYear - index));

  const yearSelect = (
    <Select
      label={t('dashboard.bandsYear')}
      aria-label={t('dashboard.bandsYear')}
      data={years}
      value={String(year)}
      onChange={(value) => value && onYearChange(Number(value))}
      allowDeselect={false}
      searchable
      w={140}
    />
  );

  if (distribution.isPending) return <LoadingState />;
  if (distribution.isError) return <ErrorState error={distribution.error} onRetry={() => void distribution.refetch()} />;

  const data = distribution.data;
  const goodOrFair = data.byBand.filter((item) => item.band === 'good' || item.band === 'fair').reduce((sum, item) => sum + item.count, 0);
  const share = data.rated > 0 ? Math.round((goodOrFair / data.rated) * 1000) / 10 : null;
  const isGoalMet = share !== null && share > GOAL_PERCENT;
  const listSearch = { figuresYear: year, provinceCode };

  const others = [
    { key: 'notRated', count: data.notRated, search: undefined },
    { key: 'unscored', count: data.unscored, search: undefined },
    { key: 'withoutFigures', count: data.withoutFigures, search: { ...listSearch, hasFigures: false as const } },
  ];

  return (
    <Stack gap="md">
      {yearSelect}
      <Group align="center" gap="lg" wrap="wrap">
        <DonutChart
          data={
            data.rated > 0
              ? data.byBand.map((item) => ({
                  name: t(`annualReport.band.${item.band}`),
                  value: item.count,
                  color: `${bandColors[item.band]}.7`,
                }))
              : [{ name: t('dashboard.noRatings'), value: 1, color: 'gray.3' }]
          }
          valueFormatter={formatNumber}
          chartLabel={formatNumber(data.rated)}
          withTooltip={data.rated > 0}
          size={160}
          thickness={26}
        />
        <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {data.byBand.map((item) => (
            <Group key={item.band} component="li" gap="xs" wrap="nowrap">
              <span
                aria-hidden
                style={{ width: 12, height: 12, borderRadius: 3, background: `var(--mantine-color-${bandColors[item.band]}-7)` }}
              />
              <AnchorLink to="/organizations" search={{ ...listSearch, band: item.band }} size="sm">
                {t(`annualReport.band.${item.band}`)}
              </AnchorLink>
              <Text size="sm" fw={600}>
                {formatNumber(item.count)}
              </Text>
            </Group>
          ))}
        </Stack>
      </Group>
      <SimpleGrid cols={3} spacing="xs">
        {others.map((item) => (
          <Stack key={item.key} gap={0}>
            <Text size="xs" c="dimmed">
              {t(`dashboard.bands.${item.key}`)}
            </Text>
            {item.search ? (
              <AnchorLink to="/organizations" search={item.search} fw={700} fz="lg">
                {formatNumber(item.count)}
              </AnchorLink>
            ) : (
              <Text fw={700} fz="lg">
                {formatNumber(item.count)}
              </Text>
            )}
          </Stack>
        ))}
      </SimpleGrid>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={500}>
            {t('dashboard.goodOrFairShare')}
          </Text>
          <Text size="sm" fw={700} c={share === null ? 'dimmed' : undefined}>
            {share === null ? t('dashboard.noRatings') : formatPercent(share)}
          </Text>
        </Group>
        <Box pos="relative" aria-hidden>
          <Progress.Root size="lg">
            <Progress.Section value={share ?? 0} color={isGoalMet ? 'green.7' : 'orange.6'} withAria={false} />
          </Progress.Root>
          {/* The goal, a mark across the bar. */}
          <Box pos="absolute" top={-3} bottom={-3} left={`${GOAL_PERCENT}%`} w={2} bg="dark.6" />
        </Box>
        <Text size="xs" c="dimmed">
          {t('dashboard.goal', { goal: GOAL_PERCENT, rated: formatNumber(data.rated) })}
        </Text>
      </Stack>
    </Stack>
  );
}
