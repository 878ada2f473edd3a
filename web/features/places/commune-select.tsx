import { type ComboboxItem, Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commune } from '../../../contracts/places.ts';
import { useCommuneSearch, useCommunesByCode } from './api.ts';

export function communeLabel(commune: Pick<Commune, 'name' | 'provinceName'>): string {
  return `${commune.name} — ${commune.provinceName}`;
}

type CommuneSelectProps = {
  label: string;
  value: string | null;
  onChange: (commune: Commune | null) => void;
  /** Limit the search to one province (a province-scoped user, or a province filter). */
  provinceCode?: string;
  /** The label of the current value when the caller already knows it (an edited record). */
  selectedLabel?: string;
  error?: ReactNode;
  required?: boolean;
  description?: ReactNode;
};

/** Searchable commune picker: the server matches without diacritics ("tan tien" finds "Tân Tiến"). */
export function CommuneSelect(props: CommuneSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const [picked, setPicked] = useState<Commune | null>(null);

  const needsLookup = props.value !== null && picked?.code !== props.value && !props.selectedLabel;
  const lookup = useCommunesByCode(needsLookup && props.value ? [props.value] : []);
  const selected: ComboboxItem | null = useMemo(() => {
    if (!props.value) return null;
    if (picked?.code === props.value) return { value: picked.code, label: communeLabel(picked) };
    if (props.selectedLabel) return { value: props.value, label: props.selectedLabel };
    const found = lookup.data?.find((commune) => commune.code === props.value);
    return { value: props.value, label: found ? communeLabel(found) : props.value };
  }, [props.value, props.selectedLabel, picked, lookup.data]);

  const isSearching = debouncedSearch !== '' && debouncedSearch !== selected?.label;
  const results = useCommuneSearch(debouncedSearch, props.provinceCode, isSearching);
  const communes = isSearching ? (results.data ?? []) : [];

  const data: ComboboxItem[] = communes.map((commune) => ({ value: commune.code, label: communeLabel(commune) }));
  if (selected && !data.some((item) => item.value === selected.value)) data.unshift(selected);

  return (
    <Select
      label={props.label}
      description={props.description}
      required={props.required}
      aria-label={props.required ? props.label : undefined}
      error={props.error}
      placeholder={t('places.communePlaceholder')}
      searchable
      clearable
      data={data}
      value={props.value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={debouncedSearch === '' ? t('places.typeToSearch') : t('places.noCommune')}
      rightSection={results.isFetching ? <Loader size="xs" role="status" aria-label={t('common.loading')} /> : undefined}
      onChange={(code) => {
        if (code === props.value) return;
        const commune = communes.find((item) => item.code === code) ?? null;
        setPicked(commune);
        props.onChange(commune);
      }}
    />
  );
}
