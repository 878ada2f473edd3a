import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Membership } from '../../../contracts/membership.ts';
import { DateField } from '../../components/date-field.tsx';
import { notifySuccess } from '../../lib/error-messages.ts';
import { formatDate } from '../../lib/format.ts';
import { useUpdateMembership } from './api.ts';
import { todayInVietnam } from '../../lib/calendar.ts';
import { fieldErrorsOf, ProblemAlert } from '../../components/problem-alert.tsx';
import { FormActions } from '../../components/form-actions.tsx';

type LeaveMembershipModalProps = { membership: Membership | null; onClose: () => void };

/** Ra khỏi Liên minh: the last day as a member and why (both required). */
export function LeaveMembershipModal({ membership, onClose }: LeaveMembershipModalProps) {
  const { t } = useTranslation();
  const [leftOn, setLeftOn] = useState<string | null>(todayInVietnam());
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const update = useUpdateMembership();

  const close = () => {
    update.reset();
    setErrors({});
    setReason('');
    setLeftOn(todayInVietnam());
    onClose();
  };

  const submit = () => {
    if (!membership) return;
    const missing: Record<string, string> = {};
    if (!leftOn) missing.leftOn = t('membership.leave.leftOnRequired');
    if (!reason.trim()) missing.leftReason = t('membership.leave.reasonRequired');
    setErrors(missing);
    if (!leftOn || !reason.trim()) return;
    update.mutate(
      { id: membership.id, version: membership.version, leftOn, leftReason: reason.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('membership.leave.done', { name: membership.organization.name }));
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
      title={t('membership.leave.title')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {membership && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack gap="sm">
            <Text size="sm">
              {t('membership.leave.text', { name: membership.organization.name, joinedOn: formatDate(membership.joinedOn) })}
            </Text>
            <DateField
              label={t('membership.fields.leftOn')}
              description={t('membership.leave.leftOnHint')}
              required
              value={leftOn}
              onChange={(value) => {
                setLeftOn(value);
                setErrors((current) => ({ ...current, leftOn: '' }));
              }}
              error={errors.leftOn || undefined}
            />
            <Textarea
              label={t('membership.fields.leftReason')}
              required
              autosize
              minRows={2}
              maxLength={500}
              value={reason}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                setErrors((current) => ({ ...current, leftReason: '' }));
              }}
              error={errors.leftReason || undefined}
            />
            <ProblemAlert error={update.error} staleHint={t('membership.staleHint')} />
            <FormActions onCancel={close} submitLabel={t('membership.leave.submit')} isPending={update.isPending} color="red" />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
