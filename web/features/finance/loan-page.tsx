import { Button, Group, List, Paper, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Loan } from '../../../contracts/finance.ts';
import { useCurrentUser } from '../../app/session.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { formatDate, formatDateTime, formatMoney, formatRateBp } from '../../lib/format.ts';
import { useLoan, useLoanHistory } from './api.ts';
import { FinanceNav } from './finance-nav.tsx';
import { LoanPapers } from './loan-papers.tsx';
import { LoanPaymentsTab } from './loan-payments-tab.tsx';
import { LoanScheduleTab } from './loan-schedule-tab.tsx';
import { LoanStateTab } from './loan-state-tab.tsx';
import { LoanStatusBadge } from './loan-status-badge.tsx';
import { availableSteps, type StepForm } from './loan-step-forms.ts';
import { LoanStepModal } from './loan-step-modal.tsx';

const route = getRouteApi('/signed-in/finance/loans/$id');

/** One loan: where it is in its life, the steps the user may take, its state, schedule, payments and history. */
export function LoanPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { id } = route.useParams();
  const query = useLoan(id);
  const [form, setForm] = useState<StepForm | null>(null);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const loan = query.data;
  const steps = availableSteps(loan, user.role);
  const isLent = loan.disbursed > 0;

  return (
    <>
      <FinanceNav />
      <PageHeader
        title={loan.organizationName}
        badges={<LoanStatusBadge status={loan.status} />}
        description={[
          loan.contract && t('finance.loan.contractShort', { number: loan.contract.number }),
          loan.fundName,
          t('finance.loan.headline', {
            amount: formatMoney(loan.requestedAmount),
            months: loan.termMonths,
            rate: formatRateBp(loan.rateBp),
          }),
        ]
          .filter(Boolean)
          .join(' · ')}
        actions={steps.map((step) => (
          <Button key={step.action} variant={step.action === 'edit' ? 'default' : 'filled'} onClick={() => setForm(step)}>
            {t(`finance.steps.${step.action}.open`)}
          </Button>
        ))}
      />
      <Stack gap="md">
        <LoanLife loan={loan} />
        <Tabs defaultValue={isLent ? 'state' : 'file'} keepMounted={false}>
          <Tabs.List>
            {isLent && <Tabs.Tab value="state">{t('finance.tabs.state')}</Tabs.Tab>}
            {isLent && <Tabs.Tab value="schedule">{t('finance.tabs.schedule')}</Tabs.Tab>}
            {isLent && <Tabs.Tab value="payments">{t('finance.tabs.payments')}</Tabs.Tab>}
            <Tabs.Tab value="file">{t('finance.tabs.file')}</Tabs.Tab>
            <Tabs.Tab value="history">{t('finance.tabs.history')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="state" pt="md">
            <LoanStateTab loanId={loan.id} />
          </Tabs.Panel>
          <Tabs.Panel value="schedule" pt="md">
            <LoanScheduleTab loanId={loan.id} />
          </Tabs.Panel>
          <Tabs.Panel value="payments" pt="md">
            <LoanPaymentsTab loan={loan} />
          </Tabs.Panel>
          <Tabs.Panel value="file" pt="md">
            <LoanFile loan={loan} />
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="md">
            <LoanHistory loanId={loan.id} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
      {form && <LoanStepModal loan={loan} form={form} onClose={() => setForm(null)} />}
    </>
  );
}

