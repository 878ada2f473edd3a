import { Divider, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Fund, fundKinds } from '../../../contracts/finance.ts';
import { useCurrentUser } from '../../app/session.ts';
import { MoneyInput } from '../../components/money-input.tsx';
import { fieldErrorsOf, ProblemAlert } from '../../components/problem-alert.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { notifySuccess } from '../../lib/error-messages.ts';
import { useCreateFund, useUpdateFund } from './api.ts';
import { defaultRulesDraft, FundRulesForm, type RulesDraft, rulesInputOf } from './fund-rules-form.tsx';
import { FormActions } from '../../components/form-actions.tsx';

type FundKind = Fund['kind'];
type Values = { name: string; kind: FundKind; capital: number | null; notes: string };

const valuesOf = (fund: Fund | null): Values => ({
  name: fund?.name ?? '',
  kind: fund?.kind ?? 'provincial_budget',
  capital: fund?.capital ?? null,
  notes: fund?.notes ?? '',
});

/** The server names a first rule's field `rules.maxAmount`: shown on that field of the rules form. */
function rulesErrorsOf(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  const errors: Record<string, string> = {};
  for (const { field, message } of error.problem.errors ?? []) {
    if (!field.startsWith('rules.')) continue;
    const name = field.slice('rules.'.length).split('.')[0] ?? '';
    errors[name] ??= message;
  }
  return errors;
}

type FundFormModalProps = {
  opened: boolean;
  /** The fund being edited; null opens a new one. */
  fund: Fund | null;
  onClose: () => void;
};

/**
 * Opens a fund (name, source, capital and its first rules) or corrects one, naming the version
 * read: if someone saved first the server answers 409 and the list is read again.
 */
export function FundFormModal({ opened, fund, onClose }: FundFormModalProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const create = useCreateFund();
  const update = useUpdateFund();
  const mutation = fund ? update : create;
  const [values, setValues] = useState<Values>(() => valuesOf(fund));
  const [rules, setRules] = useState<RulesDraft>(defaultRulesDraft);

  useEffect(() => {
    if (!opened) return;
    setValues(valuesOf(fund));
    setRules(defaultRulesDraft());
  }, [opened, fund]);

  const errors = fieldErrorsOf(mutation.error);
  const set = (patch: Partial<Values>) => setValues((current) => ({ ...current, ...patch }));

  const close = () => {
    create.reset();
    update.reset();
    onClose();
  };

  const submit = () => {
    const common = { name: values.name, kind: values.kind, capital: values.capital ?? 0, notes: values.notes };
    if (fund) {
      update.mutate(
        { id: fund.id, version: fund.version, ...common },
        {
          onSuccess: (saved) => {
            notifySuccess(t('finance.funds.edit.done', { name: saved.name }));
            close();
          },
        },
      );
      return;
    }
    create.mutate(
      // The fund belongs to the user's province; a national user opens the central fund.
      { ...common, provinceCode: user.provinceCode, rules: rulesInputOf(rules) },
      {
        onSuccess: (saved) => {
          notifySuccess(t('finance.funds.create.done', { name: saved.name }));
          close();
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={fund ? t('finance.funds.edit.title', { name: fund.name }) : t('finance.funds.create.title')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('finance.funds.fields.name')}
            required
            value={values.name}
            onChange={(event) => set({ name: event.currentTarget.value })}
            error={errors.name}
            maxLength={200}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('finance.funds.fields.kind')}
              data={fundKinds.map((value) => ({ value, label: t(`finance.funds.kind.${value}`) }))}
              value={values.kind}
              onChange={(value) => value && set({ kind: value as FundKind })}
              allowDeselect={false}
              error={errors.kind}
            />
            <MoneyInput
              label={t('finance.funds.fields.capital')}
              value={values.capital}
              onChange={(value) => set({ capital: value })}
              error={errors.capital}
            />
          </SimpleGrid>
          <Textarea
            label={t('finance.funds.fields.notes')}
            autosize
            minRows={2}
            value={values.notes}
            onChange={(event) => set({ notes: event.currentTarget.value })}
            error={errors.notes}
            maxLength={2000}
          />
          {!fund && (
            <>
              <Divider label={t('finance.funds.rules.firstTitle')} labelPosition="left" />
              <FundRulesForm
                draft={rules}
                onChange={(patch) => setRules((current) => ({ ...current, ...patch }))}
                errors={rulesErrorsOf(create.error)}
              />
            </>
          )}
          <ProblemAlert error={mutation.error} staleHint={t('finance.funds.edit.staleHint')} />
          <FormActions
            onCancel={close}
            submitLabel={fund ? t('finance.funds.edit.submit') : t('finance.funds.create.submit')}
            isPending={mutation.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
