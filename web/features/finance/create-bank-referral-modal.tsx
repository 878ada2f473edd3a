import { Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BankReferral, banks } from '../../../contracts/finance.ts';
import { DateField } from '../../components/date-field.tsx';
import { MoneyInput } from '../../components/money-input.tsx';
import { fieldErrorsOf, ProblemAlert } from '../../components/problem-alert.tsx';
import { todayInVietnam } from '../../lib/calendar.ts';
import { notifySuccess } from '../../lib/error-messages.ts';
import { OrganizationSelect } from '../organizations/organization-select.tsx';
import { useCreateBankReferral } from './api.ts';
import { FormActions } from '../../components/form-actions.tsx';

type Values = {
  organizationId: string | null;
  bank: BankReferral['bank'];
  bankBranch: string;
  amountRequested: number | null;
  referredOn: string | null;
  purpose: string;
  notes: string;
};

const emptyValues = (): Values => ({
  organizationId: null,
  bank: 'agribank',
  bankBranch: '',
  amountRequested: null,
  referredOn: todayInVietnam(),
  purpose: '',
  notes: '',
});

/** Records that the Alliance sent a cooperative's request to a bank: who, which bank, how much, when, for what. */
export function CreateBankReferralModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateBankReferral();
  const [values, setValues] = useState<Values>(emptyValues);
  const errors = fieldErrorsOf(create.error);
  const set = (patch: Partial<Values>) => setValues((current) => ({ ...current, ...patch }));

  useEffect(() => {
    if (opened) setValues(emptyValues());
  }, [opened]);

  const close = () => {
    create.reset();
    onClose();
  };

  const submit = () =>
    create.mutate(
      {
        organizationId: values.organizationId ?? '',
        bank: values.bank,
        bankBranch: values.bankBranch,
        amountRequested: values.amountRequested ?? 0,
        referredOn: values.referredOn ?? '',
        purpose: values.purpose,
        notes: values.notes,
      },
      {
        onSuccess: (referral) => {
          notifySuccess(t('finance.referrals.create.done', { name: referral.organizationName }));
          close();
        },
      },
    );

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('finance.referrals.create.title')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <OrganizationSelect
            label={t('finance.referrals.fields.organization')}
            required
            value={values.organizationId}
            onChange={(organizationId) => set({ organizationId })}
            error={errors.organizationId}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('finance.referrals.fields.bank')}
              data={banks.map((value) => ({ value, label: t(`finance.referrals.bank.${value}`) }))}
              value={values.bank}
              onChange={(value) => value && set({ bank: value as Values['bank'] })}
              allowDeselect={false}
              error={errors.bank}
            />
            <TextInput
              label={t('finance.referrals.fields.bankBranch')}
              value={values.bankBranch}
              onChange={(event) => set({ bankBranch: event.currentTarget.value })}
              error={errors.bankBranch}
              maxLength={200}
            />
            <MoneyInput
              label={t('finance.referrals.fields.amountRequested')}
              value={values.amountRequested}
              onChange={(amountRequested) => set({ amountRequested })}
              error={errors.amountRequested}
            />
            <DateField
              label={t('finance.referrals.fields.referredOn')}
              required
              value={values.referredOn}
              onChange={(referredOn) => set({ referredOn })}
              error={errors.referredOn}
            />
          </SimpleGrid>
          <Textarea
            label={t('finance.referrals.fields.purpose')}
            autosize
            minRows={2}
            value={values.purpose}
            onChange={(event) => set({ purpose: event.currentTarget.value })}
            error={errors.purpose}
            maxLength={1000}
          />
          <Textarea
            label={t('finance.referrals.fields.notes')}
            autosize
            minRows={1}
            value={values.notes}
            onChange={(event) => set({ notes: event.currentTarget.value })}
            error={errors.notes}
            maxLength={2000}
          />
          <ProblemAlert error={create.error} staleHint={t('finance.referrals.update.staleHint')} />
          <FormActions onCancel={close} submitLabel={t('finance.referrals.create.submit')} isPending={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
