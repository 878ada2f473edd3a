import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { getRouteApi } from '@tanstack/react-router';
import { useTablePaging } from '../../components/table-paging.ts';
import { DataTable } from 'mantine-datatable';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PAGE_SIZE } from '../../../contracts/common.ts';
import { type Position, type PersonSummary, positions } from '../../../contracts/people.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { AnchorLink, ButtonLink } from '../../components/router-links.tsx';
import { permissions, useCurrentUser } from '../../app/session.ts';
import { formatNumber } from '../../lib/format.ts';
import { PAGE_SIZES } from '../organizations/list-search.ts';
import { usePeople } from './api.ts';
import { ContactLinks } from './contact-links.tsx';
import { type PersonListSearch, toPersonExportQuery, toPersonListQuery } from './list-search.ts';
import { apiUrl } from '../../lib/api-client.ts';

const route = getRouteApi('/signed-in/people');
const wideOnly = (theme: { breakpoints: { sm: string } }) => `(min-width: ${theme.breakpoints.sm})`;

/** Representatives, managers and contacts of the organisations, found by name. */
export function PeoplePage() {
  const { t } = useTranslation();
  const paging = useTablePaging();
  const user = useCurrentUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const list = usePeople(toPersonListQuery(search));
  const [text, setText] = useState(search.q ?? '');
  const committedText = useRef(search.q ?? '');

  const update = (patch: Partial<PersonListSearch>, options: { replace?: boolean; keepPage?: boolean } = {}) =>
    void navigate({
      search: (previous) => ({ ...previous, ...patch, ...(options.keepPage ? {} : { page: undefined }) }),
      replace: options.replace,
    });

  const commitText = useDebouncedCallback((value: string) => {
    committedText.current = value.trim();
    update({ q: committedText.current || undefined }, { replace: true });
  }, 350);

  useEffect(() => {
    const q = search.q ?? '';
    if (q === committedText.current) return;
    committedText.current = q;
    setText(q);
  }, [search.q]);

  const items = list.data?.items ?? [];
  // Names only for those who may not see contacts: no column of blanks.
  const showsContacts = items.some((person) => !person.isPersonalDataHidden);
  const currentValue = search.current === undefined ? null : String(search.current);

  return (
    <>
      <PageHeader
        title={t('people.title')}
        description={list.data ? t('people.count', { count: list.data.total, formatted: formatNumber(list.data.total) }) : ' '}
        actions={
          <>
            <Button component="a" variant="default" href={apiUrl('/people/export', toPersonExportQuery(search))} download>
              {t('people.export')}
            </Button>
            {permissions.canImport(user.role) && (
              <ButtonLink to="/imports/new" search={{ entity: 'people' }} variant="default">
                {t('people.import')}
              </ButtonLink>
            )}
          </>
        }
      />
      <Stack gap="sm" mb="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('common.search')}
            placeholder={t('people.searchPlaceholder')}
            type="search"
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              commitText(event.currentTarget.value);
            }}
          />
          <Select
            label={t('people.fields.position')}
            aria-label={t('people.fields.position')}
            placeholder={t('common.all')}
            data={positions.map((value) => ({ value, label: t(`people.position.${value}`) }))}
            value={search.position ?? null}
            onChange={(value) => update({ position: (value as Position | null) ?? undefined })}
            clearable
          />
          <Select
            label={t('people.currentFilter')}
            aria-label={t('people.currentFilter')}
            placeholder={t('common.all')}
            data={[
              { value: 'true', label: t('people.holdsNow') },
              { value: 'false', label: t('people.heldBefore') },
            ]}
            value={currentValue}
            onChange={(value) => update({ current: value === null ? undefined : value === 'true' })}
            clearable
          />
        </SimpleGrid>
      </Stack>
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<PersonSummary>
          aria-label={t('people.title')}
          withTableBorder
          borderRadius="md"
          highlightOnHover
          minHeight={items.length === 0 ? 180 : undefined}
          records={items}
          fetching={list.isFetching}
          idAccessor="id"
          page={search.page ?? 1}
          onPageChange={(page) => update({ page: page === 1 ? undefined : page }, { keepPage: true })}
          totalRecords={list.data?.total ?? 0}
          recordsPerPage={search.pageSize ?? DEFAULT_PAGE_SIZE}
          recordsPerPageOptions={[...PAGE_SIZES]}
          onRecordsPerPageChange={(size) => update({ pageSize: size === DEFAULT_PAGE_SIZE ? undefined : size })}
          recordsPerPageLabel={t('list.pageSize')}
          {...paging}
          noRecordsText={t('people.empty')}
          columns={[
            {
              accessor: 'fullName',
              title: t('people.fields.fullName'),
              render: (person) => (
                <AnchorLink to="/people/$id" params={{ id: person.id }} fw={500}>
                  {person.fullName}
                </AnchorLink>
              ),
            },
            {
              accessor: 'currentPositions',
              title: t('people.currentPositions'),
              render: (person) =>
                person.currentPositions.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('people.noCurrentPosition')}
                  </Text>
                ) : (
                  <Stack gap={2}>
                    {person.currentPositions.map((position) => (
                      <Group key={position.id} gap={4} wrap="wrap">
                        <Text size="sm">{t(`people.position.${position.position}`)}</Text>
                        <Text size="sm" c="dimmed">
                          –
                        </Text>
                        <AnchorLink to="/organizations/$id" params={{ id: position.organizationId }} size="sm">
                          {position.organizationName}
                        </AnchorLink>
                      </Group>
                    ))}
                  </Stack>
                ),
            },
            ...(showsContacts
              ? [
                  {
                    accessor: 'contact',
                    title: t('people.fields.contact'),
                    visibleMediaQuery: wideOnly,
                    render: (person: PersonSummary) => <ContactLinks phone={person.phone} email={person.email} />,
                  },
                ]
              : []),
          ]}
        />
      )}
    </>
  );
}
