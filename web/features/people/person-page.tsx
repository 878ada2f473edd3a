import { Alert, Anchor, Badge, Button, DataList, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../contracts/people.ts';
import { permissions, useCurrentUser } from '../../app/session.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { apiUrl, isApiError } from '../../lib/api-client.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useProvinces } from '../places/api.ts';
import { usePerson } from './api.ts';
import { ContactLinks } from './contact-links.tsx';
import { ErasePersonModal } from './erase-person-modal.tsx';
import { PersonEditModal } from './person-edit-modal.tsx';

const route = getRouteApi('/signed-in/people/$id');

export function PersonPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const person = usePerson(id);
  if (person.isPending) return <LoadingState />;
  if (person.isError) {
    if (isApiError(person.error, 404)) {
      return (
        <Alert color="yellow" title={t('people.notFoundTitle')} role="alert">
          <Text size="sm" mb="sm">
            {t('people.notFoundText')}
          </Text>
          <AnchorLink to="/people" size="sm">
            {t('people.backToList')}
          </AnchorLink>
        </Alert>
      );
    }
    return <ErrorState error={person.error} onRetry={() => void person.refetch()} />;
  }
  return <PersonView person={person.data} />;
}

function PersonView({ person }: { person: Person }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const provinces = useProvinces();
  const [dialog, setDialog] = useState<'edit' | 'erase' | null>(null);
  const isErased = person.erasedAt !== null;
  const keeper = provinces.data?.find((province) => province.code === person.provinceCode)?.fullName ?? person.provinceCode;
  const isKeeper = user.provinceCode === null || user.provinceCode === person.provinceCode;
  const holdsPositionWithUser =
    user.role === 'cooperative' &&
    person.positions.some((position) => position.isCurrent && position.organizationId === user.organizationId);
  const canEdit = !isErased && (permissions.canWriteOrganizations(user.role) || holdsPositionWithUser);
  const canManage = permissions.canManagePeople(user.role);
  const positions = [...person.positions].sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent));
  const period = (position: Person['positions'][number]) =>
    `${position.startedOn ? formatDate(position.startedOn) : t('people.unknownStart')} – ${position.endedOn ? formatDate(position.endedOn) : t('people.now')}`;
  const unknown = (
    <Text span c="dimmed">
      —
    </Text>
  );

  return (
    <>
      {permissions.canBrowseRegistry(user.role) && (
        <AnchorLink to="/people" size="sm" mb="xs" display="inline-block">
          <span aria-hidden>← </span>
          {t('people.backToList')}
        </AnchorLink>
      )}
      <PageHeader
        title={person.fullName}
        badges={
          isErased && (
            <Badge variant="outline" color="gray" c="dark.6">
              {t('people.erased')}
            </Badge>
          )
        }
        description={t('people.keptBy', { province: keeper, date: formatDateTime(person.updatedAt) })}
        actions={
          <>
            {canEdit && <Button onClick={() => setDialog('edit')}>{t('common.edit')}</Button>}
            {canManage && (
              <Button component="a" variant="default" href={apiUrl(`/people/${encodeURIComponent(person.id)}/personal-data`)} download>
                {t('people.exportData')}
              </Button>
            )}
            {canManage && isKeeper && !isErased && (
              <Button variant="default" c="red.9" onClick={() => setDialog('erase')}>
                {t('people.erase')}
              </Button>
            )}
          </>
        }
      />
      {isErased && (
        <Alert color="gray" variant="light" mb="md" title={t('people.erasedTitle', { date: formatDate(person.erasedAt ?? '') })}>
          {t('people.erasedText')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md" radius="md" component="section" aria-label={t('people.details')}>
          <Title order={2} fz="h4" mb="sm">
            {t('people.details')}
          </Title>
          <DataList labelWidth="9rem" size="sm">
            <DataList.Item>
              <DataList.ItemLabel>{t('people.fields.gender')}</DataList.ItemLabel>
              <DataList.ItemValue>{person.gender ? t(`people.gender.${person.gender}`) : unknown}</DataList.ItemValue>
            </DataList.Item>
            {!person.isPersonalDataHidden && (
              <>
                <DataList.Item>
                  <DataList.ItemLabel>{t('people.fields.birthYear')}</DataList.ItemLabel>
                  <DataList.ItemValue>{person.birthYear ?? unknown}</DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel>{t('people.fields.phone')}</DataList.ItemLabel>
                  <DataList.ItemValue>{person.phone ? <ContactLinks phone={person.phone} email={null} /> : unknown}</DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel>{t('people.fields.email')}</DataList.ItemLabel>
                  <DataList.ItemValue>
                    {person.email ? (
                      <Anchor fz="inherit" href={`mailto:${person.email}`}>
                        {person.email}
                      </Anchor>
                    ) : (
                      unknown
                    )}
                  </DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel>{t('people.fields.notes')}</DataList.ItemLabel>
                  <DataList.ItemValue style={{ whiteSpace: 'pre-wrap' }}>{person.notes ?? unknown}</DataList.ItemValue>
                </DataList.Item>
              </>
            )}
          </DataList>
          {person.isPersonalDataHidden && (
            <Text size="sm" c="dimmed" mt="sm">
              {t('people.personalDataHidden')}
            </Text>
          )}
        </Paper>
        <Paper withBorder radius="md" component="section" aria-label={t('people.positions')}>
          <Title order={2} fz="h4" px="md" pt="md" pb="xs">
            {t('people.positions')}
          </Title>
          {positions.length === 0 ? (
            <Text size="sm" c="dimmed" px="md" pb="md">
              {t('people.noPositionsOfPerson')}
            </Text>
          ) : (
            <Table fz="sm" verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('people.fields.organization')}</Table.Th>
                  <Table.Th>{t('people.fields.position')}</Table.Th>
                  <Table.Th visibleFrom="sm">{t('people.fields.period')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {positions.map((position) => (
                  <Table.Tr key={position.id}>
                    <Table.Td>
                      <AnchorLink to="/organizations/$id" params={{ id: position.organizationId }} search={{ tab: 'people' }}>
                        {position.organizationName}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>
                      {t(`people.position.${position.position}`)}
                      {position.isCurrent && (
                        <Badge ml="xs" size="sm" variant="light" color="green" c="dark.7">
                          {t('people.holdsNowShort')}
                        </Badge>
                      )}
                      {/* On a phone the period goes under the position instead of a third column. */}
                      <Text size="xs" c="dimmed" hiddenFrom="sm">
                        {period(position)}
                      </Text>
                    </Table.Td>
                    <Table.Td visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
                      {period(position)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </SimpleGrid>
      {dialog === 'edit' && <PersonEditModal person={person} onClose={() => setDialog(null)} />}
      {dialog === 'erase' && <ErasePersonModal person={person} onClose={() => setDialog(null)} />}
    </>
  );
}
