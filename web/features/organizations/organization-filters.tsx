import type { TFunction } from 'i18next';
import { Button, Collapse, Group, Select, SimpleGrid, Stack, Switch, TextInput, useMantineTheme } from '@mantine/core';
import { useDebouncedCallback, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../contracts/access.ts';
import { CommuneSelect } from '../places/commune-select.tsx';
import { ProvinceSelect } from '../places/province-select.tsx';
import { FIGURE_FILTER_KEYS, type OrganizationListSearch } from './list-search.ts';
import { FigureFilters } from './figure-filters.tsx';
import { useOrganizationOptions } from './options.ts';

type OrganizationFiltersProps = {
  user: SessionUser;
  search: OrganizationListSearch;
  /** `replace` keeps typing out of the history; a chosen filter is a step Back can undo. */
  onChange: (patch: Partial<OrganizationListSearch>, options?: { replace?: boolean }) => void;
};

const FILTER_KEYS = [
  'kind',
  'status',
  'sector',
  'provinceCode',
  'communeCode',
  'isNewModel',
  'foundedWithSupport',
  'foundedYear',
  'archived',
  'figuresYear',
  ...FIGURE_FILTER_KEYS,
] as const;

export function OrganizationFilters({ user, search, onChange }: OrganizationFiltersProps) {
  const { t } = useTranslation();
  const options = useOrganizationOptions();
  const [text, setText] = useState(search.q ?? '');
  const [areFiltersOpen, { toggle: toggleFilters }] = useDisclosure(false);
  // On a phone the filters fold away behind a button; on a wide screen they stay open.
  const theme = useMantineTheme();
  const isWideScreen = useMediaQuery(`(min-width: ${theme.breakpoints.md})`, true, { getInitialValueInEffect: false });
  const activeFilterCount = FILTER_KEYS.filter((key) => search[key] !== undefined).length;
  const scopedProvince = user.provinceCode ?? undefined;

  const committedText = useRef(search.q ?? '');
  const commitText = useDebouncedCallback((value: string) => {
    committedText.current = value.trim();
    onChange({ q: committedText.current || undefined }, { replace: true });
  }, 350);

  // Back/forward or a shared link changed q: show it in the box (but never undo what is being typed).
  useEffect(() => {
    const q = search.q ?? '';
    if (q === committedText.current) return;
    committedText.current = q;
    setText(q);
  }, [search.q]);

  const newModelValue = search.isNewModel === undefined ? null : String(search.isNewModel);
  const foundedValue = foundedSelectValue(search);

  return (
    <Stack gap="sm" mb="md">
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <TextInput
          label={t('common.search')}
          placeholder={t('organizations.searchPlaceholder')}
          type="search"
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            commitText(event.currentTarget.value);
          }}
          style={{ flex: 1 }}
        />
        <Button
          variant="default"
          hiddenFrom="md"
          onClick={toggleFilters}
          aria-expanded={areFiltersOpen}
          aria-controls="organization-filters"
        >
          {activeFilterCount > 0 ? t('organizations.filtersCount', { count: activeFilterCount }) : t('organizations.filters')}
        </Button>
      </Group>
      <Collapse expanded={isWideScreen || areFiltersOpen}>
        <SimpleGrid id="organization-filters" cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
          <Select
            label={t('organization.fields.kind')}
            placeholder={t('common.all')}
            data={options.kinds}
            value={search.kind ?? null}
            onChange={(value) => onChange({ kind: (value as OrganizationListSearch['kind']) ?? undefined })}
            clearable
          />
          <Select
            label={t('organization.fields.status')}
            placeholder={t('common.all')}
            data={options.statuses}
            value={search.status ?? null}
            onChange={(value) => onChange({ status: (value as OrganizationListSearch['status']) ?? undefined })}
            clearable
          />
          <Select
            label={t('organization.fields.sector')}
            placeholder={t('common.all')}
            data={options.sectors}
            value={search.sector ?? null}
            onChange={(value) => onChange({ sector: (value as OrganizationListSearch['sector']) ?? undefined })}
            clearable
          />
          <Select
            label={t('organization.fields.isNewModel')}
            placeholder={t('common.all')}
            data={[
              { value: 'true', label: t('common.yes') },
              { value: 'false', label: t('common.no') },
            ]}
            value={newModelValue}
            onChange={(value) => onChange({ isNewModel: value === null ? undefined : value === 'true' })}
            clearable
          />
          <Select
            label={t('organizations.foundedWithSupport')}
            placeholder={t('common.all')}
            data={foundedSelectOptions(t, search.foundedYear)}
            value={foundedValue}
            onChange={(value) => onChange(fromFoundedSelectValue(value))}
            clearable
          />
          {!scopedProvince && (
            <ProvinceSelect
              label={t('organization.fields.province')}
              placeholder={t('common.all')}
              value={search.provinceCode ?? null}
              onChange={(provinceCode) => onChange({ provinceCode: provinceCode ?? undefined, communeCode: undefined })}
            />
          )}
          <CommuneSelect
            label={t('organization.fields.commune')}
            value={search.communeCode ?? null}
            provinceCode={scopedProvince ?? search.provinceCode}
            onChange={(commune) => onChange({ communeCode: commune?.code })}
          />
          <Switch
            label={t('organizations.showArchived')}
            checked={search.archived === true}
            onChange={(event) => onChange({ archived: event.currentTarget.checked || undefined })}
            mt={{ base: 0, xs: 'xl' }}
          />
        </SimpleGrid>
        <FigureFilters search={search} onChange={onChange} />
        {activeFilterCount > 0 && (
          <Button
            variant="subtle"
            mt="xs"
            onClick={() => onChange(Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined])))}
            w="fit-content"
          >
            {t('organizations.clearFilters')}
          </Button>
        )}
      </Collapse>
    </Stack>
  );
}

/** "Founded with the Alliance's support": yes, no, or yes in one of the last years (the reports' "this year"). */
function foundedSelectOptions(t: TFunction, chosenYear: number | undefined) {
  const thisYear = new Date().getFullYear();
  const years = [...new Set([thisYear, thisYear - 1, thisYear - 2, thisYear - 3, thisYear - 4, ...(chosenYear ? [chosenYear] : [])])];
  return [
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
    ...years.sort((a, b) => b - a).map((year) => ({ value: `year:${year}`, label: t('organizations.foundedInYear', { year }) })),
  ];
}

function foundedSelectValue(search: OrganizationListSearch): string | null {
  if (search.foundedYear !== undefined) return `year:${search.foundedYear}`;
  return search.foundedWithSupport === undefined ? null : String(search.foundedWithSupport);
}

function fromFoundedSelectValue(value: string | null): Partial<OrganizationListSearch> {
  if (value?.startsWith('year:')) return { foundedWithSupport: undefined, foundedYear: Number(value.slice(5)) };
  return { foundedWithSupport: value === null ? undefined : value === 'true', foundedYear: undefined };
}
