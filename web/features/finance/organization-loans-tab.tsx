import { Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../contracts/organizations.ts';
import { permissions, useCurrentUser } from '../../app/session.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { AnchorLink, ButtonLink } from '../../components/router-links.tsx';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { useLoans } from './api.ts';
import { LoanStatusBadge } from './loan-status-badge.tsx';

/** The organisation's support-fund loans, newest application first, and a new application for it. */
export function OrganizationLoansTab({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const loans = useLoans({ organizationId: organization.id, page: 1, pageSize: 100 });
  if (loans.isPending) return <LoadingState />;
  if (loans.isError) return <ErrorState error={loans.error} onRetry={() => void loans.refetch()} />;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('finance.loans.ofOrganization', { count: loans.data.total })}
        </Text>
        {permissions.canServiceLoans(user.role) && (
          <ButtonLink to="/finance/loans/new" search={{ organizationId: organization.id }} size="xs">
            {t('finance.loans.new')}
          </ButtonLink>
        )}
      </Group>
      {loans.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table withTableBorder aria-label={t('finance.loans.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('finance.loan.appliedOn')}</Table.Th>
                <Table.Th>{t('finance.loan.fund')}</Table.Th>
                <Table.Th>{t('finance.loans.status')}</Table.Th>
                <Table.Th ta="right">{t('finance.loan.requestedAmount')}</Table.Th>
                <Table.Th ta="right">{t('finance.loan.disbursed')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {loans.data.items.map((loan) => (
                <Table.Tr key={loan.id}>
                  <Table.Td>
                    <AnchorLink to="/finance/loans/$id" params={{ id: loan.id }} size="sm">
                      {loan.contractNumber ?? formatDate(loan.appliedOn)}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{loan.fundName}</Table.Td>
                  <Table.Td>
                    <LoanStatusBadge status={loan.status} />
                  </Table.Td>
                  <Table.Td ta="right">{formatMoney(loan.requestedAmount)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(loan.disbursed)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
