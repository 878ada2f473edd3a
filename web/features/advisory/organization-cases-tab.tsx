import { Alert, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../contracts/organizations.ts';
import { permissions, useCurrentUser } from '../../app/session.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { formatDate } from '../../lib/format.ts';
import { useCaseList } from './api.ts';
import { CaseStageBadge } from './case-stage-badge.tsx';
import { DueDate } from './due-date.tsx';

/** The organisation's advisory cases and, if the Alliance helped found it, when it was registered. */
export function OrganizationCasesTab({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const cases = useCaseList({ organizationId: organization.id, pageSize: 100, sort: '-openedOn' });

  return (
    <Stack gap="sm" pt="md">
      {organization.foundedWithSupportOn && (
        <Alert color="teal" variant="light" title={t('advisory.organizationTab.foundedTitle')}>
          {t('advisory.organizationTab.foundedText', { date: formatDate(organization.foundedWithSupportOn) })}
        </Alert>
      )}
      {cases.isPending ? (
        <LoadingState />
      ) : cases.isError ? (
        <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />
      ) : cases.data.items.length === 0 ? (
        <Text c="dimmed">{t('advisory.organizationTab.empty')}</Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {cases.data.items.map((item) => (
            <Paper key={item.id} component="li" withBorder radius="md" p="sm">
              <Group justify="space-between" gap="xs" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
                  <AnchorLink to="/advisory/$id" params={{ id: item.id }} fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {item.title}
                  </AnchorLink>
                  <Text size="xs" c="dimmed">
                    {t(`advisory.kind.${item.kind}`)} · {item.assignedOfficer.name} ·{' '}
                    {t('advisory.organizationTab.opened', { date: formatDate(item.openedOn) })}
                  </Text>
                </Stack>
                <Stack gap={2} align="flex-end">
                  <CaseStageBadge stage={item.stage} />
                  <DueDate item={item} size="xs" />
                </Stack>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {permissions.canWriteAdvisoryCases(user.role) && (
        <AnchorLink to="/advisory/new" search={{ organizationId: organization.id }} size="sm">
          {t('advisory.create.open')}
        </AnchorLink>
      )}
    </Stack>
  );
}
