import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoanState } from '../../../contracts/finance-ledger.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { formatDate, formatMoney, formatNumber } from '../../lib/format.ts';
import { useLoanState } from './api.ts';

const LINE_COLORS: Record<LoanState['lines'][number]['status'], string> = { paid: 'teal', overdue: 'red', due: 'orange', upcoming: 'gray' };

function Figure({ label, value, tone }: { label: string; value: string; tone?: 'red' }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fw={700} size="lg" c={tone === 'red' ? 'red.9' : undefined}>
        {value}
      </Text>
    </Paper>
  );
}

/** Where the loan stands on a day (today unless chosen): what is owed, overdue, its debt group, each instalment. */
export function LoanStateTab({ loanId }: { loanId: string }) {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState<string | null>(null);
  const state = useLoanState(loanId, asOf ?? undefined);
  if (state.isPending) return <LoadingState />;
  if (state.isError) return <ErrorState error={state.error} onRetry={() => void state.refetch()} />;
  const figures = state.data;
  return (
    <Stack gap="md">
      <Group align="flex-end">
        <DateField label={t('finance.state.asOf')} value={asOf ?? figures.asOf} onChange={setAsOf} />
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm">
        <Figure label={t('finance.state.outstanding')} value={formatMoney(figures.outstandingPrincipal)} />
        <Figure label={t('finance.state.principalDue')} value={formatMoney(figures.principalDue)} />
        <Figure label={t('finance.state.interestDue')} value={formatMoney(figures.interestDue)} />
        <Figure
          label={t('finance.state.overduePrincipal')}
          value={formatMoney(figures.overduePrincipal)}
          tone={figures.overduePrincipal > 0 ? 'red' : undefined}
        />
        <Figure label={t('finance.state.overdueInterest')} value={formatMoney(figures.overdueInterest)} />
        <Figure label={t('finance.state.payoff')} value={formatMoney(figures.payoffAmount)} />
        <Figure
          label={t('finance.state.daysPastDue')}
          value={formatNumber(figures.daysPastDue)}
          tone={figures.daysPastDue > 0 ? 'red' : undefined}
        />
        <Figure label={t('finance.state.debtGroup')} value={String(figures.debtGroup)} tone={figures.debtGroup >= 3 ? 'red' : undefined} />
        <Figure label={t('finance.state.provision')} value={formatMoney(figures.provision)} />
        <Figure label={t('finance.state.repaid')} value={formatMoney(figures.principalRepaid)} />
      </SimpleGrid>
      <Table.ScrollContainer minWidth={560}>
        <Table striped withTableBorder aria-label={t('finance.state.lines')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('finance.schedule.number')}</Table.Th>
              <Table.Th>{t('finance.schedule.dueDate')}</Table.Th>
              <Table.Th ta="right">{t('finance.schedule.principal')}</Table.Th>
              <Table.Th ta="right">{t('finance.schedule.interest')}</Table.Th>
              <Table.Th ta="right">{t('finance.state.paid')}</Table.Th>
              <Table.Th>{t('finance.state.lineStatus')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {figures.lines.map((line) => (
              <Table.Tr key={line.number}>
                <Table.Td>{line.number}</Table.Td>
                <Table.Td>{formatDate(line.dueDate)}</Table.Td>
                <Table.Td ta="right">{formatMoney(line.principal)}</Table.Td>
                <Table.Td ta="right">{formatMoney(line.interest)}</Table.Td>
                <Table.Td ta="right">{formatMoney(line.principalPaid + line.interestPaid)}</Table.Td>
                <Table.Td>
                  <Badge color={LINE_COLORS[line.status]} variant="light" radius="sm">
                    {t(`finance.lineStatus.${line.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
