import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, TagsInput, Textarea } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CreateLoan, principalMethods, repaymentFrequencies } from '../../../contracts/finance.ts';
import { DateField } from '../../components/date-field.tsx';
import { MoneyInput } from '../../components/money-input.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { fieldErrorsOf, ProblemAlert } from '../../components/problem-alert.tsx';
import { todayInVietnam } from '../../lib/calendar.ts';
import { notifySuccess } from '../../lib/error-messages.ts';
import { formatMoney, formatRateBp } from '../../lib/format.ts';
import { OrganizationSelect } from '../organizations/organization-select.tsx';
import { useCreateLoan, useFundChoices } from './api.ts';
import { FinanceNav } from './finance-nav.tsx';

const route = getRouteApi('/signed-in/finance/loans/new');

type Draft = {
  organizationId: string | null;
  fundId: string | null;
  requestedAmount: number | null;
  termMonths: number | string;
  /** Percent a year as typed; left blank the fund's rate applies. */
  ratePercent: number | string;
  frequency: CreateLoan['frequency'];
  principalMethod: CreateLoan['principalMethod'];
  graceMonths: number | string;
  purpose: string;
  collateral: string;
  documents: string[];
  appliedOn: string | null;
};

const whole = (value: number | string) => (value === '' ? undefined : Number(value));

/** A cooperative's application (hồ sơ vay): who borrows, from which fund, how much, how long, for what. */
export function LoanCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { organizationId } = route.useSearch();
  const funds = useFundChoices();
  const create = useCreateLoan();
  const [draft, setDraft] = useState<Draft>({
    organizationId: organizationId ?? null,
    fundId: null,
    requestedAmount: null,
    termMonths: 24,
    ratePercent: '',
    frequency: 'monthly',
    principalMethod: 'equal',
    graceMonths: 0,
    purpose: '',
    collateral: '',
    documents: [],
    appliedOn: todayInVietnam(),
  });
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const errors = fieldErrorsOf(create.error);
  const fund = funds.data?.find((each) => each.id === draft.fundId) ?? (funds.data?.length === 1 ? funds.data[0] : undefined);
  const rules = fund?.currentRules;

  const submit = () => {
    const rate = whole(draft.ratePercent);
    create.mutate(
      {
        organizationId: draft.organizationId ?? '',
        fundId: fund?.id ?? '',
        requestedAmount: draft.requestedAmount ?? 0,
        termMonths: whole(draft.termMonths) ?? 0,
        ...(rate === undefined ? {} : { rateBp: Math.round(rate * 100) }),
        frequency: draft.frequency,
        principalMethod: draft.principalMethod,
        graceMonths: whole(draft.graceMonths) ?? 0,
        purpose: draft.purpose,
        collateral: draft.collateral,
        documents: draft.documents,
        appliedOn: draft.appliedOn ?? '',
      },
      {
        onSuccess: (loan) => {
          notifySuccess(t('finance.loans.created', { name: loan.organizationName }));
          void navigate({ to: '/finance/loans/$id', params: { id: loan.id } });
        },
      },
    );
  };

  return (
    <>
      <FinanceNav />
      <PageHeader title={t('finance.loans.new')} description={t('finance.loans.newDescription')} />
      <Paper withBorder radius="md" p="md" maw={880}>
        <Stack gap="md">
          <OrganizationSelect
            label={t('finance.loan.borrower')}
            required
            value={draft.organizationId}
            onChange={(value) => set({ organizationId: value })}
            error={errors.organizationId}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('finance.loan.fund')}
              required
              data={(funds.data ?? []).map((each) => ({ value: each.id, label: each.name }))}
              value={fund?.id ?? null}
              onChange={(value) => set({ fundId: value })}
              error={errors.fundId}
              description={fund ? t('finance.loan.fundAvailable', { amount: formatMoney(fund.available) }) : undefined}
            />
            <DateField
              label={t('finance.loan.appliedOn')}
              required
              value={draft.appliedOn}
              onChange={(value) => set({ appliedOn: value })}
              error={errors.appliedOn}
            />
            <MoneyInput
              label={t('finance.loan.requestedAmount')}
              value={draft.requestedAmount}
              onChange={(value) => set({ requestedAmount: value })}
              error={errors.requestedAmount}
              description={rules ? t('finance.loan.maxAmount', { amount: formatMoney(rules.maxAmount) }) : undefined}
            />
            <NumberInput
              label={t('finance.loan.termMonths')}
              required
              min={1}
              max={120}
              allowDecimal={false}
              value={draft.termMonths}
              onChange={(value) => set({ termMonths: value })}
              error={errors.termMonths}
              description={rules ? t('finance.loan.maxTerm', { months: rules.maxTermMonths }) : undefined}
            />
            <NumberInput
              label={t('finance.loan.ratePercent')}
              min={0}
              max={100}
              decimalScale={2}
              decimalSeparator=","
              value={draft.ratePercent}
              onChange={(value) => set({ ratePercent: value })}
              error={errors.rateBp}
              placeholder={rules ? formatRateBp(rules.lendingRateBp, '') : undefined}
              description={t('finance.loan.rateHint')}
            />
            <NumberInput
              label={t('finance.loan.graceMonths')}
              min={0}
              max={60}
              allowDecimal={false}
              value={draft.graceMonths}
              onChange={(value) => set({ graceMonths: value })}
              error={errors.graceMonths}
            />
            <Select
              label={t('finance.loan.frequency')}
              data={repaymentFrequencies.map((value) => ({ value, label: t(`finance.frequency.${value}`) }))}
              value={draft.frequency}
              onChange={(value) => value && set({ frequency: value as Draft['frequency'] })}
              allowDeselect={false}
            />
            <Select
              label={t('finance.loan.principalMethod')}
              data={principalMethods.map((value) => ({ value, label: t(`finance.principalMethod.${value}`) }))}
              value={draft.principalMethod}
              onChange={(value) => value && set({ principalMethod: value as Draft['principalMethod'] })}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Textarea
            label={t('finance.loan.purpose')}
            required
            autosize
            minRows={2}
            value={draft.purpose}
            onChange={(event) => set({ purpose: event.currentTarget.value })}
            error={errors.purpose}
          />
          <Textarea
            label={t('finance.loan.collateral')}
            autosize
            minRows={2}
            value={draft.collateral}
            onChange={(event) => set({ collateral: event.currentTarget.value })}
            error={errors.collateral}
          />
          <TagsInput
            label={t('finance.loan.documents')}
            description={t('finance.loan.documentsHint')}
            value={draft.documents}
            onChange={(documents) => set({ documents })}
            error={errors.documents}
          />
          <ProblemAlert error={create.error} staleHint={t('finance.loan.staleHint')} />
          <Group>
            <Button onClick={submit} loading={create.isPending}>
              {t('finance.loans.submit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </>
  );
}
