import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SaveProblem } from './use-save-organization.tsx';
import { AnchorLink } from '../../components/router-links.tsx';

type SaveProblemAlertProps = { problem: SaveProblem | null; onReloadLatest?: () => void; isReloading?: boolean };

export function SaveProblemAlert({ problem, onReloadLatest, isReloading }: SaveProblemAlertProps) {
  const { t } = useTranslation();
  if (!problem) return null;
  if (problem.kind === 'duplicate') {
    return (
      <Alert color="red" variant="light" title={t('duplicate.title')} role="alert">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{problem.message}</Text>
          {problem.conflictId && (
            <AnchorLink to="/organizations/$id" params={{ id: problem.conflictId }} size="sm" fw={500}>
              {t('duplicate.link')}
            </AnchorLink>
          )}
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert color="yellow" variant="light" title={t('conflict.title')} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{problem.message}</Text>
        <Text size="sm">{t('conflict.text')}</Text>
        {onReloadLatest && (
          <Button size="xs" variant="white" color="dark" onClick={onReloadLatest} loading={isReloading}>
            {t('conflict.reload')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
