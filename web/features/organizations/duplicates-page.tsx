import { Alert, Button, DataList, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicatePair, OrganizationSummary } from '../../../contracts/organizations.ts';
import { permissions, useCurrentUser } from '../../app/session.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { ProvinceSelect } from '../places/province-select.tsx';
import { useDuplicatePairs } from './api.ts';
import { MergeOrganizationsModal } from './merge-organizations-modal.tsx';
import { StatusText } from './status-badge.tsx';

const route = getRouteApi('/signed-in/organizations/duplicates');

export type MergeChoice = { survivor: OrganizationSummary; duplicate: OrganizationSummary };

/** Pairs of live organisations in one commune with nearly the same name: check, then keep one. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const pairs = useDuplicatePairs(user.provinceCode ?? search.provinceCode);
  const [merging, setMerging] = useState<MergeChoice | null>(null);
  const canMerge = permissions.canMergeOrganizations(user.role);

  const items = [...(pairs.data?.items ?? [])];
  // Arriving from an organisation's "Có thể trùng": its pairs first.
  const involvesFocus = (pair: DuplicatePair) => pair.first.id === search.focus || pair.second.id === search.focus;
  if (search.focus) items.sort((a, b) => Number(involvesFocus(b)) - Number(involvesFocus(a)));

  return (
    <>
      <AnchorLink to="/organizations" size="sm" mb="xs" display="inline-block">
        <span aria-hidden>← </span>
        {t('organizations.backToList')}
      </AnchorLink>
      <PageHeader
        title={t('duplicates.title')}
        description={
          pairs.data ? t('duplicates.count', { count: pairs.data.items.length, formatted: formatNumber(pairs.data.items.length) }) : ' '
        }
        actions={
          !user.provinceCode && (
            <ProvinceSelect
              label={t('organization.fields.province')}
              placeholder={t('dashboard.allProvinces')}
              value={search.provinceCode ?? null}
              onChange={(provinceCode) => void navigate({ search: { provinceCode: provinceCode ?? undefined }, replace: true })}
            />
          )
        }
      />
      <Text size="sm" mb="md" maw={760}>
        {canMerge ? t('duplicates.explanation') : t('duplicates.explanationReadOnly')}
      </Text>
      {pairs.isPending ? (
        <LoadingState />
      ) : pairs.isError ? (
        <ErrorState error={pairs.error} onRetry={() => void pairs.refetch()} />
      ) : items.length === 0 ? (
        <Alert color="green" variant="light" title={t('duplicates.noneTitle')}>
          {t('duplicates.noneText')}
        </Alert>
      ) : (
        <Stack gap="md" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((pair) => (
            <Paper
              key={`${pair.first.id}-${pair.second.id}`}
              component="li"
              withBorder
              radius="md"
              p="md"
              style={involvesFocus(pair) ? { borderColor: 'var(--mantine-color-orange-6)', borderWidth: 2 } : undefined}
            >
              <Text size="sm" c="dimmed" mb="sm">
                {t('duplicates.reason.similar_name', { commune: pair.first.communeName, province: pair.first.provinceName })}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <DuplicateSide
                  organization={pair.first}
                  other={pair.second}
                  canMerge={canMerge}
                  onMerge={() => setMerging({ survivor: pair.first, duplicate: pair.second })}
                />
                <DuplicateSide
                  organization={pair.second}
                  other={pair.first}
                  canMerge={canMerge}
                  onMerge={() => setMerging({ survivor: pair.second, duplicate: pair.first })}
                />
              </SimpleGrid>
            </Paper>
          ))}
        </Stack>
      )}
      {merging && (
        <MergeOrganizationsModal
          key={`${merging.survivor.id}-${merging.duplicate.id}`}
          choice={merging}
          onClose={() => setMerging(null)}
          onReload={() => void pairs.refetch()}
        />
      )}
    </>
  );
}

type DuplicateSideProps = { organization: OrganizationSummary; other: OrganizationSummary; canMerge: boolean; onMerge: () => void };

function DuplicateSide({ organization: o, other, canMerge, onMerge }: DuplicateSideProps) {
  const { t } = useTranslation();
  const blank = (
    <Text span c="dimmed">
      —
    </Text>
  );
  // What differs between the two is what the user has to look at.
  const differs = (field: keyof OrganizationSummary) => o[field] !== other[field];
  const rows: { field: keyof OrganizationSummary; label: string; value: ReactNode }[] = [
    { field: 'kind', label: t('organization.fields.kind'), value: t(`organization.kind.${o.kind}`) },
    { field: 'taxCode', label: t('organization.fields.taxCode'), value: o.taxCode ?? blank },
    { field: 'addressLine', label: t('organization.sections.address'), value: o.addressLine ?? blank },
    { field: 'status', label: t('organization.fields.status'), value: <StatusText status={o.status} /> },
    { field: 'sector', label: t('organization.fields.sector'), value: t(`organization.sector.${o.sector}`) },
    { field: 'registeredOn', label: t('organization.fields.registeredOn'), value: o.registeredOn ? formatDate(o.registeredOn) : blank },
  ];
  return (
    <Stack gap="xs" p="sm" bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
      <Title order={2} fz="h5">
        <AnchorLink to="/organizations/$id" params={{ id: o.id }}>
          {o.name}
        </AnchorLink>
      </Title>
      <DataList labelWidth="8rem" size="sm">
        {rows.map((row) => (
          <DataList.Item key={row.field}>
            <DataList.ItemLabel>{row.label}</DataList.ItemLabel>
            <DataList.ItemValue fw={differs(row.field) ? 600 : undefined}>{row.value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
      {canMerge && (
        <Group mt="auto">
          <Button variant="light" c="brand.9" onClick={onMerge} aria-label={t('duplicates.mergeInto', { name: o.name })}>
            {t('duplicates.keepThis')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
