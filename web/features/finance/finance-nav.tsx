import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/router-links.tsx';

/** The finance pages, one click apart. */
export function FinanceNav() {
  const { t } = useTranslation();
  return (
    <Group gap="xs" mb="md" component="nav" aria-label={t('nav.finance')}>
      <ButtonLink to="/finance/loans" size="xs" variant="light">
        {t('finance.loans.title')}
      </ButtonLink>
    </Group>
  );
}
