import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationMemberships } from '../../../contracts/membership.ts';
import type { Organization } from '../../../contracts/organizations.ts';
import { permissions, useCurrentUser } from '../../app/session.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { AdmitMemberModal } from './admit-member-modal.tsx';
import { useOrganizationMemberships } from './api.ts';
import { thisYearInVietnam } from '../../lib/calendar.ts';
import { DuesStatusLabel } from './dues-status.tsx';
import { EditMembershipModal } from './edit-membership-modal.tsx';
import { LeaveMembershipModal } from './leave-membership-modal.tsx';
import { type PaymentTarget, RecordPaymentModal } from './record-payment-modal.tsx';

type Period = OrganizationMemberships['items'][number];

/** The organisation's membership periods in the Alliance, newest first, each with its dues per year. */
export function OrganizationMembershipTab({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canWrite = permissions.canWriteMemberships(user.role);
  const memberships = useOrganizationMemberships(organization.id);
  const [isAdmitting, setIsAdmitting] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [leavingId, setLeavingId] = useState<string | null>(null);
  const [payment, setPayment] = useState<PaymentTarget | null>(null);

  if (memberships.isPending) return <LoadingState />;
  if (memberships.isError) return <ErrorState error={memberships.error} onRetry={() => void memberships.refetch()} />;

  const periods = memberships.data.items;
  const findPeriod = (id: string | null) => periods.find((period) => period.id === id) ?? null;
  const isMember = periods.some((period) => period.leftOn === null);
  const owed = periods.flatMap((period) => period.dues).reduce((total, dues) => total + dues.outstanding, 0);
  const pay = (period: Period, year: number) =>
    setPayment({ organizationId: organization.id, organizationName: organization.name, membershipId: period.id, year });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2}>
          <Text fw={500}>{isMember ? t('membership.tab.isMember') : t('membership.tab.notMember')}</Text>
          {owed > 0 && (
            <Text size="sm" c="red.8">
              {t('membership.tab.owed', { amount: formatMoney(owed) })}
            </Text>
          )}
        </Stack>
        {canWrite && !isMember && <Button onClick={() => setIsAdmitting(true)}>{t('membership.admit.open')}</Button>}
      </Group>
      {periods.length === 0 && <Text c="dimmed">{t('membership.tab.empty')}</Text>}
      {periods.map((period) => (
        <PeriodCard
          key={period.id}
          period={period}
          canWrite={canWrite}
          onEdit={() => setEditingId(period.id)}
          onLeave={() => setLeavingId(period.id)}
          onRecordPayment={(year) => pay(period, year)}
        />
      ))}
      {canWrite && (
        <>
          <AdmitMemberModal
            isOpen={isAdmitting}
            onClose={() => setIsAdmitting(false)}
            organization={{ id: organization.id, name: organization.name }}
          />
          <EditMembershipModal membership={findPeriod(editingId)} onClose={() => setEditingId(null)} />
          <LeaveMembershipModal membership={findPeriod(leavingId)} onClose={() => setLeavingId(null)} />
          <RecordPaymentModal target={payment} onClose={() => setPayment(null)} />
        </>
      )}
    </Stack>
  );
}

type PeriodCardProps = {
  period: Period;
  canWrite: boolean;
  onEdit: () => void;
  onLeave: () => void;
  onRecordPayment: (year: number) => void;
};

function PeriodCard({ period, canWrite, onEdit, onLeave, onRecordPayment }: PeriodCardProps) {
  const { t } = useTranslation();
  const thisYear = thisYearInVietnam();
  const hasThisYear = period.dues.some((dues) => dues.year === thisYear);
  const dues = [...period.dues].sort((a, b) => b.year - a.year);
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-label={t('membership.tab.periodLabel', { joinedOn: formatDate(period.joinedOn) })}
    >
      <Group justify="space-between" align="flex-start" gap="sm" mb="sm">
        <Stack gap={2}>
          <Group gap="xs">
            <Title order={3} fz="h5">
              {period.leftOn
                ? t('membership.tab.periodClosed', { joinedOn: formatDate(period.joinedOn), leftOn: formatDate(period.leftOn) })
                : t('membership.tab.periodOpen', { joinedOn: formatDate(period.joinedOn) })}
            </Title>
            <Badge variant="light" color={period.isCurrent ? 'teal' : 'gray'}>
              {t(`membership.category.${period.category}`)}
            </Badge>
          </Group>
          {period.decisionNumber && (
            <Text size="sm" c="dimmed">
              {t('membership.tab.decision', { number: period.decisionNumber })}
            </Text>
          )}
          {period.leftReason && <Text size="sm">{t('membership.tab.leftReason', { reason: period.leftReason })}</Text>}
          {period.notes && (
            <Text size="sm" c="dimmed">
              {period.notes}
            </Text>
          )}
        </Stack>
        {canWrite && (
          <Group gap="xs">
            {!period.leftOn && !hasThisYear && (
              <Button size="xs" variant="light" onClick={() => onRecordPayment(thisYear)}>
                {t('membership.tab.setThisYear', { year: thisYear })}
              </Button>
            )}
            <Button size="xs" variant="default" onClick={onEdit}>
              {t('common.edit')}
            </Button>
            {!period.leftOn && (
              <Button size="xs" variant="light" color="red" onClick={onLeave}>
                {t('membership.leave.open')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {dues.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('membership.tab.noDues')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped aria-label={t('membership.tab.duesLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('membership.dues.year')}</Table.Th>
                <Table.Th ta="right">{t('membership.fields.amountDue')}</Table.Th>
                <Table.Th ta="right">{t('membership.fields.amountPaid')}</Table.Th>
                <Table.Th ta="right">{t('membership.fields.outstanding')}</Table.Th>
                <Table.Th>{t('membership.fields.status')}</Table.Th>
                <Table.Th>{t('membership.fields.receiptNumber')}</Table.Th>
                {canWrite && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {dues.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>{row.year}</Table.Td>
                  <Table.Td ta="right">{formatMoney(row.amountDue)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(row.amountPaid)}</Table.Td>
                  <Table.Td ta="right" c={row.outstanding > 0 ? 'red.8' : undefined}>
                    {formatMoney(row.outstanding)}
                  </Table.Td>
                  <Table.Td>
                    <DuesStatusLabel status={row.status} />
                    {row.paidOn && (
                      <Text size="xs" c="dimmed">
                        {formatDate(row.paidOn)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{row.receiptNumber ?? '—'}</Table.Td>
                  {canWrite && (
                    <Table.Td ta="right">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        aria-label={t('membership.payment.label', { name: period.organization.name, year: row.year })}
                        onClick={() => onRecordPayment(row.year)}
                      >
                        {t('membership.payment.short')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
