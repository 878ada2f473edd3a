import { SimpleGrid, Stack } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session.ts';
import { ChartCard } from '../../components/chart-card.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { StatCard } from '../../components/stat-card.tsx';
import { formatNumber } from '../../lib/format.ts';
import type { OrganizationListSearch } from '../organizations/list-search.ts';
import { useOrganizationStats } from '../organizations/api.ts';
import { ProvinceSelect } from '../places/province-select.tsx';
import { BandDistribution } from './band-distribution.tsx';
import { CountBarChart, type CountRow } from './count-bar-chart.tsx';
import { KindDonut } from './kind-donut.tsx';
import { PlaceBars } from './place-bars.tsx';
import { ServiceTiles } from './service-tiles.tsx';
import { UnstyledLink } from '../../components/router-links.tsx';

export function DashboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [provinceCode, setProvinceCode] = useState<string | null>(null);
  // Figures of a year arrive during the next: last year is the one being reported on.
  const [bandsYear, setBandsYear] = useState(() => new Date().getFullYear() - 1);
  // An admin or national user may look at one province; a provincial user always sees theirs.
  const selectedProvince = provinceCode ?? undefined;
  const stats = useOrganizationStats(user.provinceCode ?? selectedProvince);

  const openList = (search: OrganizationListSearch) =>
    void navigate({ to: '/organizations', search: { ...search, provinceCode: selectedProvince } });

  const header = (
    <PageHeader
      title={t('dashboard.title')}
      actions={
        !user.provinceCode && (
          <ProvinceSelect
            label={t('dashboard.province')}
            placeholder={t('dashboard.allProvinces')}
            value={provinceCode}
            onChange={setProvinceCode}
          />
        )
      }
    />
  );

  if (stats.isPending)
    return (
      <>
        {header}
        <LoadingState />
      </>
    );
  if (stats.isError)
    return (
      <>
        {header}
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      </>
    );

  const data = stats.data;
  const countOf = (key: string) => data.byStatus.find((row) => row.key === key)?.count ?? 0;
  const labelled = (rows: typeof data.byKind, prefix: string): CountRow[] =>
    rows.map((row) => ({ key: row.key, label: t(`${prefix}.${row.key}`), count: row.count }));
  const isByCommune = data.placeLevel === 'commune';

  return (
    <>
      {header}
      <Stack gap="md">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          <UnstyledLink to="/organizations" search={{ provinceCode: selectedProvince }}>
            <StatCard label={t('dashboard.total')} value={formatNumber(data.total)} />
          </UnstyledLink>
          <UnstyledLink to="/organizations" search={{ isNewModel: true, provinceCode: selectedProvince }}>
            <StatCard label={t('dashboard.newModel')} value={formatNumber(data.newModel)} />
          </UnstyledLink>
          <UnstyledLink to="/organizations" search={{ status: 'active', provinceCode: selectedProvince }}>
            <StatCard label={t('organization.status.active')} value={formatNumber(countOf('active'))} />
          </UnstyledLink>
          <UnstyledLink to="/organizations" search={{ status: 'inactive', provinceCode: selectedProvince }}>
            <StatCard label={t('dashboard.inactive')} value={formatNumber(countOf('inactive'))} />
          </UnstyledLink>
        </SimpleGrid>

        <ServiceTiles provinceCode={user.provinceCode ?? selectedProvince} />

        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <ChartCard title={t('dashboard.byKind')}>
            <KindDonut rows={labelled(data.byKind, 'organization.kind')} total={data.total} provinceCode={selectedProvince} />
          </ChartCard>

          <ChartCard title={t('dashboard.byStatus')}>
            <CountBarChart
              rows={labelled(data.byStatus, 'organization.status')}
              onSelect={(key) => openList({ status: key as OrganizationListSearch['status'] })}
            />
          </ChartCard>

          <ChartCard title={t('dashboard.bySector')}>
            <CountBarChart
              rows={labelled(data.bySector, 'organization.sector')}
              color="blue.7"
              onSelect={(key) => openList({ sector: key as OrganizationListSearch['sector'] })}
            />
          </ChartCard>

          <ChartCard title={t('dashboard.bandsTitle', { year: bandsYear })} footer={t('dashboard.bandsFooter')}>
            <BandDistribution year={bandsYear} onYearChange={setBandsYear} provinceCode={user.provinceCode ?? selectedProvince} />
          </ChartCard>

          <ChartCard
            title={isByCommune ? t('dashboard.byCommune') : t('dashboard.byProvince')}
            footer={isByCommune ? t('dashboard.topCommunes') : undefined}
          >
            <PlaceBars rows={data.byPlace} level={data.placeLevel} />
          </ChartCard>
        </SimpleGrid>
      </Stack>
    </>
  );
}
