import { Button, Group, Modal, PasswordInput, Stack, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type UpdateUser, type User, updateUserSchema } from '../../../contracts/access.ts';
import { isApiError } from '../../lib/api-client.ts';
import { notifyError, notifySuccess } from '../../lib/error-messages.ts';
import { fieldErrorsFromIssues, fieldErrorsFromProblem } from '../../lib/field-errors.ts';
import { useFormState } from '../../lib/use-form-state.ts';
import { useUpdateUser } from './api.ts';
import { translateUserIssue } from './user-create-modal.tsx';
import { type UserScopeValues, UserScopeFields } from './user-form-fields.tsx';

type EditUserValues = UserScopeValues & { displayName: string; isActive: boolean; password: string };

export function UserEditModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const form = useFormState<EditUserValues>({
    displayName: user.displayName,
    role: user.role,
    provinceCode: user.provinceCode,
    organizationId: user.organizationId,
    isActive: user.isActive,
    password: '',
  });

  const submit = () => {
    const { values } = form;
    const organizationId = values.role === 'cooperative' ? values.organizationId : null;
    // Only what changed, with the version read: a concurrent edit is refused, not overwritten.
    const body: UpdateUser = { version: user.version };
    if (values.displayName.trim() !== user.displayName) body.displayName = values.displayName;
    if (values.role !== user.role) body.role = values.role;
    if (values.provinceCode !== user.provinceCode) body.provinceCode = values.provinceCode;
    if (organizationId !== user.organizationId) body.organizationId = organizationId;
    if (values.isActive !== user.isActive) body.isActive = values.isActive;
    if (values.password) body.password = values.password;

    const result = updateUserSchema.safeParse(body);
    const errors = result.success ? {} : fieldErrorsFromIssues(result.error.issues, translateUserIssue);
    if (values.role === 'cooperative' && !organizationId) errors.organizationId = t('users.validation.organizationId');
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    if (Object.keys(body).length === 1) return onClose();

    update.mutate(body, {
      onSuccess: () => {
        notifySuccess(t('users.saved', { username: user.username }));
        onClose();
      },
      onError: (error) => {
        if (isApiError(error) && error.problem.errors?.length) form.setErrors(fieldErrorsFromProblem(error.problem));
        notifyError(error);
      },
    });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('users.editTitle', { username: user.username })}
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
          <TextInput
            label={t('users.fields.displayName')}
            aria-label={t('users.fields.displayName')}
            required
            maxLength={120}
            value={form.values.displayName}
            onChange={(event) => form.setValue('displayName', event.currentTarget.value)}
            error={form.errors.displayName}
            data-autofocus
          />
          <UserScopeFields values={form.values} errors={form.errors} onChange={form.setValues} />
          <Switch
            label={t('users.fields.isActive')}
            description={t('users.isActiveHint')}
            checked={form.values.isActive}
            onChange={(event) => form.setValue('isActive', event.currentTarget.checked)}
          />
          <PasswordInput
            label={t('users.fields.newPassword')}
            description={t('users.newPasswordHint')}
            autoComplete="new-password"
            maxLength={200}
            value={form.values.password}
            onChange={(event) => form.setValue('password', event.currentTarget.value)}
            error={form.errors.password}
            visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
          />
          <Group justify="flex-end" gap="xs" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
