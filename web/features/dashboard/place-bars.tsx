import { BarsList } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { OrganizationStats } from '../../../contracts/organizations.ts';
import { AnchorLink } from '../../components/router-links.tsx';
import { formatNumber } from '../../lib/format.ts';

type PlaceBarsProps = { rows: OrganizationStats['byPlace']; level: OrganizationStats['placeLevel'] };

/** One bar per province (or per commune inside one province), each a link to that place's list. */
export function PlaceBars({ rows, level }: PlaceBarsProps) {
  const { t } = useTranslation();
  const bars = rows.map((row) => ({ name: row.label ?? row.key, value: row.count }));
  const keyByName = new Map(rows.map((row) => [row.label ?? row.key, row.key]));
  return (
    <BarsList
      data={bars}
      barsLabel={level === 'commune' ? t('organization.fields.commune') : t('organization.fields.province')}
      valueLabel={t('dashboard.count')}
      valueFormatter={formatNumber}
      barColor="teal.1"
      barTextColor="dark.8"
      renderBar={(bar, defaultBar) => {
        const key = keyByName.get(bar.name);
        if (!key) return defaultBar;
        return (
          <AnchorLink
            key={key}
            to="/organizations"
            search={level === 'commune' ? { communeCode: key } : { provinceCode: key }}
            underline="never"
            c="inherit"
          >
            {defaultBar}
          </AnchorLink>
        );
      }}
    />
  );
}
