import { Badge, Button, Divider, Group, Modal, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fund, FundRules } from '../../../contracts/finance.ts';
import { fieldErrorsOf, ProblemAlert } from '../../components/problem-alert.tsx';
import { todayInVietnam } from '../../lib/calendar.ts';
import { notifySuccess } from '../../lib/error-messages.ts';
import { formatDate, formatMoney, formatPercent, formatRateBp } from '../../lib/format.ts';
import { useAddFundRules } from './api.ts';
import { FundRulesForm, type RulesDraft, rulesDraftFrom, rulesInputOf } from './fund-rules-form.tsx';
import { FormActions } from '../../components/form-actions.tsx';

type Standing = 'current' | 'future' | 'past';

function standingOf(rules: FundRules, current: FundRules | null, today: string): Standing {
  if (current && rules.id === current.id) return 'current';
  return rules.appliesFrom > today ? 'future' : 'past';
}

const STANDING_COLORS: Record<Standing, string> = { current: 'teal', future: 'blue', past: 'gray' };

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

/** One version of the rules, as issued: what it says and whether it is in force. */
function RulesCard({ rules, standing }: { rules: FundRules; standing: Standing }) {
  const { t } = useTranslation();
  const [g2, g3, g4, g5] = rules.debtGroupMinDays;
  const bands = [
    `1: ${t('finance.funds.rules.bandFirst', { to: g2 })}`,
    ...[g2, g3, g4, g5].map((from, index) => `${index + 2}: ${t('finance.funds.rules.band', { from })}`),
  ].join(' · ');
  const provisions = rules.provisionBp.map((bp, index) => `${index + 1}: ${formatPercent(bp / 100)}`).join(' · ');
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-label={formatDate(rules.appliesFrom)}>
      <Group justify="space-between" mb="xs" gap="xs">
        <Text fw={600}>
          {t('finance.funds.rules.appliesFrom')} {formatDate(rules.appliesFrom)}
        </Text>
        <Badge color={STANDING_COLORS[standing]} variant="light">
          {t(`finance.funds.rules.${standing}`)}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Fact label={t('finance.funds.rules.lendingRate')} value={formatRateBp(rules.lendingRateBp)} />
        <Fact label={t('finance.funds.rules.maxAmount')} value={formatMoney(rules.maxAmount)} />
        <Fact label={t('finance.funds.rules.maxTerm')} value={String(rules.maxTermMonths)} />
        <Fact label={t('finance.funds.rules.overdueFactor')} value={formatPercent(rules.overdueFactorPercent)} />
        <Fact label={t('finance.funds.rules.debtGroups')} value={bands} />
        <Fact label={t('finance.funds.rules.provisions')} value={provisions} />
        <Fact label={t('finance.funds.rules.restructuredMinGroup')} value={String(rules.restructuredMinGroup)} />
        <Fact
          label={t('finance.funds.rules.allocationOrder')}
          value={rules.allocationOrder.map((component) => t(`finance.component.${component}`)).join(' → ')}
        />
      </SimpleGrid>
    </Paper>
  );
}

type FundRulesModalProps = { fund: Fund | null; canManage: boolean; onClose: () => void };

/** Every version of a fund's rules, newest first, and for its managers a form for the next one. */
export function FundRulesModal({ fund, canManage, onClose }: FundRulesModalProps) {
  const { t } = useTranslation();
  const add = useAddFundRules();
  const [draft, setDraft] = useState<RulesDraft | null>(null);
  const today = todayInVietnam();

  useEffect(() => {
    if (fund === null) setDraft(null);
  }, [fund]);

  const close = () => {
    add.reset();
    setDraft(null);
    onClose();
  };

  const submit = () => {
    if (!fund || !draft) return;
    const rules = rulesInputOf(draft);
    add.mutate(
      { fundId: fund.id, rules },
      {
        onSuccess: () => {
          notifySuccess(t('finance.funds.rules.added', { date: formatDate(rules.appliesFrom) }));
          add.reset();
          setDraft(null);
        },
      },
    );
  };

  const versions = [...(fund?.rules ?? [])].sort((a, b) => b.appliesFrom.localeCompare(a.appliesFrom));

  return (
    <Modal
      opened={fund !== null}
      onClose={close}
      title={fund ? t('finance.funds.rules.showTitle', { name: fund.name }) : ''}
      size="xl"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm">
        {versions.map((rules) => (
          <RulesCard key={rules.id} rules={rules} standing={standingOf(rules, fund?.currentRules ?? null, today)} />
        ))}
        {canManage && draft === null && fund && (
          <Group>
            <Button variant="light" onClick={() => setDraft(rulesDraftFrom(fund.currentRules))}>
              {t('finance.funds.rules.add')}
            </Button>
          </Group>
        )}
        {draft && fund && (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
          >
            <Stack gap="sm">
              <Divider label={t('finance.funds.rules.addTitle', { name: fund.name })} labelPosition="left" />
              <FundRulesForm
                draft={draft}
                onChange={(patch) => setDraft((current) => (current ? { ...current, ...patch } : current))}
                errors={fieldErrorsOf(add.error)}
              />
              <ProblemAlert error={add.error} staleHint={t('finance.funds.edit.staleHint')} />
              <FormActions onCancel={() => setDraft(null)} submitLabel={t('finance.funds.rules.submit')} isPending={add.isPending} />
            </Stack>
          </form>
        )}
      </Stack>
    </Modal>
  );
}
