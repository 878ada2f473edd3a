import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdvisoryCaseSummary } from '../../../contracts/advisory.ts';
import { formatDate } from '../../lib/format.ts';

/** The due date; an open case past it is marked in words as well as in red. */
export function DueDate({ item, size = 'sm' }: { item: Pick<AdvisoryCaseSummary, 'dueOn' | 'isOverdue' | 'closedOn'>; size?: string }) {
  const { t } = useTranslation();
  if (item.isOverdue) {
    return (
      <Text size={size} c="red.8" fw={600}>
        {formatDate(item.dueOn)} · {t('advisory.list.overdue')}
      </Text>
    );
  }
  return <Text size={size}>{formatDate(item.dueOn)}</Text>;
}
