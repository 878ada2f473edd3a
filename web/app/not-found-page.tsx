import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../components/router-links.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack component="main" align="center" gap="md" py={64} px="md" ta="center">
      <Text fz={56} fw={700} c="brand.9" aria-hidden>
        404
      </Text>
      <Title order={1} fz="h2">
        {t('notFound.title')}
      </Title>
      <Text c="dimmed">{t('notFound.text')}</Text>
      <ButtonLink to="/">{t('notFound.home')}</ButtonLink>
    </Stack>
  );
}
