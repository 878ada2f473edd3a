import { Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdvisoryCase, AdvisoryStage } from '../../../contracts/advisory.ts';
import { DateField } from '../../components/date-field.tsx';
import { fieldErrorsOf, ProblemAlert } from '../../components/problem-alert.tsx';
import { todayInVietnam } from '../../lib/calendar.ts';
import { notifySuccess } from '../../lib/error-messages.ts';
import { useMoveStage } from './api.ts';
import { stageActionLabel } from './stage-actions.ts';
import { FormActions } from '../../components/form-actions.tsx';

type StageModalProps = { item: AdvisoryCase; stage: AdvisoryStage; onClose: () => void };

/** Moving a case to another stage on a day; dropping it needs a reason. */
export function StageModal({ item, stage, onClose }: StageModalProps) {
  const { t } = useTranslation();
  const move = useMoveStage(item.id);
  const [on, setOn] = useState<string | null>(todayInVietnam());
  const [reason, setReason] = useState('');
  const errors = fieldErrorsOf(move.error);
  const title = stageActionLabel(t, item.stage, stage);

  const submit = () =>
    move.mutate(
      { version: item.version, stage, on: on ?? undefined, ...(stage === 'dropped' ? { reason } : {}) },
      {
        onSuccess: () => {
          notifySuccess(t('advisory.move.done', { stage: t(`advisory.stage.${stage}`) }));
          onClose();
        },
      },
    );

  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack gap="md">
        <DateField label={t('advisory.move.on')} value={on} onChange={setOn} error={errors.on} />
        {stage === 'dropped' && (
          <Textarea
            label={t('advisory.move.reason')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={errors.reason}
          />
        )}
        <ProblemAlert error={move.error} staleHint={t('advisory.staleHint')} />
        <FormActions
          onCancel={onClose}
          onSubmit={submit}
          submitLabel={title}
          isPending={move.isPending}
          color={stage === 'dropped' ? 'red' : undefined}
        />
      </Stack>
    </Modal>
  );
}
