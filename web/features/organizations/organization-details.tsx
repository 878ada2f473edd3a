import { Anchor, DataList, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../contracts/organizations.ts';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { StatusBadge } from './status-badge.tsx';

type Row = { field: string; value: ReactNode };

/** The record, grouped as the registration certificate and the office's file are. */
export function OrganizationDetails({ organization: o }: { organization: Organization }) {
  const { t } = useTranslation();
  const date = (value: string | null) => (value ? formatDate(value) : null);

  const sections: { title: string; rows: Row[] }[] = [
    {
      title: t('organization.sections.registration'),
      rows: [
        { field: 'kind', value: t(`organization.kind.${o.kind}`) },
        { field: 'name', value: o.name },
        { field: 'shortName', value: o.shortName },
        { field: 'foreignName', value: o.foreignName },
        { field: 'taxCode', value: o.taxCode },
        { field: 'registeredOn', value: date(o.registeredOn) },
        ...(o.foundedWithSupportOn ? [{ field: 'foundedWithSupportOn', value: date(o.foundedWithSupportOn) }] : []),
        { field: 'registrationAuthority', value: o.registrationAuthority },
        { field: 'charterCapital', value: o.charterCapital === null ? null : formatMoney(o.charterCapital) },
      ],
    },
    {
      title: t('organization.sections.address'),
      rows: [
        { field: 'addressLine', value: o.addressLine },
        ...(o.addressAsImported ? [{ field: 'addressAsImported', value: o.addressAsImported }] : []),
        { field: 'commune', value: o.communeName },
        { field: 'province', value: o.provinceName },
      ],
    },
    {
      title: t('organization.sections.activity'),
      rows: [
        { field: 'status', value: <StatusBadge status={o.status} /> },
        {
          field: 'observedStatus',
          value: o.observedStatus && (
            <>
              <StatusBadge status={o.observedStatus} />
              {o.observedOn && (
                <Text span size="sm" c="dimmed" ml="xs">
                  {t('organization.observedOnShort', { date: formatDate(o.observedOn) })}
                </Text>
              )}
            </>
          ),
        },
        { field: 'sector', value: t(`organization.sector.${o.sector}`) },
        { field: 'vsicCodes', value: o.vsicCodes },
        { field: 'isNewModel', value: o.isNewModel ? t('common.yes') : t('common.no') },
      ],
    },
    {
      title: t('organization.sections.people'),
      rows: [
        { field: 'legalRepresentative', value: o.legalRepresentative },
        { field: 'chairName', value: o.chairName },
        { field: 'directorName', value: o.directorName },
        { field: 'controllerName', value: o.controllerName },
        {
          field: 'phone',
          value: o.phone && (
            <Anchor fz="inherit" href={`tel:${o.phone.replace(/[^0-9+]/g, '')}`}>
              {o.phone}
            </Anchor>
          ),
        },
        {
          field: 'email',
          value: o.email && (
            <Anchor fz="inherit" href={`mailto:${o.email}`}>
              {o.email}
            </Anchor>
          ),
        },
        { field: 'website', value: o.website && <WebsiteLink website={o.website} /> },
      ],
    },
  ];

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      {sections.map((section) => (
        <Paper key={section.title} withBorder p="md" radius="md" component="section" aria-label={section.title}>
          <Title order={2} fz="h4" mb="sm">
            {section.title}
          </Title>
          <DataList labelWidth="11rem" size="sm">
            {section.rows.map((row) => (
              <DataList.Item key={row.field}>
                <DataList.ItemLabel>{t(`organization.fields.${row.field}`)}</DataList.ItemLabel>
                <DataList.ItemValue>
                  {row.value ?? (
                    <Text span c="dimmed">
                      —
                    </Text>
                  )}
                </DataList.ItemValue>
              </DataList.Item>
            ))}
          </DataList>
        </Paper>
      ))}
      {o.notes && (
        <Paper withBorder p="md" radius="md" component="section" aria-label={t('organization.fields.notes')}>
          <Title order={2} fz="h4" mb="sm">
            {t('organization.fields.notes')}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {o.notes}
          </Text>
        </Paper>
      )}
    </SimpleGrid>
  );
}

function WebsiteLink({ website }: { website: string }) {
  const href = /^https?:\/\//i.test(website) ? website : `https://${website}`;
  return (
    <Anchor fz="inherit" href={href} target="_blank" rel="noopener noreferrer">
      {website}
    </Anchor>
  );
}
