import { Button, Group, Stack, Text } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fund } from '../../../contracts/finance.ts';
import type { SessionUser } from '../../../contracts/access.ts';
import { permissions, useCurrentUser } from '../../app/session.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { formatMoney, formatRateBp } from '../../lib/format.ts';
import { useFunds } from './api.ts';
import { FinanceNav } from './finance-nav.tsx';
import { FundFormModal } from './fund-form-modal.tsx';
import { FundRulesModal } from './fund-rules-modal.tsx';

const wideOnly = (theme: { breakpoints: { sm: string } }) => `(min-width: ${theme.breakpoints.sm})`;

/** The server's rule (finance.policy canManageFund): a province's staff run its fund, national staff the central one. */
const canManage = (user: SessionUser, fund: Pick<Fund, 'provinceCode'>) =>
  permissions.canManageFunds(user.role) &&
  (fund.provinceCode === null ? user.provinceCode === null : user.provinceCode === null || user.provinceCode === fund.provinceCode);

const money = (value: number) => (
  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
    {formatMoney(value)}
  </Text>
);

/** The funds the Alliance lends from: how much capital, how much is out, how much is left, under which rules. */
export function FundsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const funds = useFunds();
  const [editing, setEditing] = useState<{ fundId: string | null } | null>(null);
  const [rulesOf, setRulesOf] = useState<string | null>(null);
  const findFund = (id: string | null) => funds.data?.find((fund) => fund.id === id) ?? null;
  const canCreate = permissions.canManageFunds(user.role);
  const rulesFund = findFund(rulesOf);

  return (
    <>
      <FinanceNav />
      <PageHeader
        title={t('finance.funds.title')}
        description={t('finance.funds.description')}
        actions={canCreate && <Button onClick={() => setEditing({ fundId: null })}>{t('finance.funds.new')}</Button>}
      />
      <DataTable<Fund>
        aria-label={t('finance.funds.title')}
        withTableBorder
        borderRadius="md"
        minHeight={(funds.data?.length ?? 0) === 0 ? 160 : undefined}
        records={funds.data ?? []}
        fetching={funds.isFetching}
        noRecordsText={funds.isError ? t('errors.unexpected') : t('finance.funds.empty')}
        columns={[
          {
            accessor: 'name',
            title: t('finance.funds.fields.name'),
            width: 200,
            render: (fund) => (
              <Stack gap={2}>
                <Text fw={500} size="sm">
                  {fund.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {[
                    t(`finance.funds.kind.${fund.kind}`),
                    fund.provinceCode === null ? t('finance.funds.central') : t('finance.funds.provincial'),
                    fund.currentRules && formatRateBp(fund.currentRules.lendingRateBp),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                <Group gap="xs">
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    px={0}
                    onClick={() => setRulesOf(fund.id)}
                    aria-label={`${t('finance.funds.rules.show')}: ${fund.name}`}
                  >
                    {t('finance.funds.rules.show')}
                  </Button>
                  {canManage(user, fund) && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      px={0}
                      onClick={() => setEditing({ fundId: fund.id })}
                      aria-label={`${t('finance.funds.edit.button')}: ${fund.name}`}
                    >
                      {t('finance.funds.edit.button')}
                    </Button>
                  )}
                </Group>
              </Stack>
            ),
          },
          {
            accessor: 'capital',
            title: t('finance.funds.fields.capital'),
            textAlign: 'right',
            visibleMediaQuery: wideOnly,
            render: (fund) => money(fund.capital),
          },
          {
            accessor: 'lentOut',
            title: t('finance.funds.fields.lentOut'),
            textAlign: 'right',
            visibleMediaQuery: wideOnly,
            render: (fund) => money(fund.lentOut),
          },
          {
            accessor: 'available',
            title: t('finance.funds.fields.available'),
            textAlign: 'right',
            render: (fund) => (
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(fund.available)}
              </Text>
            ),
          },
          {
            accessor: 'committed',
            title: t('finance.funds.fields.committed'),
            textAlign: 'right',
            visibleMediaQuery: wideOnly,
            render: (fund) => money(fund.committed),
          },
        ]}
      />
      <FundFormModal opened={editing !== null} fund={findFund(editing?.fundId ?? null)} onClose={() => setEditing(null)} />
      <FundRulesModal fund={rulesFund} canManage={rulesFund !== null && canManage(user, rulesFund)} onClose={() => setRulesOf(null)} />
    </>
  );
}
