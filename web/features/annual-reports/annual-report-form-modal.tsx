import { Fieldset, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AnnualReport, MIN_REPORT_YEAR, notRatedReasons } from '../../../contracts/annual-reports.ts';
import { MoneyInput } from '../../components/money-input.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { notify, notifyError, notifySuccess } from '../../lib/error-messages.ts';
import { fieldErrorsFromProblem } from '../../lib/field-errors.ts';
import { formatScore } from '../../lib/format.ts';
import { useFormState } from '../../lib/use-form-state.ts';
import { SaveProblemAlert } from '../organizations/save-problem-alert.tsx';
import type { SaveProblem } from '../organizations/use-save-organization.tsx';
import { annualReportsQuery, useClassificationRubrics, useSaveAnnualReport } from './api.ts';
import { type AnnualReportFormValues, bandForScore, validateAnnualReport, valuesFromReport } from './annual-report-values.ts';
import { BandBadge } from './band-badge.tsx';
import { type FigureField, figureGroups } from './options.ts';
import { FormActions } from '../../components/form-actions.tsx';

type AnnualReportFormModalProps = {
  organizationId: string;
  organizationName: string;
  /** The year to change; null to enter a year not on record yet. */
  report: AnnualReport | null;
  /** Years already on record (a new entry picks another). */
  recordedYears: number[];
  onClose: () => void;
};

const toCount = (value: string | number): number | null => {
  if (typeof value === 'number') return value;
  const count = Number(value);
  return value === '' || !Number.isFinite(count) ? null : count;
};

