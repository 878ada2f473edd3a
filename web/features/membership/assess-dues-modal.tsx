import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessDues } from '../../../contracts/membership.ts';
import { type OrganizationKind, organizationKinds } from '../../../contracts/organizations.ts';
import { MoneyInput } from '../../components/money-input.tsx';
import { formatMoney, formatNumber } from '../../lib/format.ts';
import { useAssessDues, useMembershipStats } from './api.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';

type AssessDuesModalProps = {
  year: number;
  isOpen: boolean;
  onClose: () => void;
  /** Dues records the year already has (they are left as they are). */
  alreadySet: number;
};

type Amounts = Record<OrganizationKind, number | null>;
const noAmounts = Object.fromEntries(organizationKinds.map((kind) => [kind, null])) as Amounts;

/** Tính hội phí năm …: one amount per kind of organisation, written for every member of the year who has none. */
export function AssessDuesModal({ year, isOpen, onClose, alreadySet }: AssessDuesModalProps) {
  const { t } = useTranslation();
  const [amounts, setAmounts] = useState<Amounts>(noAmounts);
  const [isConfirming, setIsConfirming] = useState(false);
  const [missingAmount, setMissingAmount] = useState(false);
  const stats = useMembershipStats(year);
  const assess = useAssessDues();
  const membersOfKind = (kind: OrganizationKind) => stats.data?.members.byKind.find((row) => row.key === kind)?.count ?? 0;
  const chosen = organizationKinds.filter((kind) => (amounts[kind] ?? 0) > 0);
  const expected = chosen.reduce((total, kind) => total + membersOfKind(kind), 0);

  const close = () => {
    assess.reset();
    setIsConfirming(false);
    setMissingAmount(false);
    onClose();
  };

  const run = () => {
    const body: AssessDues = { year, amounts: Object.fromEntries(chosen.map((kind) => [kind, amounts[kind] ?? 0])) };
    assess.mutate(body, { onSuccess: () => setIsConfirming(false) });
  };

  return (
    <Modal
      opened={isOpen}
      onClose={close}
      title={t('membership.assess.title', { year })}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {assess.data ? (
        <Stack gap="sm">
          <Alert color="teal" variant="light" role="status">
            <Text size="sm">
              {t('membership.assess.result', {
                year: assess.data.year,
                created: formatNumber(assess.data.created),
                alreadySet: formatNumber(assess.data.alreadySet),
              })}
            </Text>
          </Alert>
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Text size="sm">{t('membership.assess.text', { year })}</Text>
          {organizationKinds.map((kind) => (
            <MoneyInput
              key={kind}
              label={t(`organization.kind.${kind}`)}
              description={t('membership.assess.membersOfKind', {
                count: membersOfKind(kind),
                formatted: formatNumber(membersOfKind(kind)),
              })}
              value={amounts[kind]}
              onChange={(amount) => {
                setAmounts((current) => ({ ...current, [kind]: amount }));
                setIsConfirming(false);
                setMissingAmount(false);
              }}
              error={missingAmount && kind === 'cooperative' ? t('membership.assess.amountRequired') : undefined}
            />
          ))}
          {isConfirming && (
            <Alert color="yellow" variant="light" role="alert" title={t('membership.assess.confirmTitle')}>
              <Stack gap={4}>
                {chosen.map((kind) => (
                  <Text size="sm" key={kind}>
                    {t('membership.assess.confirmLine', {
                      kind: t(`organization.kind.${kind}`),
                      count: membersOfKind(kind),
                      formatted: formatNumber(membersOfKind(kind)),
                      amount: formatMoney(amounts[kind] ?? 0),
                    })}
                  </Text>
                ))}
                <Text size="sm">
                  {t('membership.assess.confirmText', { year, expected: formatNumber(expected), alreadySet: formatNumber(alreadySet) })}
                </Text>
              </Stack>
            </Alert>
          )}
          <ProblemAlert error={assess.error} staleHint={t('membership.staleHint')} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            {isConfirming ? (
              <Button onClick={run} loading={assess.isPending}>
                {t('membership.assess.confirm')}
              </Button>
            ) : (
              <Button
                onClick={() => {
                  if (chosen.length === 0) setMissingAmount(true);
                  else setIsConfirming(true);
                }}
              >
                {t('membership.assess.review')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
