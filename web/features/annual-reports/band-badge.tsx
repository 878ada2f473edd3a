import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClassificationBand } from '../../../contracts/annual-reports.ts';
import { bandColors } from './options.ts';

export function BandBadge({ band }: { band: ClassificationBand }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={bandColors[band]} c="dark.7">
      {t(`annualReport.band.${band}`)}
    </Badge>
  );
}
