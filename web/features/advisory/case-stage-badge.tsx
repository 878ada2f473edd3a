import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdvisoryStage } from '../../../contracts/advisory.ts';

const STAGE_COLORS: Record<AdvisoryStage, string> = {
  inquiry: 'blue',
  preparing: 'yellow',
  submitted: 'grape',
  registered: 'teal',
  completed: 'green',
  dropped: 'gray',
};

export function CaseStageBadge({ stage }: { stage: AdvisoryStage }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STAGE_COLORS[stage]} c="dark.7">
      {t(`advisory.stage.${stage}`)}
    </Badge>
  );
}
