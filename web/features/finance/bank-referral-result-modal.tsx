import { Modal, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BankReferral, bankReferralStatuses } from '../../../contracts/finance.ts';
import { DateField } from '../../components/date-field.tsx';
import { MoneyInput } from '../../components/money-input.tsx';
import { fieldErrorsOf, ProblemAlert } from '../../components/problem-alert.tsx';
import { todayInVietnam } from '../../lib/calendar.ts';
import { notifySuccess } from '../../lib/error-messages.ts';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { useUpdateBankReferral } from './api.ts';
import { FormActions } from '../../components/form-actions.tsx';

type Values = { status: BankReferral['status']; amountGranted: number | null; decidedOn: string | null; notes: string };

const valuesOf = (referral: BankReferral | null): Values => ({
  status: referral?.status ?? 'referred',
  amountGranted: referral?.amountGranted ?? null,
  decidedOn: referral?.decidedOn ?? null,
  notes: referral?.notes ?? '',
});

/** The bank's answer: granted (how much), refused or withdrawn, and when; the version read goes with it. */
export function BankReferralResultModal({ referral, onClose }: { referral: BankReferral | null; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateBankReferral();
  const [values, setValues] = useState<Values>(() => valuesOf(referral));
  const errors = fieldErrorsOf(update.error);
  const set = (patch: Partial<Values>) => setValues((current) => ({ ...current, ...patch }));

  // A new referral, or the same one read again after someone else's save, fills the form afresh.
  useEffect(() => {
    setValues(valuesOf(referral));
  }, [referral]);

  const close = () => {
    update.reset();
    onClose();
  };

  const submit = () => {
    if (!referral) return;
    const answered = values.status !== 'referred';
    update.mutate(
      {
        id: referral.id,
        version: referral.version,
        status: values.status,
        amountGranted: values.status === 'approved' ? values.amountGranted : null,
        // A bank's answer has a date: today unless the user gives another.
        decidedOn: answered ? (values.decidedOn ?? todayInVietnam()) : null,
        notes: values.notes,
      },
      {
        onSuccess: (saved) => {
          notifySuccess(t('finance.referrals.update.done', { name: saved.organizationName }));
          close();
        },
      },
    );
  };

  return (
    <Modal
      opened={referral !== null}
      onClose={close}
      title={referral ? t('finance.referrals.update.title', { name: referral.organizationName }) : ''}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {referral && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {[
                t(`finance.referrals.bank.${referral.bank}`),
                referral.bankBranch,
                formatMoney(referral.amountRequested),
                formatDate(referral.referredOn),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            <Select
              label={t('finance.referrals.fields.status')}
              data={bankReferralStatuses.map((value) => ({ value, label: t(`finance.referrals.status.${value}`) }))}
              value={values.status}
              onChange={(value) => value && set({ status: value as Values['status'] })}
              allowDeselect={false}
              error={errors.status}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <MoneyInput
                label={t('finance.referrals.fields.amountGranted')}
                value={values.amountGranted}
                onChange={(amountGranted) => set({ amountGranted })}
                error={errors.amountGranted}
                disabled={values.status !== 'approved'}
              />
              <DateField
                label={t('finance.referrals.fields.decidedOn')}
                value={values.decidedOn}
                onChange={(decidedOn) => set({ decidedOn })}
                error={errors.decidedOn}
              />
            </SimpleGrid>
            <Textarea
              label={t('finance.referrals.fields.notes')}
              autosize
              minRows={1}
              value={values.notes}
              onChange={(event) => set({ notes: event.currentTarget.value })}
              error={errors.notes}
              maxLength={2000}
            />
            <ProblemAlert error={update.error} staleHint={t('finance.referrals.update.staleHint')} />
            <FormActions onCancel={close} submitLabel={t('finance.referrals.update.submit')} isPending={update.isPending} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
