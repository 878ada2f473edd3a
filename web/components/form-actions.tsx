import { Button, type ButtonProps, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type FormActionsProps = {
  onCancel: () => void;
  submitLabel: ReactNode;
  isPending: boolean;
  /** Red for what cannot be undone (erase, archive). */
  color?: ButtonProps['color'];
  disabled?: boolean;
  /** For a dialog that is not a <form>: what the action button does. */
  onSubmit?: () => void;
};

/** The foot of every form and dialog: "Hủy" beside the one thing the form does. */
export function FormActions({ onCancel, submitLabel, isPending, color, disabled, onSubmit }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="xs">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type={onSubmit ? 'button' : 'submit'} onClick={onSubmit} color={color} loading={isPending} disabled={disabled}>
        {submitLabel}
      </Button>
    </Group>
  );
}
