import { Modal, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Loan } from '../../../contracts/finance.ts';
import { DateField } from '../../components/date-field.tsx';
import { MoneyInput } from '../../components/money-input.tsx';
import { fieldErrorsOf, ProblemAlert } from '../../components/problem-alert.tsx';
import { todayInVietnam } from '../../lib/calendar.ts';
import { notifySuccess } from '../../lib/error-messages.ts';
import { formatMoney } from '../../lib/format.ts';
import { useLoanState, useLoanStep, useUpdateLoan } from './api.ts';
import { initialValues, requestOf, type StepField, type StepForm } from './loan-step-forms.ts';
import { FormActions } from '../../components/form-actions.tsx';

type LoanStepModalProps = { loan: Loan; form: StepForm; onClose: () => void };

/** One step of the loan (appraise, decide, sign, disburse, repay…): its form, sent with the loan's version. */
export function LoanStepModal({ loan, form, onClose }: LoanStepModalProps) {
  const { t } = useTranslation();
  const today = todayInVietnam();
  const [values, setValues] = useState(() => initialValues(form, loan, today));
  const step = useLoanStep(loan.id);
  const update = useUpdateLoan(loan.id);
  const mutation = form.step === null ? update : step;
  const errors = fieldErrorsOf(mutation.error);
  // A repayment is easier with what is due and what pays it off on the day.
  const state = useLoanState(loan.id, typeof values.paidOn === 'string' ? values.paidOn : undefined, form.action === 'repay');

  const submit = () => {
    const body = requestOf(values, loan);
    const done = () => {
      notifySuccess(t(`finance.steps.${form.action}.done`));
      onClose();
    };
    if (form.step === null) update.mutate(body as Parameters<typeof update.mutate>[0], { onSuccess: done });
    else step.mutate({ step: form.step, body }, { onSuccess: done });
  };

  const input = (field: StepField) => {
    const label = t(`finance.fields.${field.name}`);
    const value = values[field.name] ?? null;
    const set = (next: string | number | null) => setValues((current) => ({ ...current, [field.name]: next }));
    const error = errors[field.name];
    switch (field.kind) {
      case 'date':
        return (
          <DateField key={field.name} label={label} required={field.required} value={value as string | null} onChange={set} error={error} />
        );
      case 'money':
        return <MoneyInput key={field.name} label={label} value={value as number | null} onChange={set} error={error} />;
      case 'number':
        return (
          <NumberInput
            key={field.name}
            label={label}
            required={field.required}
            allowDecimal={false}
            min={1}
            value={value ?? ''}
            onChange={(next) => set(next === '' ? null : Number(next))}
            error={error}
          />
        );
      case 'select':
        return (
          <Select
            key={field.name}
            label={label}
            required={field.required}
            data={field.options.map((option) => ({ value: option, label: t(`finance.options.${option}`) }))}
            value={value as string | null}
            onChange={set}
            allowDeselect={false}
            error={error}
          />
        );
      case 'textarea':
        return (
          <Textarea
            key={field.name}
            label={label}
            required={field.required}
            autosize
            minRows={2}
            value={(value as string | null) ?? ''}
            onChange={(event) => set(event.currentTarget.value)}
            error={error}
          />
        );
      default:
        return (
          <TextInput
            key={field.name}
            label={label}
            required={field.required}
            value={(value as string | null) ?? ''}
            onChange={(event) => set(event.currentTarget.value)}
            error={error}
          />
        );
    }
  };

  return (
    <Modal opened onClose={onClose} title={t(`finance.steps.${form.action}.title`)} size="lg" centered>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t(`finance.steps.${form.action}.hint`)}
        </Text>
        {form.action === 'repay' && state.data && (
          <Text size="sm">
            {t('finance.steps.repay.due', {
              due: formatMoney(state.data.principalDue + state.data.interestDue + state.data.overdueInterest),
              payoff: formatMoney(state.data.payoffAmount),
            })}
          </Text>
        )}
        {form.fields.map(input)}
        <ProblemAlert error={mutation.error} staleHint={t('finance.loan.staleHint')} />
        <FormActions
          onCancel={onClose}
          onSubmit={submit}
          submitLabel={t(`finance.steps.${form.action}.submit`)}
          isPending={mutation.isPending}
        />
      </Stack>
    </Modal>
  );
}
