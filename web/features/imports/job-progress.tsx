import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../../contracts/imports.ts';
import { formatNumber } from '../../lib/format.ts';

type JobProgressProps = { job: Job; label: string };

/** A long action's progress: done of total, or a moving bar while the total is not known yet. */
export function JobProgress({ job, label }: JobProgressProps) {
  const { t } = useTranslation();
  const isKnown = job.total > 0;
  const percent = isKnown ? Math.min(100, Math.round((job.done / job.total) * 100)) : 100;
  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500} id={`job-${job.id}`}>
          {label}
        </Text>
        <Text size="sm" c="dimmed" aria-live="polite">
          {isKnown
            ? t('imports.progress.counted', { done: formatNumber(job.done), total: formatNumber(job.total), percent })
            : t('imports.progress.rowsRead', { done: formatNumber(job.done) })}
        </Text>
      </Group>
      {isKnown ? (
        <Progress.Root size="lg">
          <Progress.Section value={percent} animated={percent < 100} aria-labelledby={`job-${job.id}`} />
        </Progress.Root>
      ) : (
        // Indeterminate: a progressbar without a value, its stripes moving.
        <Progress.Root size="lg" role="progressbar" aria-labelledby={`job-${job.id}`} aria-busy>
          <Progress.Section value={100} animated withAria={false} color="brand.4" />
        </Progress.Root>
      )}
    </Stack>
  );
}
