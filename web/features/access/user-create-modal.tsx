import { Button, Group, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type CreateUser, createUserSchema } from '../../../contracts/access.ts';
import { isApiError } from '../../lib/api-client.ts';
import { notifyError, notifySuccess } from '../../lib/error-messages.ts';
import { fieldErrorsFromIssues, fieldErrorsFromProblem } from '../../lib/field-errors.ts';
import { translateValidationMessage } from '../../lib/validation-messages.ts';
import { useFormState } from '../../lib/use-form-state.ts';
import { useCreateUser } from './api.ts';
import { type UserScopeValues, UserScopeFields } from './user-form-fields.tsx';

type CreateUserValues = UserScopeValues & { username: string; displayName: string; password: string };

const emptyValues: CreateUserValues = {
  username: '',
  displayName: '',
  password: '',
  role: 'staff',
  provinceCode: null,
  organizationId: null,
};

export const translateUserIssue = (field: string, message: string) => translateValidationMessage('users.validation', field, message);

export function UserCreateModal({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useFormState(emptyValues);
  const create = useCreateUser();

  const close = () => {
    form.reset(emptyValues);
    onClose();
  };

  const submit = () => {
    const body: CreateUser = {
      ...form.values,
      organizationId: form.values.role === 'cooperative' ? form.values.organizationId : null,
    };
    const result = createUserSchema.safeParse(body);
    const errors = result.success ? {} : fieldErrorsFromIssues(result.error.issues, translateUserIssue);
    if (body.role === 'cooperative' && !body.organizationId) errors.organizationId = t('users.validation.organizationId');
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    create.mutate(body, {
      onSuccess: (user) => {
        notifySuccess(t('users.created', { username: user.username }));
        close();
      },
      onError: (error) => {
        if (isApiError(error) && error.problem.errors?.length) form.setErrors(fieldErrorsFromProblem(error.problem));
        notifyError(error);
      },
    });
  };

  return (
    <Modal opened={isOpen} onClose={close} title={t('users.createTitle')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('users.fields.username')}
            aria-label={t('users.fields.username')}
            description={t('users.usernameHint')}
            required
            autoComplete="off"
            autoCapitalize="none"
            maxLength={50}
            value={form.values.username}
            onChange={(event) => form.setValue('username', event.currentTarget.value)}
            error={form.errors.username}
            data-autofocus
          />
          <TextInput
            label={t('users.fields.displayName')}
            aria-label={t('users.fields.displayName')}
            required
            maxLength={120}
            value={form.values.displayName}
            onChange={(event) => form.setValue('displayName', event.currentTarget.value)}
            error={form.errors.displayName}
          />
          <PasswordInput
            label={t('users.fields.password')}
            aria-label={t('users.fields.password')}
            description={t('users.passwordHint')}
            required
            autoComplete="new-password"
            maxLength={200}
            value={form.values.password}
            onChange={(event) => form.setValue('password', event.currentTarget.value)}
            error={form.errors.password}
            visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
          />
          <UserScopeFields values={form.values} errors={form.errors} onChange={form.setValues} />
          <Group justify="flex-end" gap="xs" mt="xs">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
