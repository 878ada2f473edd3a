import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client.ts';
import { describeError } from '../lib/error-messages.ts';
import { ButtonLink } from '../components/router-links.tsx';

/** What a page shows when it cannot be shown: not allowed, not found, or another failure. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  if (isApiError(error, 403)) {
    return (
      <Stack gap="sm" py="xl" maw={560}>
        <Title order={1} fz="h2">
          {t('forbidden.title')}
        </Title>
        <Text>{t('forbidden.text')}</Text>
        <ButtonLink to="/" variant="light" w="fit-content">
          {t('notFound.home')}
        </ButtonLink>
      </Stack>
    );
  }
  return (
    <Stack gap="sm" py="xl" maw={560}>
      <Alert color="red" title={t('errors.title')} role="alert">
        {describeError(error)}
      </Alert>
      <Button variant="light" w="fit-content" onClick={reset}>
        {t('common.retry')}
      </Button>
    </Stack>
  );
}
