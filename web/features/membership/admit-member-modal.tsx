import { Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MembershipCategory } from '../../../contracts/membership.ts';
import { DateField } from '../../components/date-field.tsx';
import { notifySuccess } from '../../lib/error-messages.ts';
import { OrganizationSelect } from '../organizations/organization-select.tsx';
import { useCreateMembership } from './api.ts';
import { todayInVietnam } from '../../lib/calendar.ts';
import { fieldErrorsOf, ProblemAlert } from '../../components/problem-alert.tsx';
import { FormActions } from '../../components/form-actions.tsx';

type AdmitMemberModalProps = {
  isOpen: boolean;
  onClose: () => void;
  /** Admitting from an organisation's page: the organisation is fixed. */
  organization?: { id: string; name: string };
};

type Values = {
  organizationId: string | null;
  category: MembershipCategory;
  joinedOn: string | null;
  decisionNumber: string;
  notes: string;
};

const emptyValues = (organizationId: string | null): Values => ({
  organizationId,
  category: 'official',
  joinedOn: todayInVietnam(),
  decisionNumber: '',
  notes: '',
});

/** Kết nạp thành viên: an organisation joins the Alliance from a day (never overlapping an earlier period). */
export function AdmitMemberModal({ isOpen, onClose, organization }: AdmitMemberModalProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(() => emptyValues(organization?.id ?? null));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateMembership();
  const set = (patch: Partial<Values>) => {
    setValues((current) => ({ ...current, ...patch }));
    setErrors((current) => ({ ...current, ...Object.fromEntries(Object.keys(patch).map((key) => [key, ''])) }));
  };

  const close = () => {
    create.reset();
    setErrors({});
    setValues(emptyValues(organization?.id ?? null));
    onClose();
  };

  const submit = () => {
    const missing: Record<string, string> = {};
    if (!values.organizationId) missing.organizationId = t('membership.admit.organizationRequired');
    if (!values.joinedOn) missing.joinedOn = t('membership.admit.joinedOnRequired');
    setErrors(missing);
    if (!values.organizationId || !values.joinedOn) return;
    create.mutate(
      {
        organizationId: values.organizationId,
        category: values.category,
        joinedOn: values.joinedOn,
        decisionNumber: values.decisionNumber.trim() || undefined,
        notes: values.notes.trim() || undefined,
      },
      {
        onSuccess: (membership) => {
          notifySuccess(t('membership.admit.done', { name: membership.organization.name }));
          close();
        },
        onError: (error) => setErrors(fieldErrorsOf(error)),
      },
    );
  };

  return (
    <Modal
      opened={isOpen}
      onClose={close}
      title={t('membership.admit.title')}
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
          {organization ? (
            <Text size="sm" fw={500}>
              {organization.name}
            </Text>
          ) : (
            <OrganizationSelect
              label={t('membership.fields.organization')}
              required
              value={values.organizationId}
              onChange={(organizationId) => set({ organizationId })}
              error={errors.organizationId || undefined}
            />
          )}
          <Stack gap={4}>
            <Text size="sm" fw={500} id="admit-category">
              {t('membership.fields.category')}
            </Text>
            <SegmentedControl
              aria-labelledby="admit-category"
              value={values.category}
              onChange={(category) => set({ category: category as MembershipCategory })}
              data={[
                { value: 'official', label: t('membership.category.official') },
                { value: 'associate', label: t('membership.category.associate') },
              ]}
            />
          </Stack>
          <DateField
            label={t('membership.fields.joinedOn')}
            required
            value={values.joinedOn}
            onChange={(joinedOn) => set({ joinedOn })}
            error={errors.joinedOn || undefined}
          />
          <TextInput
            label={t('membership.fields.decisionNumber')}
            placeholder="12/QĐ-LMHTX"
            maxLength={50}
            value={values.decisionNumber}
            onChange={(event) => set({ decisionNumber: event.currentTarget.value })}
            error={errors.decisionNumber || undefined}
          />
          <Textarea
            label={t('membership.fields.notes')}
            autosize
            minRows={2}
            maxLength={1000}
            value={values.notes}
            onChange={(event) => set({ notes: event.currentTarget.value })}
            error={errors.notes || undefined}
          />
          <ProblemAlert error={create.error} staleHint={t('membership.staleHint')} />
          <FormActions onCancel={close} submitLabel={t('membership.admit.submit')} isPending={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
