import { Button, Group, Paper, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AdvisoryKind, advisoryKinds, type CreateAdvisoryCase, type FoundingKind } from '../../../contracts/advisory.ts';
import type { Sector } from '../../../contracts/organizations.ts';
import { useCurrentUser } from '../../app/session.ts';
import { DateField } from '../../components/date-field.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { fieldErrorsOf, ProblemAlert } from '../../components/problem-alert.tsx';
import { todayInVietnam } from '../../lib/calendar.ts';
import { notifySuccess } from '../../lib/error-messages.ts';
import { OrganizationSelect } from '../organizations/organization-select.tsx';
import { useCreateCase } from './api.ts';
import { FoundingGroupFields } from './founding-group-fields.tsx';
import { OfficerSelect } from './officer-select.tsx';

const route = getRouteApi('/signed-in/advisory/new');

type Draft = {
  kind: AdvisoryKind;
  title: string;
  groupName: string;
  contactName: string;
  contactPhone: string;
  communeCode: string | null;
  intendedSector: Sector | null;
  intendedKind: FoundingKind | null;
  foundingMembers: number | string;
  organizationId: string | null;
  assignedOfficerId: string | null;
  openedOn: string | null;
  dueOn: string | null;
  description: string;
};

const inDays = (days: number) => new Date(Date.parse(todayInVietnam()) + days * 86_400_000).toISOString().slice(0, 10);

/** Opening a case: a founding group (who, where, what it will do) or an organisation to advise. */
export function AdvisoryCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const create = useCreateCase();
  const { organizationId } = route.useSearch();
  const [draft, setDraft] = useState<Draft>({
    kind: organizationId ? 'other' : 'founding',
    title: '',
    groupName: '',
    contactName: '',
    contactPhone: '',
    communeCode: null,
    intendedSector: null,
    intendedKind: 'cooperative',
    foundingMembers: '',
    organizationId: organizationId ?? null,
    assignedOfficerId: user.id,
    openedOn: todayInVietnam(),
    dueOn: inDays(90),
    description: '',
  });
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const errors = fieldErrorsOf(create.error);
  const isFounding = draft.kind === 'founding';

  const submit = () => {
    const common = {
      kind: draft.kind,
      title: draft.title || (isFounding && draft.groupName ? t('advisory.create.defaultTitle', { name: draft.groupName }) : draft.title),
      description: draft.description,
      dueOn: draft.dueOn ?? '',
      openedOn: draft.openedOn ?? undefined,
      assignedOfficerId: draft.assignedOfficerId ?? undefined,
    };
    const input: CreateAdvisoryCase = isFounding
      ? {
          ...common,
          groupName: draft.groupName,
          contactName: draft.contactName,
          contactPhone: draft.contactPhone,
          communeCode: draft.communeCode,
          intendedSector: draft.intendedSector,
          intendedKind: draft.intendedKind,
          foundingMembers: draft.foundingMembers === '' ? null : Number(draft.foundingMembers),
        }
      : { ...common, organizationId: draft.organizationId };
    create.mutate(input, {
      onSuccess: (created) => {
        notifySuccess(t('advisory.create.done'));
        void navigate({ to: '/advisory/$id', params: { id: created.id } });
      },
    });
  };

  return (
    <>
      <PageHeader title={t('advisory.create.title')} description={t('advisory.create.description')} />
      <Paper withBorder radius="md" p="md" maw={880}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('advisory.fields.kind')}
              required
              allowDeselect={false}
              data={advisoryKinds.map((kind) => ({ value: kind, label: t(`advisory.kind.${kind}`) }))}
              value={draft.kind}
              onChange={(value) => value && set({ kind: value as AdvisoryKind })}
              error={errors.kind}
            />
            <OfficerSelect
              label={t('advisory.fields.officer')}
              value={draft.assignedOfficerId}
              onChange={(value) => set({ assignedOfficerId: value })}
              error={errors.assignedOfficerId}
            />
          </SimpleGrid>
          {isFounding ? (
            <FoundingGroupFields
              draft={draft}
              set={set}
              errors={errors}
              provinceCode={user.provinceCode ?? undefined}
              groupNameHint={t('advisory.fields.groupNameHint')}
            />
          ) : (
            <OrganizationSelect
              label={t('advisory.fields.organization')}
              required
              value={draft.organizationId}
              onChange={(value) => set({ organizationId: value })}
              error={errors.organizationId}
            />
          )}
          <TextInput
            label={t('advisory.fields.title')}
            description={isFounding ? t('advisory.fields.titleHint') : undefined}
            required={!isFounding}
            value={draft.title}
            onChange={(event) => set({ title: event.currentTarget.value })}
            error={errors.title}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <DateField
              label={t('advisory.fields.openedOn')}
              value={draft.openedOn}
              onChange={(value) => set({ openedOn: value })}
              error={errors.openedOn}
            />
            <DateField
              label={t('advisory.fields.dueOn')}
              required
              allowFuture
              value={draft.dueOn}
              onChange={(value) => set({ dueOn: value })}
              error={errors.dueOn}
            />
          </SimpleGrid>
          <Textarea
            label={t('advisory.fields.description')}
            autosize
            minRows={3}
            value={draft.description}
            onChange={(event) => set({ description: event.currentTarget.value })}
            error={errors.description}
          />
          <ProblemAlert error={create.error} staleHint="" />
          <Group>
            <Button onClick={submit} loading={create.isPending}>
              {t('advisory.create.submit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </>
  );
}