/** Enter or change one year's figures; the band follows from the score when saved. */
export function AnnualReportFormModal({ organizationId, organizationName, report, recordedYears, onClose }: AnnualReportFormModalProps) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  const isPhone = useMediaQuery(`(max-width: ${theme.breakpoints.sm})`);
  const queryClient = useQueryClient();
  const currentYear = new Date().getFullYear();
  const freeYears = Array.from({ length: currentYear - MIN_REPORT_YEAR + 1 }, (_, index) => currentYear - index).filter(
    (year) => !recordedYears.includes(year),
  );
  const [baseline, setBaseline] = useState<AnnualReport | null>(report);
  const [year, setYear] = useState<number | null>(report?.year ?? freeYears.find((candidate) => candidate < currentYear) ?? null);
  const [yearError, setYearError] = useState<string | null>(null);
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const [isReloading, setIsReloading] = useState(false);
  const form = useFormState<AnnualReportFormValues>(valuesFromReport(report));
  const save = useSaveAnnualReport(organizationId);
  const rubrics = useClassificationRubrics();
  const formRef = useRef<HTMLFormElement>(null);
  const { values, errors, setValue } = form;

  const label = (field: string) => t(`annualReport.fields.${field}`);
  const focusFirstError = () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const submit = () => {
    setProblem(null);
    if (year === null) {
      setYearError(t('annualReport.validation.year'));
      focusFirstError();
      return;
    }
    const result = validateAnnualReport(values, baseline?.version);
    if (result.errors) {
      form.setErrors(result.errors);
      focusFirstError();
      return;
    }
    save.mutate(
      { year, body: result.body },
      {
        onSuccess: (saved) => {
          notifySuccess(t('annualReport.saved', { year: saved.year }));
          onClose();
        },
        onError: (error) => {
          if (!isApiError(error)) return notifyError(error);
          const answer = error.problem;
          if (error.status === 400 && answer.errors?.length) {
            const fieldErrors = fieldErrorsFromProblem(answer);
            if (fieldErrors.year) setYearError(fieldErrors.year);
            form.setErrors(fieldErrors);
            const unplaced = Object.entries(fieldErrors).filter(([field]) => field !== 'year' && !(field in values));
            notify({
              color: 'red',
              title: t('errors.checkFields'),
              message: unplaced.length > 0 ? unplaced.map(([, message]) => message).join(' ') : (answer.detail ?? answer.title),
            });
            focusFirstError();
            return;
          }
          if (error.status === 409 && answer.code === 'version_conflict') {
            setProblem({ kind: 'version_conflict', message: answer.detail ?? answer.title });
            return;
          }
          notifyError(error);
        },
      },
    );
  };

  const loadLatest = async () => {
    if (year === null) return;
    setIsReloading(true);
    try {
      const latest = await queryClient.fetchQuery({ ...annualReportsQuery(organizationId), staleTime: 0 });
      const latestReport = latest.items.find((item) => item.year === year) ?? null;
      setBaseline(latestReport);
      form.reset(valuesFromReport(latestReport));
      setProblem(null);
    } catch (error) {
      notifyError(error);
    } finally {
      setIsReloading(false);
    }
  };

  const confirmLoadLatest = () =>
    modals.openConfirmModal({
      title: t('conflict.reload'),
      centered: true,
      children: t('conflict.reloadConfirm'),
      labels: { confirm: t('conflict.reload'), cancel: t('common.cancel') },
      onConfirm: () => void loadLatest(),
    });

  const figureInput = (field: FigureField, kind: string): ReactNode => {
    if (kind === 'money' || kind === 'signedMoney') {
      return (
        <MoneyInput
          key={field}
          label={label(field)}
          value={values[field] as number | null}
          onChange={(value) => setValue(field, value)}
          error={errors[field]}
          allowNegative={kind === 'signedMoney'}
          description={kind === 'signedMoney' ? t('annualReport.lossHint') : undefined}
        />
      );
    }
    if (kind === 'boolean') {
      const value = values[field];
      return (
        <Select
          key={field}
          label={label(field)}
          aria-label={label(field)}
          placeholder={t('annualReport.unknown')}
          data={[
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]}
          value={value === null ? null : String(value)}
          onChange={(next) => setValue(field, next === null ? null : next === 'true')}
          error={errors[field]}
          clearable
        />
      );
    }
    return (
      <NumberInput
        key={field}
        label={label(field)}
        value={(values[field] as number | null) ?? ''}
        onChange={(value) => setValue(field, toCount(value))}
        error={errors[field]}
        thousandSeparator="."
        decimalSeparator=","
        allowDecimal={false}
        allowNegative={false}
        min={0}
        clampBehavior="strict"
        hideControls
        inputMode="numeric"
      />
    );
  };

  const expectedBand = year === null ? null : bandForScore(rubrics.data ?? [], year, values.classificationScore, values.notRatedReason);

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      fullScreen={isPhone}
      title={
        baseline
          ? t('annualReport.editTitle', { year: baseline.year, name: organizationName })
          : t('annualReport.createTitle', { name: organizationName })
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          {!baseline && (
            <Select
              label={t('annualReport.year')}
              aria-label={t('annualReport.year')}
              required
              searchable
              data={freeYears.map((candidate) => String(candidate))}
              value={year === null ? null : String(year)}
              onChange={(value) => {
                setYear(value === null ? null : Number(value));
                setYearError(null);
              }}
              error={yearError}
              allowDeselect={false}
              maw={200}
              data-autofocus
            />
          )}
          {figureGroups.map((group) => (
            <Fieldset key={group.key} legend={t(`annualReport.groups.${group.key}`)} radius="md">
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" verticalSpacing="xs" style={{ alignItems: 'end' }}>
                {group.fields.map((item) => figureInput(item.field, item.kind))}
              </SimpleGrid>
            </Fieldset>
          ))}
          <Fieldset legend={t('annualReport.groups.classification')} radius="md">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" verticalSpacing="xs" style={{ alignItems: 'end' }}>
              <NumberInput
                label={label('classificationScore')}
                description={t('annualReport.scoreHint')}
                value={values.classificationScore ?? ''}
                onChange={(value) => setValue('classificationScore', toCount(value))}
                error={errors.classificationScore}
                decimalSeparator=","
                decimalScale={2}
                allowNegative={false}
                min={0}
                max={100}
                clampBehavior="strict"
                hideControls
                inputMode="decimal"
              />
              <Select
                label={label('notRatedReason')}
                aria-label={label('notRatedReason')}
                description={t('annualReport.notRatedHint')}
                placeholder={t('annualReport.rated')}
                data={notRatedReasons.map((reason) => ({ value: reason, label: t(`annualReport.notRatedReason.${reason}`) }))}
                value={values.notRatedReason}
                onChange={(value) => setValue('notRatedReason', value as AnnualReportFormValues['notRatedReason'])}
                error={errors.notRatedReason}
                clearable
              />
              <Stack gap={4} justify="center">
                <Text size="sm" fw={500}>
                  {label('classificationBand')}
                </Text>
                {expectedBand ? (
                  <Group gap="xs">
                    <BandBadge band={expectedBand} />
                    {values.classificationScore !== null && (
                      <Text size="xs" c="dimmed">
                        {t('annualReport.bandFromScore', { score: formatScore(values.classificationScore) })}
                      </Text>
                    )}
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    {values.notRatedReason ? t('annualReport.notRated') : t('annualReport.noScore')}
                  </Text>
                )}
              </Stack>
            </SimpleGrid>
          </Fieldset>
          <Textarea
            label={label('notes')}
            autosize
            minRows={2}
            maxLength={1000}
            value={values.notes}
            onChange={(event) => setValue('notes', event.currentTarget.value)}
            error={errors.notes}
          />
          <SaveProblemAlert problem={problem} onReloadLatest={confirmLoadLatest} isReloading={isReloading} />
          <FormActions onCancel={onClose} submitLabel={t('common.save')} isPending={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
