import { NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type FoundingKind, foundingKinds } from '../../../contracts/advisory.ts';
import { type Sector, sectors } from '../../../contracts/organizations.ts';
import { CommuneSelect } from '../places/commune-select.tsx';

export type FoundingGroupDraft = {
  groupName: string;
  contactName: string;
  contactPhone: string;
  communeCode: string | null;
  intendedSector: Sector | null;
  intendedKind: FoundingKind | null;
  foundingMembers: number | string;
};

type FoundingGroupFieldsProps = {
  draft: FoundingGroupDraft;
  set: (patch: Partial<FoundingGroupDraft>) => void;
  errors: Record<string, string>;
  /** Shown on the commune picker when it holds a commune it has not loaded (an existing case's). */
  communeLabel?: string;
  /** Communes of this province first (a provincial officer opening a case). */
  provinceCode?: string;
  /** A viewer of the case does not see the contact's phone, and so cannot change it. */
  isContactHidden?: boolean;
  /** Opening a case: what the group's name is for. */
  groupNameHint?: string;
};

/** The founding group of a founding case: who they are, where, what they will do, how many. */
export function FoundingGroupFields({ draft, set, errors, ...props }: FoundingGroupFieldsProps) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <TextInput
        label={t('advisory.fields.groupName')}
        description={props.groupNameHint}
        required
        value={draft.groupName}
        onChange={(event) => set({ groupName: event.currentTarget.value })}
        error={errors.groupName}
      />
      <CommuneSelect
        label={t('advisory.fields.commune')}
        required
        value={draft.communeCode}
        selectedLabel={props.communeLabel}
        provinceCode={props.provinceCode}
        onChange={(commune) => set({ communeCode: commune?.code ?? null })}
        error={errors.communeCode}
      />
      <TextInput
        label={t('advisory.fields.contactName')}
        value={draft.contactName}
        onChange={(event) => set({ contactName: event.currentTarget.value })}
        error={errors.contactName}
      />
      {!props.isContactHidden && (
        <TextInput
          label={t('advisory.fields.contactPhone')}
          type="tel"
          value={draft.contactPhone}
          onChange={(event) => set({ contactPhone: event.currentTarget.value })}
          error={errors.contactPhone}
        />
      )}
      <Select
        label={t('advisory.fields.intendedSector')}
        required
        data={sectors.map((sector) => ({ value: sector, label: t(`organization.sector.${sector}`) }))}
        value={draft.intendedSector}
        onChange={(value) => set({ intendedSector: value as Sector | null })}
        error={errors.intendedSector}
      />
      <Select
        label={t('advisory.fields.intendedKind')}
        allowDeselect={false}
        data={foundingKinds.map((kind) => ({ value: kind, label: t(`organization.kind.${kind}`) }))}
        value={draft.intendedKind}
        onChange={(value) => value && set({ intendedKind: value as FoundingKind })}
        error={errors.intendedKind}
      />
      <NumberInput
        label={t('advisory.fields.foundingMembers')}
        min={0}
        max={100_000}
        allowDecimal={false}
        value={draft.foundingMembers}
        onChange={(value) => set({ foundingMembers: value })}
        error={errors.foundingMembers}
      />
    </SimpleGrid>
  );
}