/** Applied → appraised → decided → contract → disbursed → closed, with who and when. */
function LoanLife({ loan }: { loan: Loan }) {
  const { t } = useTranslation();
  const items = [
    { done: true, title: t('finance.life.applied'), text: formatDate(loan.appliedOn) },
    {
      done: loan.appraisal !== null,
      title: t('finance.life.appraised'),
      text: loan.appraisal
        ? `${formatDate(loan.appraisal.on)} · ${loan.appraisal.name ?? ''} · ${t(`finance.options.${loan.appraisal.recommendation}`)}`
        : '',
    },
    {
      done: loan.decision !== null,
      title: t('finance.life.decided'),
      text: loan.decision
        ? `${loan.decision.number} · ${formatDate(loan.decision.on)} · ${t(`finance.options.${loan.decision.outcome}`)}${
            loan.decision.approvedAmount ? ` · ${formatMoney(loan.decision.approvedAmount)}` : ''
          }`
        : '',
    },
    {
      done: loan.contract !== null,
      title: t('finance.life.contract'),
      text: loan.contract ? `${loan.contract.number} · ${formatDate(loan.contract.signedOn)}` : '',
    },
    {
      done: loan.disbursed > 0,
      title: t('finance.life.disbursed'),
      text: loan.firstDisbursedOn ? `${formatMoney(loan.disbursed)} · ${formatDate(loan.firstDisbursedOn)}` : '',
    },
    {
      done: loan.closedOn !== null || loan.writeOff !== null,
      title: loan.writeOff ? t('finance.life.writtenOff') : t('finance.life.closed'),
      text: loan.closedOn ? formatDate(loan.closedOn) : loan.writeOff ? `${formatDate(loan.writeOff.on)} · ${loan.writeOff.reason}` : '',
    },
  ];
  return (
    <SimpleGrid
      component="ol"
      aria-label={t('finance.life.title')}
      cols={{ base: 2, sm: 3, lg: 6 }}
      spacing="xs"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
    >
      {items.map((item) => (
        <Paper
          component="li"
          key={item.title}
          withBorder
          radius="md"
          p="xs"
          style={{ borderTop: `3px solid var(--mantine-color-${item.done ? 'teal-6' : 'gray-3'})` }}
        >
          <Text size="sm" fw={600} c={item.done ? undefined : 'dimmed'}>
            {item.title}
          </Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {item.text || '—'}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** The application as filed, the appraisal and the decision. */
function LoanFile({ loan }: { loan: Loan }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('finance.loan.borrower'), loan.organizationName],
    [t('finance.loan.fund'), loan.fundName],
    [t('finance.loan.requestedAmount'), formatMoney(loan.requestedAmount)],
    [t('finance.loan.termMonths'), String(loan.termMonths)],
    [t('finance.loan.ratePercent'), formatRateBp(loan.rateBp)],
    [t('finance.loan.frequency'), t(`finance.frequency.${loan.frequency}`)],
    [t('finance.loan.principalMethod'), t(`finance.principalMethod.${loan.principalMethod}`)],
    [t('finance.loan.graceMonths'), String(loan.graceMonths)],
    [t('finance.loan.purpose'), loan.purpose],
    [t('finance.loan.collateral'), loan.collateral ?? '—'],
    [t('finance.loan.maturityOn'), loan.maturityOn ? formatDate(loan.maturityOn) : '—'],
  ];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Paper withBorder radius="md" p="md">
        <Table variant="vertical" layout="fixed" withRowBorders={false}>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w="40%">{label}</Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <AnchorLink to="/organizations/$id" params={{ id: loan.organizationId }} size="sm">
          {t('finance.loan.openBorrower')}
        </AnchorLink>
      </Paper>
      <Stack gap="md">
        <Paper withBorder radius="md" p="md">
          <Title order={3} fz="h5" mb={6}>
            {t('finance.loan.documents')}
          </Title>
          {loan.documents.length === 0 ? (
            <Text size="sm" c="dimmed">
              —
            </Text>
          ) : (
            <List size="sm">
              {loan.documents.map((document) => (
                <List.Item key={document}>{document}</List.Item>
              ))}
            </List>
          )}
        </Paper>
        <LoanPapers loan={loan} />
        {loan.appraisal && (
          <Paper withBorder radius="md" p="md">
            <Title order={3} fz="h5" mb={6}>
              {t('finance.life.appraised')}
            </Title>
            <Text size="sm">{loan.appraisal.findings}</Text>
            <Text size="xs" c="dimmed" mt={4}>
              {[loan.appraisal.name, formatDate(loan.appraisal.on), t(`finance.options.${loan.appraisal.recommendation}`)]
                .filter(Boolean)
                .join(' · ')}
              {loan.appraisal.recommendedAmount ? ` · ${formatMoney(loan.appraisal.recommendedAmount)}` : ''}
            </Text>
          </Paper>
        )}
        {loan.decision && (
          <Paper withBorder radius="md" p="md">
            <Title order={3} fz="h5" mb={6}>
              {t('finance.life.decided')}
            </Title>
            <Text size="sm">
              {t(`finance.options.${loan.decision.outcome}`)} · {loan.decision.number} · {formatDate(loan.decision.on)}
            </Text>
            {loan.decision.reason && <Text size="sm">{loan.decision.reason}</Text>}
            <Text size="xs" c="dimmed" mt={4}>
              {loan.decision.name}
            </Text>
          </Paper>
        )}
      </Stack>
    </SimpleGrid>
  );
}

function LoanHistory({ loanId }: { loanId: string }) {
  const { t } = useTranslation();
  const history = useLoanHistory(loanId);
  if (history.isPending) return <LoadingState />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  return (
    <Stack gap="xs">
      {history.data.map((entry) => (
        <Paper key={entry.id} withBorder radius="md" p="sm">
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={600}>
              {t(`finance.historyAction.${entry.action}`, { defaultValue: entry.action })}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(entry.at)} · {entry.actorName ?? t('history.unknownActor')}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {entry.changes
              .map((change) => `${t(`finance.fields.${change.field}`, { defaultValue: change.field })}: ${display(change.after)}`)
              .join(' · ')}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

const display = (value: unknown) =>
  value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value);
