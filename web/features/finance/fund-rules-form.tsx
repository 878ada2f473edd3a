import { NumberInput, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FundRules, FundRulesInput } from '../../../contracts/finance.ts';
import { DateField } from '../../components/date-field.tsx';
import { MoneyInput } from '../../components/money-input.tsx';
import { todayInVietnam } from '../../lib/calendar.ts';

type Component = FundRulesInput['allocationOrder'][number];

/** The rules as typed: rates and provisions in percent, the rest as on the contract. */
export type RulesDraft = {
  appliesFrom: string | null;
  ratePercent: number | string;
  maxAmount: number | null;
  maxTermMonths: number | string;
  overdueFactorPercent: number | string;
  debtGroupMinDays: [number | string, number | string, number | string, number | string];
  restructuredMinGroup: string;
  provisionPercent: [number | string, number | string, number | string, number | string, number | string];
  allocationOrder: string;
};

/** The six orders a repayment can be applied in, as "overdue_interest,interest,principal". */
const ORDERS: Component[][] = [
  ['overdue_interest', 'interest', 'principal'],
  ['interest', 'overdue_interest', 'principal'],
  ['principal', 'interest', 'overdue_interest'],
  ['overdue_interest', 'principal', 'interest'],
  ['interest', 'principal', 'overdue_interest'],
  ['principal', 'overdue_interest', 'interest'],
];

/** DOMAIN.md §4: microfinance debt-group bands, provisions 0/5/20/50/100%, overdue interest at 150%. */
export function defaultRulesDraft(): RulesDraft {
  return {
    appliesFrom: todayInVietnam(),
    ratePercent: '',
    maxAmount: null,
    maxTermMonths: 60,
    overdueFactorPercent: 150,
    debtGroupMinDays: [10, 30, 90, 180],
    restructuredMinGroup: '3',
    provisionPercent: [0, 5, 20, 50, 100],
    allocationOrder: ORDERS[0]?.join(',') ?? '',
  };
}

