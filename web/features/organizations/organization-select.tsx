import { type ComboboxItem, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganization, useOrganizationList } from './api.ts';

type OrganizationSelectProps = {
  label: string;
  value: string | null;
  onChange: (organizationId: string | null) => void;
  error?: string;
  required?: boolean;
};

function optionLabel(organization: { name: string; taxCode: string | null }): string {
  return organization.taxCode ? `${organization.name} (${organization.taxCode})` : organization.name;
}

/** Finds an organisation by name or tax code as the user types (searched on the server). */
export function OrganizationSelect(props: OrganizationSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const current = useOrganization(props.value ?? '', props.value !== null);
  const currentItem: ComboboxItem | null =
    props.value && current.data ? { value: current.data.id, label: optionLabel(current.data) } : null;
  const isSearching = debouncedSearch !== '' && debouncedSearch !== currentItem?.label;
  const results = useOrganizationList({ q: debouncedSearch, pageSize: 20 }, isSearching);

  const data: ComboboxItem[] = (isSearching ? (results.data?.items ?? []) : []).map((organization) => ({
    value: organization.id,
    label: optionLabel(organization),
  }));
  if (currentItem && !data.some((item) => item.value === currentItem.value)) data.unshift(currentItem);

  return (
    <Select
      label={props.label}
      required={props.required}
      aria-label={props.required ? props.label : undefined}
      error={props.error}
      placeholder={t('organizationSelect.placeholder')}
      searchable
      clearable
      data={data}
      value={props.value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={debouncedSearch === '' ? t('places.typeToSearch') : t('organizationSelect.nothing')}
      onChange={props.onChange}
    />
  );
}
