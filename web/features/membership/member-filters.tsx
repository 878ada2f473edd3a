import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../contracts/access.ts';
import { organizationKinds } from '../../../contracts/organizations.ts';
import { CommuneSelect } from '../places/commune-select.tsx';
import { thisYearInVietnam } from '../../lib/calendar.ts';
import type { MemberListSearch } from './list-search.ts';

type MemberFiltersProps = {
  user: SessionUser;
  search: MemberListSearch;
  onChange: (patch: Partial<MemberListSearch>, options?: { replace?: boolean }) => void;
};

const FIRST_YEAR = 2000;

export function MemberFilters({ user, search, onChange }: MemberFiltersProps) {
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

  const years = Array.from({ length: thisYearInVietnam() - FIRST_YEAR + 1 }, (_, index) => String(thisYearInVietnam() - index));

  return (
    <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }} spacing="sm" mb="md">
      <TextInput
        label={t('common.search')}
        placeholder={t('membership.list.searchPlaceholder')}
        type="search"
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          commitText(event.currentTarget.value);
        }}
      />
      <Select
        label={t('membership.list.state')}
        placeholder={t('common.all')}
        clearable
        value={search.state ?? null}
        onChange={(value) => onChange({ state: (value as MemberListSearch['state']) ?? undefined })}
        data={[
          { value: 'current', label: t('membership.list.stateCurrent') },
          { value: 'left', label: t('membership.list.stateLeft') },
        ]}
      />
      <Select
        label={t('membership.fields.category')}
        placeholder={t('common.all')}
        clearable
        value={search.category ?? null}
        onChange={(value) => onChange({ category: (value as MemberListSearch['category']) ?? undefined })}
        data={[
          { value: 'official', label: t('membership.category.official') },
          { value: 'associate', label: t('membership.category.associate') },
        ]}
      />
      <Select
        label={t('membership.list.joinedYear')}
        placeholder={t('common.all')}
        clearable
        searchable
        value={search.joinedYear === undefined ? null : String(search.joinedYear)}
        onChange={(value) => onChange({ joinedYear: value ? Number(value) : undefined })}
        data={years}
      />
      <Select
        label={t('organization.fields.kind')}
        placeholder={t('common.all')}
        clearable
        value={search.kind ?? null}
        onChange={(value) => onChange({ kind: (value as MemberListSearch['kind']) ?? undefined })}
        data={organizationKinds.map((kind) => ({ value: kind, label: t(`organization.kind.${kind}`) }))}
      />
      <CommuneSelect
        label={t('organization.fields.commune')}
        value={search.communeCode ?? null}
        provinceCode={user.provinceCode ?? undefined}
        onChange={(commune) => onChange({ communeCode: commune?.code })}
      />
    </SimpleGrid>
  );
}