/** "2026-11-29" → "2026-12-01": new rates usually start with a month. */
export function firstOfNextMonth(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/** A new version starts from the rules in force, applying from the first of next month. */
export function rulesDraftFrom(rules: FundRules | null): RulesDraft {
  if (!rules) return defaultRulesDraft();
  return {
    appliesFrom: firstOfNextMonth(todayInVietnam()),
    ratePercent: rules.lendingRateBp / 100,
    maxAmount: rules.maxAmount,
    maxTermMonths: rules.maxTermMonths,
    overdueFactorPercent: rules.overdueFactorPercent,
    debtGroupMinDays: [...rules.debtGroupMinDays],
    restructuredMinGroup: String(rules.restructuredMinGroup),
    provisionPercent: rules.provisionBp.map((bp) => bp / 100) as RulesDraft['provisionPercent'],
    allocationOrder: rules.allocationOrder.join(','),
  };
}

const whole = (value: number | string) => (value === '' ? Number.NaN : Number(value));
/** Percent as typed (4,8) → basis points (480), exact to the hundredth of a percent. */
const toBasisPoints = (value: number | string) => Math.round(whole(value) * 100);

export function rulesInputOf(draft: RulesDraft): FundRulesInput {
  const [g2, g3, g4, g5] = draft.debtGroupMinDays.map(whole) as [number, number, number, number];
  const [p1, p2, p3, p4, p5] = draft.provisionPercent.map(toBasisPoints) as [number, number, number, number, number];
  return {
    appliesFrom: draft.appliesFrom ?? '',
    lendingRateBp: toBasisPoints(draft.ratePercent),
    maxAmount: draft.maxAmount ?? 0,
    maxTermMonths: whole(draft.maxTermMonths),
    overdueFactorPercent: whole(draft.overdueFactorPercent),
    debtGroupMinDays: [g2, g3, g4, g5],
    restructuredMinGroup: Number(draft.restructuredMinGroup),
    provisionBp: [p1, p2, p3, p4, p5],
    allocationOrder: draft.allocationOrder.split(',') as Component[],
  };
}

type RulesFormProps = {
  draft: RulesDraft;
  onChange: (patch: Partial<RulesDraft>) => void;
  errors: Record<string, string>;
};

/** Rates, limits, debt-group bands, provisions and repayment order of a fund, from a date. */
export function FundRulesForm({ draft, onChange, errors }: RulesFormProps) {
  const { t } = useTranslation();
  const orderLabel = (order: Component[]) => order.map((component) => t(`finance.component.${component}`)).join(' → ');
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <DateField
          label={t('finance.funds.rules.appliesFrom')}
          required
          allowFuture
          value={draft.appliesFrom}
          onChange={(value) => onChange({ appliesFrom: value })}
          error={errors.appliesFrom}
        />
        <NumberInput
          label={t('finance.funds.rules.lendingRate')}
          required
          min={0}
          max={50}
          decimalScale={2}
          decimalSeparator=","
          value={draft.ratePercent}
          onChange={(value) => onChange({ ratePercent: value })}
          error={errors.lendingRateBp}
        />
        <MoneyInput
          label={t('finance.funds.rules.maxAmount')}
          value={draft.maxAmount}
          onChange={(value) => onChange({ maxAmount: value })}
          error={errors.maxAmount}
        />
        <NumberInput
          label={t('finance.funds.rules.maxTerm')}
          required
          min={1}
          max={120}
          allowDecimal={false}
          value={draft.maxTermMonths}
          onChange={(value) => onChange({ maxTermMonths: value })}
          error={errors.maxTermMonths}
        />
        <NumberInput
          label={t('finance.funds.rules.overdueFactor')}
          required
          min={100}
          max={150}
          allowDecimal={false}
          value={draft.overdueFactorPercent}
          onChange={(value) => onChange({ overdueFactorPercent: value })}
          error={errors.overdueFactorPercent}
        />
        <Select
          label={t('finance.funds.rules.restructuredMinGroup')}
          data={['1', '2', '3', '4', '5']}
          value={draft.restructuredMinGroup}
          onChange={(value) => value && onChange({ restructuredMinGroup: value })}
          allowDeselect={false}
        />
      </SimpleGrid>
      <Text size="sm" fw={500}>
        {t('finance.funds.rules.debtGroups')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {draft.debtGroupMinDays.map((days, index) => (
          <NumberInput
            // biome-ignore lint/suspicious/noArrayIndexKey: the four bands are fixed positions
            key={index}
            label={t('finance.funds.rules.groupFrom', { group: index + 2 })}
            min={1}
            max={3650}
            allowDecimal={false}
            value={days}
            onChange={(value) => {
              const next = [...draft.debtGroupMinDays] as RulesDraft['debtGroupMinDays'];
              next[index] = value;
              onChange({ debtGroupMinDays: next });
            }}
          />
        ))}
      </SimpleGrid>
      {errors.debtGroupMinDays && (
        <Text size="xs" c="red.8">
          {errors.debtGroupMinDays}
        </Text>
      )}
      <Text size="sm" fw={500}>
        {t('finance.funds.rules.provisions')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
        {draft.provisionPercent.map((percent, index) => (
          <NumberInput
            // biome-ignore lint/suspicious/noArrayIndexKey: the five groups are fixed positions
            key={index}
            label={t('finance.funds.rules.provisionOf', { group: index + 1 })}
            min={0}
            max={100}
            decimalScale={2}
            decimalSeparator=","
            value={percent}
            onChange={(value) => {
              const next = [...draft.provisionPercent] as RulesDraft['provisionPercent'];
              next[index] = value;
              onChange({ provisionPercent: next });
            }}
          />
        ))}
      </SimpleGrid>
      {errors.provisionBp && (
        <Text size="xs" c="red.8">
          {errors.provisionBp}
        </Text>
      )}
      <Select
        label={t('finance.funds.rules.allocationOrder')}
        data={ORDERS.map((order) => ({ value: order.join(','), label: orderLabel(order) }))}
        value={draft.allocationOrder}
        onChange={(value) => value && onChange({ allocationOrder: value })}
        allowDeselect={false}
        error={errors.allocationOrder}
      />
    </Stack>
  );
}
