import { useTranslation } from 'react-i18next';
import type { DuesStatus } from '../../../contracts/membership.ts';
import { DotLabel } from '../../components/dot-label.tsx';

const COLORS: Record<DuesStatus, string> = { paid: 'teal', partial: 'orange', unpaid: 'red' };

export function DuesStatusLabel({ status }: { status: DuesStatus | null }) {
  const { t } = useTranslation();
  if (status === null) return <DotLabel color="gray">{t('membership.dues.notAssessed')}</DotLabel>;
  return <DotLabel color={COLORS[status]}>{t(`membership.dues.status.${status}`)}</DotLabel>;
}
