import { SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdvisoryStats, FoundedStats } from '../../../contracts/advisory.ts';
import type { Portfolio } from '../../../contracts/finance-ledger.ts';
import type { MembershipStats } from '../../../contracts/membership.ts';
import { permissions, useCurrentUser } from '../../app/session.ts';
import { UnstyledLink } from '../../components/router-links.tsx';
import { StatCard } from '../../components/stat-card.tsx';
import { apiRequest } from '../../lib/api-client.ts';
import { formatMoneyShort, formatNumber, formatPercent } from '../../lib/format.ts';

const dashboardKeys = {
  founded: (provinceCode?: string) => ['dashboard', 'founded', provinceCode ?? null] as const,
  advisory: (provinceCode?: string) => ['dashboard', 'advisory', provinceCode ?? null] as const,
  membership: (provinceCode?: string) => ['dashboard', 'membership', provinceCode ?? null] as const,
  portfolio: ['dashboard', 'portfolio'] as const,
};

/**
 * The year's and the term's results of the Alliance's services, each tile opening the page behind
 * it. Each tile waits for its own figures: a slow portfolio does not hold up the founding count.
 */
export function ServiceTiles({ provinceCode }: { provinceCode?: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canSeePortfolio = permissions.canReadPortfolio(user.role);
  const founded = useQuery({
    queryKey: dashboardKeys.founded(provinceCode),
    queryFn: ({ signal }) => apiRequest<FoundedStats>('/advisory-cases/founded-stats', { query: { provinceCode }, signal }),
  });
  const advisory = useQuery({
    queryKey: dashboardKeys.advisory(provinceCode),
    queryFn: ({ signal }) => apiRequest<AdvisoryStats>('/advisory-cases/stats', { query: { provinceCode }, signal }),
  });
  const membership = useQuery({
    queryKey: dashboardKeys.membership(provinceCode),
    queryFn: ({ signal }) => apiRequest<MembershipStats>('/memberships/stats', { query: { provinceCode }, signal }),
  });
  // The portfolio is the fund's, scoped by the user's own province, not by the dashboard's choice.
  const portfolio = useQuery({
    queryKey: dashboardKeys.portfolio,
    queryFn: ({ signal }) => apiRequest<Portfolio>('/finance/portfolio', { signal }),
    enabled: canSeePortfolio,
  });

  const year = founded.data?.year ?? new Date().getFullYear();
  const joinedThisYear = membership.data?.joinedByYear
    .filter((row) => row.year === membership.data?.year)
    .reduce((sum, row) => sum + row.count, 0);

  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {founded.data
          ? t('dashboard.services.title', { year, term: founded.data.term.label })
          : t('dashboard.services.titleYear', { year })}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm">
        <Tile isLoading={founded.isPending}>
          <UnstyledLink to="/organizations" search={{ foundedYear: year, provinceCode }}>
            <StatCard
              label={t('dashboard.services.foundedThisYear')}
              value={formatNumber(founded.data?.thisYear.total ?? 0)}
              hint={
                founded.data &&
                t('dashboard.services.foundedThisTerm', { count: founded.data.thisTerm.total, term: founded.data.term.label })
              }
            />
          </UnstyledLink>
        </Tile>
        <Tile isLoading={advisory.isPending}>
          <UnstyledLink to="/advisory">
            <StatCard
              label={t('dashboard.services.openCases')}
              value={formatNumber(advisory.data?.openNow ?? 0)}
              hint={advisory.data && t('dashboard.services.overdueCases', { count: advisory.data.overdueNow })}
            />
          </UnstyledLink>
        </Tile>
        <Tile isLoading={membership.isPending}>
          <UnstyledLink to="/members">
            <StatCard
              label={t('dashboard.services.members')}
              value={formatNumber(membership.data?.members.total ?? 0)}
              hint={membership.data && t('dashboard.services.joinedThisYear', { count: joinedThisYear ?? 0 })}
            />
          </UnstyledLink>
        </Tile>
        <Tile isLoading={membership.isPending}>
          <UnstyledLink to="/members/dues">
            <StatCard
              label={t('dashboard.services.duesPaid', { year: membership.data?.dues.year ?? year })}
              value={membership.data ? formatMoneyShort(membership.data.dues.paid) : '–'}
              hint={
                membership.data &&
                t('dashboard.services.duesOf', {
                  due: formatMoneyShort(membership.data.dues.due),
                  count: membership.data.dues.membersBehind,
                })
              }
            />
          </UnstyledLink>
        </Tile>
        {canSeePortfolio && (
          <>
            <Tile isLoading={portfolio.isPending}>
              <UnstyledLink to="/finance">
                <StatCard
                  label={t('dashboard.services.outstanding')}
                  value={portfolio.data ? formatMoneyShort(portfolio.data.totals.outstanding) : '–'}
                  hint={portfolio.data && t('dashboard.services.loans', { count: portfolio.data.totals.loans })}
                />
              </UnstyledLink>
            </Tile>
            <Tile isLoading={portfolio.isPending}>
              <UnstyledLink to="/finance">
                <StatCard
                  label={t('dashboard.services.par30')}
                  value={portfolio.data ? formatPercent(portfolio.data.par30.ratioBp / 100) : '–'}
                  hint={portfolio.data && t('dashboard.services.badDebt', { amount: formatMoneyShort(portfolio.data.totals.badDebt) })}
                />
              </UnstyledLink>
            </Tile>
          </>
        )}
      </SimpleGrid>
      {(founded.isError || advisory.isError || membership.isError || portfolio.isError) && (
        <Text size="sm" c="red.8" role="alert">
          {t('dashboard.services.someMissing')}
        </Text>
      )}
    </Stack>
  );
}

/** A tile waits for its own figures. */
function Tile({ isLoading, children }: { isLoading: boolean; children: ReactNode }) {
  return isLoading ? <Skeleton h={110} radius="md" /> : children;
}
