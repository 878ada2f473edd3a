import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dues } from '../../../contracts/membership.ts';
import { DateField } from '../../components/date-field.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { MoneyInput } from '../../components/money-input.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { notifySuccess } from '../../lib/error-messages.ts';
import { formatMoney } from '../../lib/format.ts';
import { useOrganizationMemberships, useSaveDues } from './api.ts';
import { todayInVietnam } from '../../lib/calendar.ts';
import { fieldErrorsOf, ProblemAlert } from '../../components/problem-alert.tsx';
import { FormActions } from '../../components/form-actions.tsx';

export type PaymentTarget = { organizationId: string; organizationName: string; membershipId: string; year: number };

type Values = { amountDue: number | null; amountPaid: number | null; paidOn: string | null; receiptNumber: string; notes: string };

const valuesOf = (dues: Dues | undefined): Values => ({
  amountDue: dues?.amountDue ?? null,
  amountPaid: dues?.amountPaid ?? 0,
  paidOn: dues?.paidOn ?? todayInVietnam(),
  receiptNumber: dues?.receiptNumber ?? '',
  notes: dues?.notes ?? '',
});

/** Ghi nhận nộp hội phí: the year's amount paid so far (in total), the day and the receipt, on the latest record read. */
export function RecordPaymentModal({ target, onClose }: { target: PaymentTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const memberships = useOrganizationMemberships(target?.organizationId ?? '', target !== null);
  const dues = memberships.data?.items
    .find((membership) => membership.id === target?.membershipId)
    ?.dues.find((row) => row.year === target?.year);
  const [values, setValues] = useState<Values>(valuesOf(undefined));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSaveDues();
  const isLoaded = memberships.data !== undefined;

  // A fresh record (opened, or reloaded after someone else saved) fills the form again.
  useEffect(() => {
    if (isLoaded) setValues(valuesOf(dues));
  }, [isLoaded, dues]);

  const set = (patch: Partial<Values>) => {
    setValues((current) => ({ ...current, ...patch }));
    setErrors((current) => ({ ...current, ...Object.fromEntries(Object.keys(patch).map((key) => [key, ''])) }));
    save.reset();
  };

  const close = () => {
    save.reset();
    setErrors({});
    onClose();
  };

  const submit = () => {
    if (!target) return;
    const found: Record<string, string> = {};
    const amountPaid = values.amountPaid ?? 0;
    if (values.amountDue === null) found.amountDue = t('membership.payment.amountDueRequired');
    else if (amountPaid > values.amountDue) found.amountPaid = t('membership.payment.paidOverDue');
    if (amountPaid > 0 && !values.paidOn) found.paidOn = t('membership.payment.paidOnRequired');
    setErrors(found);
    if (Object.keys(found).length > 0 || values.amountDue === null) return;
    save.mutate(
      {
        membershipId: target.membershipId,
        year: target.year,
        version: dues?.version,
        amountDue: values.amountDue,
        amountPaid,
        paidOn: amountPaid > 0 ? values.paidOn : null,
        receiptNumber: values.receiptNumber.trim() || undefined,
        notes: values.notes.trim() || undefined,
      },
      {
        onSuccess: (saved) => {
          notifySuccess(
            saved.outstanding === 0
              ? t('membership.payment.donePaid', { name: target.organizationName, year: target.year })
              : t('membership.payment.donePartial', { name: target.organizationName, outstanding: formatMoney(saved.outstanding) }),
          );
          close();
        },
        onError: (error) => {
          setErrors(fieldErrorsOf(error));
          // Someone else saved first: load their record, so the next save goes on top of it.
          if (isApiError(error, 409) && error.problem.code === 'version_conflict') void memberships.refetch();
        },
      },
    );
  };

  const outstanding = (values.amountDue ?? 0) - (values.amountPaid ?? 0);

  return (
    <Modal
      opened={target !== null}
      onClose={close}
      title={target ? t('membership.payment.title', { year: target.year }) : ''}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {!isLoaded ? (
        <LoadingState />
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack gap="sm">
            <Text size="sm" fw={500}>
              {target?.organizationName}
            </Text>
            {!dues && (
              <Alert color="blue" variant="light">
                <Text size="sm">{t('membership.payment.noRecord')}</Text>
              </Alert>
            )}
            <MoneyInput
              label={t('membership.fields.amountDue')}
              value={values.amountDue}
              onChange={(amountDue) => set({ amountDue })}
              error={errors.amountDue || undefined}
            />
            <MoneyInput
              label={t('membership.payment.amountPaid')}
              description={
                dues && dues.amountPaid > 0 ? t('membership.payment.paidBefore', { amount: formatMoney(dues.amountPaid) }) : undefined
              }
              value={values.amountPaid}
              onChange={(amountPaid) => set({ amountPaid })}
              error={errors.amountPaid || undefined}
            />
            <Group gap="xs" justify="space-between">
              <Text size="sm" c={outstanding > 0 ? 'red.8' : 'teal.8'}>
                {t('membership.payment.remaining', { amount: formatMoney(Math.max(outstanding, 0)) })}
              </Text>
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => set({ amountPaid: values.amountDue })}
                disabled={values.amountDue === null}
              >
                {t('membership.payment.payInFull')}
              </Button>
            </Group>
            <DateField
              label={t('membership.fields.paidOn')}
              value={values.paidOn}
              onChange={(paidOn) => set({ paidOn })}
              error={errors.paidOn || undefined}
            />
            <TextInput
              label={t('membership.fields.receiptNumber')}
              maxLength={50}
              value={values.receiptNumber}
              onChange={(event) => set({ receiptNumber: event.currentTarget.value })}
              error={errors.receiptNumber || undefined}
            />
            <Textarea
              label={t('membership.fields.notes')}
              autosize
              minRows={2}
              maxLength={1000}
              value={values.notes}
              onChange={(event) => set({ notes: event.currentTarget.value })}
            />
            <ProblemAlert error={save.error} staleHint={t('membership.staleHint')} />
            <FormActions onCancel={close} submitLabel={t('membership.payment.submit')} isPending={save.isPending} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
