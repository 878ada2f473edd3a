import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../contracts/access.ts';
import { advisoryKinds, advisoryStages } from '../../../contracts/advisory.ts';
import { CommuneSelect } from '../places/commune-select.tsx';
import { ProvinceSelect } from '../places/province-select.tsx';
import { type AdvisoryListSearch, caseStates } from './list-search.ts';
import { OfficerSelect } from './officer-select.tsx';

type CaseFiltersProps = {
  user: SessionUser;
  search: AdvisoryListSearch;
  onChange: (patch: Partial<AdvisoryListSearch>, options?: { replace?: boolean }) => void;
};

export function CaseFilters({ user, search, onChange }: CaseFiltersProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(search.q ?? '');
  const committedText = useRef(search.q ?? '');
  const commitText = useDebouncedCallback((value: string) => {
    committedText.current = value.trim();
    onChange({ q: committedText.current || undefined }, { replace: true });
  }, 350);

  useEffect(() => {
    const q = search.q ?? '';
    if (q === committedText.current) return;
    committedText.current = q;
    setText(q);
  }, [search.q]);

  const mayPickOfficer = user.role === 'admin' || user.role === 'staff' || user.role === 'leader';
  const isBoard = search.view === 'board';

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 6 }} spacing="sm" mb="md">
      <TextInput
        label={t('common.search')}
        placeholder={t('advisory.list.searchPlaceholder')}
        type="search"
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          commitText(event.currentTarget.value);
        }}
      />
      <Select
        label={t('advisory.fields.kind')}
        placeholder={t('common.all')}
        clearable
        value={search.kind ?? null}
        onChange={(value) => onChange({ kind: (value as AdvisoryListSearch['kind']) ?? undefined })}
        data={advisoryKinds.map((kind) => ({ value: kind, label: t(`advisory.kind.${kind}`) }))}
      />
      {!isBoard && (
        <Select
          label={t('advisory.fields.stage')}
          placeholder={t('common.all')}
          clearable
          value={search.stage ?? null}
          onChange={(value) => onChange({ stage: (value as AdvisoryListSearch['stage']) ?? undefined })}
          data={advisoryStages.map((stage) => ({ value: stage, label: t(`advisory.stage.${stage}`) }))}
        />
      )}
      <Select
        label={t('advisory.list.state')}
        placeholder={t('common.all')}
        clearable
        value={search.state ?? null}
        onChange={(value) => onChange({ state: (value as AdvisoryListSearch['state']) ?? undefined })}
        data={caseStates.map((state) => ({ value: state, label: t(`advisory.list.states.${state}`) }))}
      />
      {mayPickOfficer && (
        <OfficerSelect
          label={t('advisory.fields.officer')}
          placeholder={t('common.all')}
          clearable
          value={search.officerId ?? null}
          onChange={(value) => onChange({ officerId: value ?? undefined })}
        />
      )}
      {user.provinceCode === null && (
        <ProvinceSelect
          label={t('organization.fields.province')}
          placeholder={t('common.all')}
          value={search.provinceCode ?? null}
          // A commune chosen before belongs to the province it was in.
          onChange={(provinceCode) => onChange({ provinceCode: provinceCode ?? undefined, communeCode: undefined })}
        />
      )}
      <CommuneSelect
        label={t('organization.fields.commune')}
        value={search.communeCode ?? null}
        provinceCode={user.provinceCode ?? search.provinceCode}
        onChange={(commune) => onChange({ communeCode: commune?.code })}
      />
    </SimpleGrid>
  );
}
