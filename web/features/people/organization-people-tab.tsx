import { Badge, Button, Group, Paper, Stack, Table, Text, Title, useMantineTheme, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../contracts/organizations.ts';
import type { OrganizationPosition } from '../../../contracts/people.ts';
import { permissions, useCurrentUser } from '../../app/session.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { formatDate } from '../../lib/format.ts';
import { useOrganizationPositions } from './api.ts';
import { AddPositionModal } from './add-position-modal.tsx';
import { EndPositionModal } from './end-position-modal.tsx';
import { ContactLinks } from './contact-links.tsx';

/** The organisation's representatives and staff over time: who holds what now, then who held it. */
export function OrganizationPeopleTab({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const positions = useOrganizationPositions(organization.id);
  const [isAdding, setIsAdding] = useState(false);
  const [ending, setEnding] = useState<OrganizationPosition | null>(null);
  const canSave = permissions.canSavePositions(user, organization) && organization.archivedAt === null;

  if (positions.isPending) return <LoadingState />;
  if (positions.isError) return <ErrorState error={positions.error} onRetry={() => void positions.refetch()} />;

  const items = positions.data.items;
  const current = items.filter((item) => item.isCurrent);
  const past = items.filter((item) => !item.isCurrent);
  // Viewers get names only: no contact column at all rather than a column of blanks.
  const showsContacts = items.some((item) => !item.person.isPersonalDataHidden);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ flex: '1 1 16rem' }}>
          <Title order={2} fz="h4">
            {t('people.tabTitle')}
          </Title>
          {!showsContacts && items.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('people.contactsHidden')}
            </Text>
          )}
        </Stack>
        {canSave && <Button onClick={() => setIsAdding(true)}>{t('people.addPosition')}</Button>}
      </Group>
      {items.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text c="dimmed">{t('people.noPositions')}</Text>
        </Paper>
      ) : (
        <>
          <PositionTable
            title={t('people.currentPositions')}
            rows={current}
            showsContacts={showsContacts}
            onEnd={canSave ? setEnding : undefined}
            emptyText={t('people.noCurrentPositions')}
          />
          {past.length > 0 && <PositionTable title={t('people.pastPositions')} rows={past} showsContacts={showsContacts} />}
        </>
      )}
      {isAdding && (
        <AddPositionModal organizationId={organization.id} organizationName={organization.name} onClose={() => setIsAdding(false)} />
      )}
      {ending && <EndPositionModal key={ending.id} position={ending} onClose={() => setEnding(null)} />}
    </Stack>
  );
}

type PositionTableProps = {
  title: string;
  rows: OrganizationPosition[];
  showsContacts: boolean;
  onEnd?: (position: OrganizationPosition) => void;
  emptyText?: string;
};

function PositionTable({ title, rows, showsContacts, onEnd, emptyText }: PositionTableProps) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  // On a phone each position is a small card: a table would hide the dates and the button off the screen.
  const isPhone = useMediaQuery(`(max-width: ${theme.breakpoints.sm})`);
  const period = (position: OrganizationPosition) =>
    `${position.startedOn ? formatDate(position.startedOn) : t('people.unknownStart')} – ${
      position.endedOn ? formatDate(position.endedOn) : t('people.now')
    }`;
  const positionName = (position: OrganizationPosition) => t(`people.position.${position.position}`);
  const nameLink = (position: OrganizationPosition) => (
    <>
      <AnchorLink to="/people/$id" params={{ id: position.person.id }} fw={500}>
        {position.person.fullName}
      </AnchorLink>
      {position.person.erasedAt && (
        <Badge ml="xs" variant="outline" color="gray" c="dark.6">
          {t('people.erased')}
        </Badge>
      )}
    </>
  );
  // A position whose last day is already recorded needs no "end" (it leaves this list after that day).
  const endButton = (position: OrganizationPosition) =>
    onEnd &&
    position.endedOn === null && (
      <Button
        size="compact-sm"
        variant="light"
        c="brand.9"
        onClick={() => onEnd(position)}
        aria-label={t('people.endPositionOf', { name: position.person.fullName, position: positionName(position) })}
      >
        {t('people.endPosition')}
      </Button>
    );

  return (
    <Paper withBorder radius="md" component="section" aria-label={title}>
      <Title order={3} fz="h5" px="md" pt="sm" pb={4}>
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" px="md" pb="md">
          {emptyText}
        </Text>
      ) : isPhone ? (
        <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {rows.map((position) => (
            <Group
              key={position.id}
              component="li"
              justify="space-between"
              align="flex-start"
              wrap="nowrap"
              px="md"
              py="xs"
              style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
            >
              <Stack gap={2} style={{ minWidth: 0 }}>
                <div>{nameLink(position)}</div>
                <Text size="sm">{positionName(position)}</Text>
                <Text size="sm" c="dimmed">
                  {period(position)}
                </Text>
                {showsContacts && <ContactLinks phone={position.person.phone} email={position.person.email} />}
              </Stack>
              {endButton(position)}
            </Group>
          ))}
        </Stack>
      ) : (
        <Table fz="sm" verticalSpacing={6} highlightOnHover layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="28%">{t('people.fields.fullName')}</Table.Th>
              <Table.Th w="20%">{t('people.fields.position')}</Table.Th>
              <Table.Th w="22%">{t('people.fields.period')}</Table.Th>
              {showsContacts && <Table.Th>{t('people.fields.contact')}</Table.Th>}
              {onEnd && (
                <Table.Th w={110}>
                  <VisuallyHidden>{t('users.actions')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((position) => (
              <Table.Tr key={position.id}>
                <Table.Td>{nameLink(position)}</Table.Td>
                <Table.Td>{positionName(position)}</Table.Td>
                <Table.Td>{period(position)}</Table.Td>
                {showsContacts && (
                  <Table.Td>
                    <ContactLinks phone={position.person.phone} email={position.person.email} />
                  </Table.Td>
                )}
                {onEnd && <Table.Td ta="right">{endButton(position)}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
