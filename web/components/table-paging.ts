import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format.ts';

/** The paging words every list table says the same way: "1–20 trên 345", and named page buttons. */
export function useTablePaging() {
  const { t } = useTranslation();
  return {
    paginationText: ({ from, to, totalRecords }: { from: number; to: number; totalRecords: number }) =>
      t('list.range', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(totalRecords) }),
    getPaginationControlProps: (control: string) => ({ 'aria-label': t(`list.pageControl.${control}`) }),
    loadingText: t('common.loading'),
  };
}
