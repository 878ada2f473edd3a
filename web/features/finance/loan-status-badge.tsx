import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LoanStatus } from '../../../contracts/finance.ts';

const STATUS_COLORS: Record<LoanStatus, string> = {
  applied: 'gray',
  appraising: 'blue',
  approved: 'cyan',
  rejected: 'red',
  disbursed: 'teal',
  rescheduled: 'orange',
  closed: 'dark',
  written_off: 'red',
};

export function LoanStatusBadge({ status }: { status: LoanStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" radius="sm">
      {t(`finance.status.${status}`)}
    </Badge>
  );
}
