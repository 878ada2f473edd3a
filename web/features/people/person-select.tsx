import { type ComboboxItem, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '../../../contracts/people.ts';
import { usePeople } from './api.ts';

type PersonSelectProps = {
  label: string;
  value: string | null;
  onChange: (personId: string | null) => void;
  error?: string;
};

/** Finds someone already on record by name as the user types (searched on the server). */
export function PersonSelect(props: PersonSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<PersonSummary | null>(null);
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const pickedLabel = picked?.fullName;
  const isSearching = debouncedSearch !== '' && debouncedSearch !== pickedLabel;
  const results = usePeople({ q: debouncedSearch, pageSize: 20 }, isSearching);
  const people = isSearching ? (results.data?.items ?? []) : [];
  const byId = new Map(people.map((person) => [person.id, person]));
  if (picked) byId.set(picked.id, picked);

  const data: ComboboxItem[] = [...byId.values()].map((person) => ({ value: person.id, label: person.fullName }));

  return (
    <Select
      label={props.label}
      aria-label={props.label}
      required
      error={props.error}
      placeholder={t('people.searchPlaceholder')}
      searchable
      clearable
      data={data}
      value={props.value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={debouncedSearch === '' ? t('places.typeToSearch') : t('people.nothingFound')}
      rightSection={results.isFetching ? <Loader size="xs" role="status" aria-label={t('common.loading')} /> : undefined}
      renderOption={({ option }) => {
        const person = byId.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {person && person.currentPositions.length > 0 && (
              <Group gap={4}>
                <Text size="xs" c="dimmed">
                  {person.currentPositions
                    .map((position) => `${t(`people.position.${position.position}`)} – ${position.organizationName}`)
                    .join('; ')}
                </Text>
              </Group>
            )}
          </Stack>
        );
      }}
      onChange={(personId) => {
        setPicked(personId ? (byId.get(personId) ?? null) : null);
        props.onChange(personId);
      }}
    />
  );
}
