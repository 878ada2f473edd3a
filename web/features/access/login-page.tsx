import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/language-switch.tsx';
import { useLogin } from '../../app/session.ts';
import { describeError } from '../../lib/error-messages.ts';

const route = getRouteApi('/login');

export function LoginPage() {
  const { t } = useTranslation();
  const { redirect } = route.useSearch();
  const navigate = route.useNavigate();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({});

  const submit = () => {
    const nextMissing = {
      username: username.trim() ? undefined : t('login.usernameRequired'),
      password: password ? undefined : t('login.passwordRequired'),
    };
    setMissing(nextMissing);
    if (nextMissing.username || nextMissing.password) return;
    login.mutate(
      { username: username.trim().toLowerCase(), password },
      { onSuccess: () => void navigate({ href: redirect ?? '/', replace: true }) },
    );
  };

  return (
    <Box component="main" mih="100vh" bg="gray.0" px="md" py="xl">
      <Group justify="flex-end" maw={420} mx="auto" mb="md">
        <LanguageSwitch />
      </Group>
      <Center>
        <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={420}>
          <Stack gap={4} mb="lg">
            <Text c="brand.9" fw={700} fz={28} lh={1}>
              {t('app.name')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('app.tagline')}
            </Text>
          </Stack>
          <Title order={1} fz="h3" mb="md">
            {t('login.title')}
          </Title>
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
          >
            <Stack gap="sm">
              <TextInput
                label={t('login.username')}
                aria-label={t('login.username')}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                value={username}
                error={missing.username}
                onChange={(event) => setUsername(event.currentTarget.value)}
                data-autofocus
                autoFocus
              />
              <PasswordInput
                label={t('login.password')}
                aria-label={t('login.password')}
                autoComplete="current-password"
                required
                value={password}
                error={missing.password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
              />
              {login.isError && (
                <Alert color="red" variant="light" role="alert">
                  {describeError(login.error)}
                </Alert>
              )}
              <Button type="submit" loading={login.isPending} fullWidth mt="xs">
                {t('login.submit')}
              </Button>
            </Stack>
          </form>
          <Text size="xs" c="dimmed" mt="lg">
            {t('login.help')}
          </Text>
        </Paper>
      </Center>
    </Box>
  );
}
