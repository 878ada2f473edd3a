import { Group } from '@mantine/core';
import { useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/router-links.tsx';

const PAGES = [
  { to: '/finance', label: 'finance.nav.portfolio', isCurrent: (path: string) => path === '/finance' || path === '/finance/' },
  { to: '/finance/loans', label: 'finance.nav.loans', isCurrent: (path: string) => path.startsWith('/finance/loans') },
  { to: '/finance/funds', label: 'finance.nav.funds', isCurrent: (path: string) => path.startsWith('/finance/funds') },
  {
    to: '/finance/bank-referrals',
    label: 'finance.nav.referrals',
    isCurrent: (path: string) => path.startsWith('/finance/bank-referrals'),
  },
] as const;

/** The finance pages, one click apart; the one open is marked. */
export function FinanceNav() {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  return (
    <Group gap="xs" mb="md" component="nav" aria-label={t('finance.nav.label')}>
      {PAGES.map((page) => {
        const isCurrent = page.isCurrent(pathname);
        return (
          <ButtonLink
            key={page.to}
            to={page.to}
            size="xs"
            variant={isCurrent ? 'filled' : 'light'}
            aria-current={isCurrent ? 'page' : undefined}
            activeOptions={{ exact: true, includeSearch: false }}
          >
            {t(page.label)}
          </ButtonLink>
        );
      })}
    </Group>
  );
}
