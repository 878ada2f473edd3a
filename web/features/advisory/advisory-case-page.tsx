import { Alert, Button, Paper, SimpleGrid, Stack, Table, Tabs, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdvisoryCase, AdvisoryStage } from '../../../contracts/advisory.ts';
import { useCurrentUser } from '../../app/session.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { formatDate, formatHours, formatNumber } from '../../lib/format.ts';
import { useCase, useOfficers } from './api.ts';
import { CaseActivitiesTab } from './case-activities-tab.tsx';
import { canChangeCase } from './case-access.ts';
import { CaseAttachmentsTab } from './case-attachments-tab.tsx';
import { CaseEditModal } from './case-edit-modal.tsx';
import { CaseHistory } from './case-history.tsx';
import { CaseStageBadge } from './case-stage-badge.tsx';
import { caseSubject } from './case-table.tsx';
import { DueDate } from './due-date.tsx';
import { RegisterModal } from './register-modal.tsx';
import { StageModal } from './stage-modal.tsx';
import { orderedMoves, stageActionLabel } from './stage-actions.ts';

const route = getRouteApi('/signed-in/advisory/$id');

type Step = { kind: 'stage'; stage: AdvisoryStage } | { kind: 'register' } | { kind: 'edit' };

/** One case: its stage and the moves allowed, its fields, the work logged, its files and history. */
export function AdvisoryCasePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { id } = route.useParams();
  const query = useCase(id);
  const officers = useOfficers(user.role === 'admin' || user.role === 'staff' || user.role === 'leader');
  const [step, setStep] = useState<Step | null>(null);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const item = query.data;
  const canWrite = canChangeCase(user, item);
  const names: Record<string, string> = Object.fromEntries([
    ...(officers.data?.items ?? []).map((officer) => [officer.id, officer.name]),
    [item.assignedOfficer.id, item.assignedOfficer.name],
    ...(item.organization ? [[item.organization.id, item.organization.name]] : []),
  ]);
  const moves = orderedMoves(item.nextStages);

  return (
    <>
      <PageHeader
        title={caseSubject(item)}
        badges={<CaseStageBadge stage={item.stage} />}
        description={[item.title === caseSubject(item) ? t(`advisory.kind.${item.kind}`) : item.title, item.communeName]
          .filter(Boolean)
          .join(' · ')}
        actions={
          canWrite && (
            <>
              {moves.map((stage) => (
                <Button
                  key={stage}
                  variant={stage === 'dropped' ? 'default' : 'filled'}
                  color={stage === 'dropped' ? 'red' : undefined}
                  onClick={() => setStep(stage === 'registered' ? { kind: 'register' } : { kind: 'stage', stage })}
                >
                  {stageActionLabel(t, item.stage, stage)}
                </Button>
              ))}
              <Button variant="default" onClick={() => setStep({ kind: 'edit' })}>
                {t('advisory.edit.open')}
              </Button>
            </>
          )
        }
      />
      <Stack gap="md">
        {item.organization?.foundedWithSupportOn && item.stage === 'registered' && (
          <Alert color="teal" variant="light" title={t('advisory.register.registeredTitle')}>
            <Text size="sm">
              {t('advisory.register.registeredText', {
                name: item.organization.name,
                date: formatDate(item.organization.foundedWithSupportOn),
              })}{' '}
              <AnchorLink to="/organizations/$id" params={{ id: item.organization.id }} search={{ tab: 'cases' }}>
                {t('advisory.register.openOrganization')}
              </AnchorLink>
            </Text>
          </Alert>
        )}
        {item.stage === 'dropped' && item.droppedReason && (
          <Alert color="gray" variant="light" title={t('advisory.fields.droppedReason')}>
            {item.droppedReason}
          </Alert>
        )}
        <Tabs defaultValue="overview" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="overview">{t('advisory.tabs.overview')}</Tabs.Tab>
            <Tabs.Tab value="activities">{t('advisory.tabs.activities')}</Tabs.Tab>
            <Tabs.Tab value="attachments">{t('advisory.tabs.attachments')}</Tabs.Tab>
            <Tabs.Tab value="history">{t('advisory.tabs.history')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="overview" pt="md">
            <CaseOverview item={item} />
          </Tabs.Panel>
          <Tabs.Panel value="activities" pt="md">
            <CaseActivitiesTab item={item} canWrite={canWrite} />
          </Tabs.Panel>
          <Tabs.Panel value="attachments" pt="md">
            <CaseAttachmentsTab item={item} canWrite={canWrite} />
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="md">
            <CaseHistory caseId={item.id} names={names} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
      {step?.kind === 'stage' && <StageModal item={item} stage={step.stage} onClose={() => setStep(null)} />}
      {step?.kind === 'register' && <RegisterModal item={item} onClose={() => setStep(null)} />}
      {step?.kind === 'edit' && <CaseEditModal item={item} onClose={() => setStep(null)} />}
    </>
  );
}

function CaseOverview({ item }: { item: AdvisoryCase }) {
  const { t } = useTranslation();
  const phone = item.isContactHidden ? t('advisory.fields.hidden') : item.contactPhone;
  const rows: [string, ReactNode][] = [
    [t('advisory.fields.kind'), t(`advisory.kind.${item.kind}`)],
    [t('advisory.fields.officer'), item.assignedOfficer.name],
    [t('advisory.fields.openedOn'), formatDate(item.openedOn)],
    [t('advisory.fields.dueOn'), <DueDate key="due" item={item} />],
    [t('advisory.fields.closedOn'), item.closedOn ? formatDate(item.closedOn) : '—'],
    [t('advisory.fields.commune'), `${item.communeName} — ${item.provinceName}`],
    [t('advisory.activities.totalShort'), formatHours(item.totalHours)],
  ];
  const groupRows: [string, ReactNode][] =
    item.kind === 'founding'
      ? [
          [t('advisory.fields.groupName'), item.groupName ?? '—'],
          [t('advisory.fields.contactName'), item.contactName ?? '—'],
          [t('advisory.fields.contactPhone'), phone ?? '—'],
          [t('advisory.fields.intendedSector'), item.intendedSector ? t(`organization.sector.${item.intendedSector}`) : '—'],
          [t('advisory.fields.intendedKind'), item.intendedKind ? t(`organization.kind.${item.intendedKind}`) : '—'],
          [t('advisory.fields.foundingMembers'), item.foundingMembers === null ? '—' : formatNumber(item.foundingMembers)],
        ]
      : [];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Paper withBorder radius="md" p="md">
        <FieldTable rows={rows} />
        {item.organization && (
          <AnchorLink to="/organizations/$id" params={{ id: item.organization.id }} size="sm">
            {t('advisory.fields.openOrganization', { name: item.organization.name })}
          </AnchorLink>
        )}
      </Paper>
      <Stack gap="md">
        {groupRows.length > 0 && (
          <Paper withBorder radius="md" p="md">
            <Text fw={600} mb="xs">
              {t('advisory.fields.group')}
            </Text>
            <FieldTable rows={groupRows} />
          </Paper>
        )}
        {item.description && (
          <Paper withBorder radius="md" p="md">
            <Text fw={600} mb="xs">
              {t('advisory.fields.description')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {item.description}
            </Text>
          </Paper>
        )}
      </Stack>
    </SimpleGrid>
  );
}

function FieldTable({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <Table variant="vertical" layout="fixed" withRowBorders={false}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w="40%">{label}</Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
