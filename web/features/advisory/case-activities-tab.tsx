import { Button, Group, Modal, NumberInput, Paper, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdvisoryActivity, AdvisoryCase } from '../../../contracts/advisory.ts';
import { DateField } from '../../components/date-field.tsx';
import { fieldErrorsOf, ProblemAlert } from '../../components/problem-alert.tsx';
import { todayInVietnam } from '../../lib/calendar.ts';
import { formatDate, formatHours } from '../../lib/format.ts';
import { useSaveActivity } from './api.ts';
import { OfficerSelect } from './officer-select.tsx';
import { FormActions } from '../../components/form-actions.tsx';

/** The work logged on a case: when, who, what, how many hours; staff add and correct lines. */
export function CaseActivitiesTab({ item, canWrite }: { item: AdvisoryCase; canWrite: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<AdvisoryActivity | 'new' | null>(null);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('advisory.activities.total', { hours: formatHours(item.totalHours) })}
        </Text>
        {canWrite && <Button onClick={() => setEditing('new')}>{t('advisory.activities.add')}</Button>}
      </Group>
      {item.activities.length === 0 ? (
        <Text c="dimmed">{t('advisory.activities.empty')}</Text>
      ) : (
        <>
          <Table striped withTableBorder visibleFrom="sm" aria-label={t('advisory.tabs.activities')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('advisory.activities.happenedOn')}</Table.Th>
                <Table.Th>{t('advisory.activities.user')}</Table.Th>
                <Table.Th>{t('advisory.activities.description')}</Table.Th>
                <Table.Th ta="right">{t('advisory.activities.hours')}</Table.Th>
                {canWrite && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {item.activities.map((activity) => (
                <Table.Tr key={activity.id}>
                  <Table.Td>{formatDate(activity.happenedOn)}</Table.Td>
                  <Table.Td>{activity.user.name}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{activity.description}</Table.Td>
                  <Table.Td ta="right">{formatHours(activity.hours)}</Table.Td>
                  {canWrite && (
                    <Table.Td ta="right">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        aria-label={t('advisory.activities.editLabel', { date: formatDate(activity.happenedOn) })}
                        onClick={() => setEditing(activity)}
                      >
                        {t('common.edit')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Stack gap="xs" hiddenFrom="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {item.activities.map((activity) => (
              <Paper key={activity.id} component="li" withBorder radius="md" p="sm">
                <Group justify="space-between" gap="xs">
                  <Text size="sm" fw={600}>
                    {formatDate(activity.happenedOn)} · {t('advisory.activities.hoursShort', { hours: formatHours(activity.hours) })}
                  </Text>
                  {canWrite && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      aria-label={t('advisory.activities.editLabel', { date: formatDate(activity.happenedOn) })}
                      onClick={() => setEditing(activity)}
                    >
                      {t('common.edit')}
                    </Button>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {activity.user.name}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {activity.description}
                </Text>
              </Paper>
            ))}
          </Stack>
        </>
      )}
      {editing && <ActivityModal caseId={item.id} activity={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function ActivityModal({ caseId, activity, onClose }: { caseId: string; activity: AdvisoryActivity | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveActivity(caseId);
  const [happenedOn, setHappenedOn] = useState<string | null>(activity?.happenedOn ?? todayInVietnam());
  const [userId, setUserId] = useState<string | null>(activity?.user.id ?? null);
  const [description, setDescription] = useState(activity?.description ?? '');
  const [hours, setHours] = useState<number | string>(activity?.hours ?? 1);
  const errors = fieldErrorsOf(save.error);

  const submit = () => {
    const values = {
      happenedOn: happenedOn ?? '',
      userId: userId ?? undefined,
      description,
      hours: hours === '' ? 0 : Number(hours),
    };
    save.mutate(activity ? { id: activity.id, update: { version: activity.version, ...values } } : { create: values }, {
      onSuccess: onClose,
    });
  };

  return (
    <Modal opened onClose={onClose} title={activity ? t('advisory.activities.editTitle') : t('advisory.activities.add')}>
      <Stack gap="md">
        <DateField
          label={t('advisory.activities.happenedOn')}
          required
          value={happenedOn}
          onChange={setHappenedOn}
          error={errors.happenedOn}
        />
        <OfficerSelect
          label={t('advisory.activities.user')}
          placeholder={t('advisory.activities.me')}
          clearable
          value={userId}
          current={activity?.user}
          onChange={setUserId}
          error={errors.userId}
        />
        <Textarea
          label={t('advisory.activities.description')}
          required
          autosize
          minRows={3}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={errors.description}
        />
        <NumberInput
          label={t('advisory.activities.hours')}
          description={t('advisory.activities.hoursHint')}
          min={0}
          max={24}
          step={0.25}
          decimalScale={2}
          decimalSeparator=","
          value={hours}
          onChange={setHours}
          error={errors.hours}
        />
        <ProblemAlert error={save.error} staleHint={t('advisory.staleHint')} />
        <FormActions onCancel={onClose} onSubmit={submit} submitLabel={t('common.save')} isPending={save.isPending} />
      </Stack>
    </Modal>
  );
}
