import { Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { useLoanSchedule } from './api.ts';

/** The repayment schedule in force, and every earlier version (a tranche or a rescheduling made a new one). */
export function LoanScheduleTab({ loanId }: { loanId: string }) {
  const { t } = useTranslation();
  const schedule = useLoanSchedule(loanId);
  const [chosen, setChosen] = useState<string | null>(null);
  if (schedule.isPending) return <LoadingState />;
  if (schedule.isError) return <ErrorState error={schedule.error} onRetry={() => void schedule.refetch()} />;
  const versions = schedule.data.versions;
  if (versions.length === 0) return <Text c="dimmed">{t('finance.schedule.none')}</Text>;
  const version = versions.find((each) => String(each.number) === chosen) ?? versions[0];
  if (!version) return null;
  return (
    <Stack gap="sm">
      <Select
        label={t('finance.schedule.version')}
        data={versions.map((each, index) => ({
          value: String(each.number),
          label: t('finance.schedule.versionLabel', {
            number: each.number,
            from: formatDate(each.effectiveFrom),
            reason: t(`finance.schedule.reason.${each.reason}`),
            current: index === 0 ? t('finance.schedule.inForce') : '',
          }),
        }))}
        value={String(version.number)}
        onChange={setChosen}
        allowDeselect={false}
        maw={460}
      />
      <Text size="sm" c="dimmed">
        {t('finance.schedule.totals', { principal: formatMoney(version.totalPrincipal), interest: formatMoney(version.totalInterest) })}
      </Text>
      <Table.ScrollContainer minWidth={480}>
        <Table striped withTableBorder aria-label={t('finance.schedule.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('finance.schedule.number')}</Table.Th>
              <Table.Th>{t('finance.schedule.dueDate')}</Table.Th>
              <Table.Th ta="right">{t('finance.schedule.principal')}</Table.Th>
              <Table.Th ta="right">{t('finance.schedule.interest')}</Table.Th>
              <Table.Th ta="right">{t('finance.schedule.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {version.lines.map((line) => (
              <Table.Tr key={line.number}>
                <Table.Td>{line.number}</Table.Td>
                <Table.Td>{formatDate(line.dueDate)}</Table.Td>
                <Table.Td ta="right">{formatMoney(line.principal)}</Table.Td>
                <Table.Td ta="right">{formatMoney(line.interest)}</Table.Td>
                <Table.Td ta="right">{formatMoney(line.principal + line.interest)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
