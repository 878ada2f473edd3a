import { Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Membership, MembershipCategory } from '../../../contracts/membership.ts';
import { DateField } from '../../components/date-field.tsx';
import { notifySuccess } from '../../lib/error-messages.ts';
import { useUpdateMembership } from './api.ts';
import { fieldErrorsOf, ProblemAlert } from '../../components/problem-alert.tsx';
import { FormActions } from '../../components/form-actions.tsx';

type EditMembershipModalProps = { membership: Membership | null; onClose: () => void };

type Values = { category: MembershipCategory; joinedOn: string | null; decisionNumber: string; notes: string; leftReason: string };

const valuesOf = (membership: Membership | null): Values => ({
  category: membership?.category ?? 'official',
  joinedOn: membership?.joinedOn ?? null,
  decisionNumber: membership?.decisionNumber ?? '',
  notes: membership?.notes ?? '',
  leftReason: membership?.leftReason ?? '',
});

/** Corrects a membership period: category, joining date, decision, notes (and the reason, once left). */
export function EditMembershipModal({ membership, onClose }: EditMembershipModalProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(() => valuesOf(membership));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const update = useUpdateMembership();

  useEffect(() => {
    setValues(valuesOf(membership));
    setErrors({});
  }, [membership]);

  const set = (patch: Partial<Values>) => {
    setValues((current) => ({ ...current, ...patch }));
    setErrors((current) => ({ ...current, ...Object.fromEntries(Object.keys(patch).map((key) => [key, ''])) }));
  };

  const close = () => {
    update.reset();
    onClose();
  };

  const submit = () => {
    if (!membership) return;
    if (!values.joinedOn) {
      setErrors({ joinedOn: t('membership.admit.joinedOnRequired') });
      return;
    }
    update.mutate(
      {
        id: membership.id,
        version: membership.version,
        category: values.category,
        joinedOn: values.joinedOn,
        decisionNumber: values.decisionNumber.trim() || undefined,
        notes: values.notes.trim() || undefined,
        ...(membership.leftOn ? { leftReason: values.leftReason.trim() || undefined } : {}),
      },
      {
        onSuccess: () => {
          notifySuccess(t('membership.edit.done'));
          close();
        },
        onError: (error) => setErrors(fieldErrorsOf(error)),
      },
    );
  };

  return (
    <Modal
      opened={membership !== null}
      onClose={close}
      title={membership ? t('membership.edit.title', { name: membership.organization.name }) : ''}
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
          <Select
            label={t('membership.fields.category')}
            allowDeselect={false}
            value={values.category}
            onChange={(category) => category && set({ category: category as MembershipCategory })}
            data={[
              { value: 'official', label: t('membership.category.official') },
              { value: 'associate', label: t('membership.category.associate') },
            ]}
          />
          <DateField
            label={t('membership.fields.joinedOn')}
            required
            value={values.joinedOn}
            onChange={(joinedOn) => set({ joinedOn })}
            error={errors.joinedOn || undefined}
          />
          <TextInput
            label={t('membership.fields.decisionNumber')}
            maxLength={50}
            value={values.decisionNumber}
            onChange={(event) => set({ decisionNumber: event.currentTarget.value })}
            error={errors.decisionNumber || undefined}
          />
          {membership?.leftOn && (
            <Textarea
              label={t('membership.fields.leftReason')}
              autosize
              minRows={2}
              maxLength={500}
              value={values.leftReason}
              onChange={(event) => set({ leftReason: event.currentTarget.value })}
              error={errors.leftReason || undefined}
            />
          )}
          <Textarea
            label={t('membership.fields.notes')}
            autosize
            minRows={2}
            maxLength={1000}
            value={values.notes}
            onChange={(event) => set({ notes: event.currentTarget.value })}
            error={errors.notes || undefined}
          />
          <ProblemAlert error={update.error} staleHint={t('membership.staleHint')} />
          <FormActions onCancel={close} submitLabel={t('common.save')} isPending={update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
