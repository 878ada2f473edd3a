import { Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdvisoryCase, FoundingKind } from '../../../contracts/advisory.ts';
import type { Sector } from '../../../contracts/organizations.ts';
import { DateField } from '../../components/date-field.tsx';
import { fieldErrorsOf, ProblemAlert } from '../../components/problem-alert.tsx';
import { notifySuccess } from '../../lib/error-messages.ts';
import { communeLabel } from '../places/commune-select.tsx';
import { useUpdateCase } from './api.ts';
import { FoundingGroupFields } from './founding-group-fields.tsx';
import { OfficerSelect } from './officer-select.tsx';
import { FormActions } from '../../components/form-actions.tsx';

function draftOf(item: AdvisoryCase) {
  return {
    title: item.title,
    description: item.description ?? '',
    openedOn: item.openedOn as string | null,
    dueOn: item.dueOn as string | null,
    assignedOfficerId: item.assignedOfficer.id as string | null,
    groupName: item.groupName ?? '',
    contactName: item.contactName ?? '',
    contactPhone: item.contactPhone ?? '',
    communeCode: item.communeCode as string | null,
    intendedSector: item.intendedSector as Sector | null,
    intendedKind: item.intendedKind as FoundingKind | null,
    foundingMembers: (item.foundingMembers ?? '') as number | string,
  };
}

/**
 * Changing a case's fields. The form sends the version it read: if someone saved first, the page
 * reloads theirs and the form shows it, so the next save goes on top of it.
 */
export function CaseEditModal({ item, onClose }: { item: AdvisoryCase; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateCase(item.id);
  const [draft, setDraft] = useState(() => draftOf(item));
  const set = (patch: Partial<typeof draft>) => setDraft((current) => ({ ...current, ...patch }));
  const errors = fieldErrorsOf(update.error);
  const isGroup = item.kind === 'founding' && !item.organization;

  // Someone else saved first: show what they saved.
  useEffect(() => setDraft(draftOf(item)), [item]);

  const submit = () =>
    update.mutate(
      {
        version: item.version,
        title: draft.title,
        description: draft.description,
        openedOn: draft.openedOn ?? undefined,
        dueOn: draft.dueOn ?? undefined,
        assignedOfficerId: draft.assignedOfficerId ?? undefined,
        ...(isGroup
          ? {
              groupName: draft.groupName,
              contactName: draft.contactName,
              ...(item.isContactHidden ? {} : { contactPhone: draft.contactPhone }),
              communeCode: draft.communeCode,
              intendedSector: draft.intendedSector,
              intendedKind: draft.intendedKind,
              foundingMembers: draft.foundingMembers === '' ? null : Number(draft.foundingMembers),
            }
          : {}),
      },
      {
        onSuccess: () => {
          notifySuccess(t('advisory.edit.done'));
          onClose();
        },
      },
    );

  return (
    <Modal opened onClose={onClose} title={t('advisory.edit.title')} size="lg">
      <Stack gap="md">
        <TextInput
          label={t('advisory.fields.title')}
          required
          value={draft.title}
          onChange={(event) => set({ title: event.currentTarget.value })}
          error={errors.title}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <OfficerSelect
            label={t('advisory.fields.officer')}
            value={draft.assignedOfficerId}
            current={item.assignedOfficer}
            onChange={(value) => set({ assignedOfficerId: value })}
            error={errors.assignedOfficerId}
          />
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
        {isGroup && (
          <FoundingGroupFields
            draft={draft}
            set={set}
            errors={errors}
            communeLabel={
              draft.communeCode === item.communeCode ? communeLabel({ name: item.communeName, provinceName: item.provinceName }) : undefined
            }
            isContactHidden={item.isContactHidden}
          />
        )}
        <Textarea
          label={t('advisory.fields.description')}
          autosize
          minRows={3}
          value={draft.description}
          onChange={(event) => set({ description: event.currentTarget.value })}
          error={errors.description}
        />
        <ProblemAlert error={update.error} staleHint={t('advisory.staleHint')} />
        <FormActions onCancel={onClose} onSubmit={submit} submitLabel={t('common.save')} isPending={update.isPending} />
      </Stack>
    </Modal>
  );
}
