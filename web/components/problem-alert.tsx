import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client.ts';
import { describeError } from '../lib/error-messages.ts';
import { fieldErrorsFromProblem } from '../lib/field-errors.ts';

/** The server's per-field messages of a refused save (400, or 409 naming a field such as a used receipt number). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return isApiError(error) ? fieldErrorsFromProblem(error.problem) : {};
}

/** Why a save failed, in the server's words; "someone saved first" says what to do next (`staleHint`). */
export function ProblemAlert({ error, staleHint }: { error: unknown; staleHint?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const isStale = isApiError(error, 409) && error.problem.code === 'version_conflict';
  return (
    <Alert color={isStale ? 'yellow' : 'red'} variant="light" role="alert" title={isStale ? t('conflict.title') : undefined}>
      <Text size="sm">{describeError(error)}</Text>
      {isStale && staleHint && (
        <Text size="sm" mt={4}>
          {staleHint}
        </Text>
      )}
    </Alert>
  );
}
