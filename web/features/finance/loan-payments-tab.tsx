import { Badge, Button, Group, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Loan } from '../../../contracts/finance.ts';
import type { LoanRepayment } from '../../../contracts/finance-ledger.ts';
import { canTakeLoanStep } from '../../../contracts/finance.ts';
import { permissions, useCurrentUser } from '../../app/session.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { fieldErrorsOf, ProblemAlert } from '../../components/problem-alert.tsx';
import { apiUrl } from '../../lib/api-client.ts';
import { notifySuccess } from '../../lib/error-messages.ts';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { useLoanDisbursements, useLoanRepayments, useLoanStep } from './api.ts';

/** Money out and money in: the tranches, each repayment and how it was shared, reversals with their reason. */
export function LoanPaymentsTab({ loan }: { loan: Loan }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const disbursements = useLoanDisbursements(loan.id);
  const repayments = useLoanRepayments(loan.id);
  const [reversing, setReversing] = useState<LoanRepayment | null>(null);
  const mayReverse = permissions.canServiceLoans(user.role) && canTakeLoanStep(loan.status, 'reverse');
  if (disbursements.isPending || repayments.isPending) return <LoadingState />;
  if (disbursements.isError) return <ErrorState error={disbursements.error} onRetry={() => void disbursements.refetch()} />;
  if (repayments.isError) return <ErrorState error={repayments.error} onRetry={() => void repayments.refetch()} />;

  return (
    <Stack gap="lg">
      <Group justify="flex-end">
        <Button component="a" variant="default" href={apiUrl(`/loans/${encodeURIComponent(loan.id)}/statement/export`)} download>
          {t('finance.payments.statement')}
        </Button>
      </Group>
      <Stack gap="xs">
        <Title order={3} fz="h5">
          {t('finance.payments.disbursements')}
        </Title>
        {disbursements.data.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('finance.payments.noDisbursements')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table withTableBorder aria-label={t('finance.payments.disbursements')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('finance.fields.disbursedOn')}</Table.Th>
                  <Table.Th ta="right">{t('finance.fields.amount')}</Table.Th>
                  <Table.Th>{t('finance.fields.reference')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {disbursements.data.map((row) => (
                  <Table.Tr key={row.id}>
                    <Table.Td>{formatDate(row.disbursedOn)}</Table.Td>
                    <Table.Td ta="right">{formatMoney(row.amount)}</Table.Td>
                    <Table.Td>{row.reference ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <Stack gap="xs">
        <Title order={3} fz="h5">
          {t('finance.payments.repayments')}
        </Title>
        {repayments.data.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('finance.payments.noRepayments')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table withTableBorder aria-label={t('finance.payments.repayments')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('finance.fields.paidOn')}</Table.Th>
                  <Table.Th ta="right">{t('finance.fields.amount')}</Table.Th>
                  <Table.Th>{t('finance.payments.allocation')}</Table.Th>
                  <Table.Th>{t('finance.fields.reference')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {repayments.data.map((row) => (
                  <Table.Tr key={row.id} c={row.reversal ? 'dimmed' : undefined}>
                    <Table.Td>{formatDate(row.paidOn)}</Table.Td>
                    <Table.Td ta="right" td={row.reversal ? 'line-through' : undefined}>
                      {formatMoney(row.amount)}
                    </Table.Td>
                    <Table.Td>
                      {row.reversal ? (
                        <Badge color="red" variant="light" radius="sm">
                          {t('finance.payments.reversed', { reason: row.reversal.reason })}
                        </Badge>
                      ) : (
                        <Text size="xs">
                          {summarizeAllocations(row)
                            .map(([component, amount]) => `${t(`finance.component.${component}`)}: ${formatMoney(amount)}`)
                            .join(' · ')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{row.reference ?? '—'}</Table.Td>
                    <Table.Td>
                      {mayReverse && !row.reversal && (
                        <Button size="xs" variant="subtle" color="red" onClick={() => setReversing(row)}>
                          {t('finance.payments.reverse')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {reversing && <ReverseModal loan={loan} repayment={reversing} onClose={() => setReversing(null)} />}
    </Stack>
  );
}

function summarizeAllocations(repayment: LoanRepayment): [string, number][] {
  const totals = new Map<string, number>();
  for (const allocation of repayment.allocations)
    totals.set(allocation.component, (totals.get(allocation.component) ?? 0) + allocation.amount);
  return [...totals.entries()];
}

/** A repayment entered by mistake is reversed, never deleted: who, when and why stay. */
function ReverseModal({ loan, repayment, onClose }: { loan: Loan; repayment: LoanRepayment; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const step = useLoanStep(loan.id);
  const errors = fieldErrorsOf(step.error);
  return (
    <Modal opened onClose={onClose} title={t('finance.payments.reverseTitle')} centered>
      <Stack gap="sm">
        <Text size="sm">
          {t('finance.payments.reverseText', { amount: formatMoney(repayment.amount), date: formatDate(repayment.paidOn) })}
        </Text>
        <Textarea
          label={t('finance.fields.reason')}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.reason}
        />
        <ProblemAlert error={step.error} staleHint={t('finance.loan.staleHint')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={step.isPending}
            onClick={() =>
              step.mutate(
                { step: `repayments/${repayment.id}/reversal`, body: { version: loan.version, reason } },
                {
                  onSuccess: () => {
                    notifySuccess(t('finance.payments.reversedDone'));
                    onClose();
                  },
                },
              )
            }
          >
            {t('finance.payments.reverse')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
