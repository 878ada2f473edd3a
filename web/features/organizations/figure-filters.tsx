import { Checkbox, Fieldset, Select, SimpleGrid } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClassificationBand, classificationBands, MIN_REPORT_YEAR } from '../../../contracts/annual-reports.ts';
import { MoneyInput } from '../../components/money-input.tsx';
import { FIGURE_FILTER_KEYS, type OrganizationListSearch } from './list-search.ts';

type FigureFiltersProps = {
  search: OrganizationListSearch;
  onChange: (patch: Partial<OrganizationListSearch>, options?: { replace?: boolean }) => void;
};

/** Filters on one year's figures: revenue between two amounts, the band, or no figures at all that year. */
export function FigureFilters({ search, onChange }: FigureFiltersProps) {
  const { t } = useTranslation();
  const currentYear = new Date().getFullYear();
  const years = Array.from({ length: currentYear - MIN_REPORT_YEAR + 1 }, (_, index) => String(currentYear - index));
  const year = search.figuresYear;
  const hasNoFigures = search.hasFigures === false;
  const isDisabled = year === undefined;

  return (
    <Fieldset legend={t('organizations.figureFilters')} radius="md" mt="xs" p="sm">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
        <Select
          label={t('organizations.figuresYear')}
          aria-label={t('organizations.figuresYear')}
          placeholder={t('organizations.chooseYear')}
          data={years}
          value={year === undefined ? null : String(year)}
          onChange={(value) =>
            onChange(
              value === null
                ? { figuresYear: undefined, ...Object.fromEntries(FIGURE_FILTER_KEYS.map((key) => [key, undefined])) }
                : { figuresYear: Number(value) },
            )
          }
          searchable
          clearable
        />
        <RevenueInput
          label={t('organizations.revenueMin')}
          value={search.revenueMin}
          disabled={isDisabled || hasNoFigures}
          onCommit={(revenueMin) => onChange({ revenueMin }, { replace: true })}
        />
        <RevenueInput
          label={t('organizations.revenueMax')}
          value={search.revenueMax}
          disabled={isDisabled || hasNoFigures}
          onCommit={(revenueMax) => onChange({ revenueMax }, { replace: true })}
        />
        <Select
          label={t('annualReport.fields.classificationBand')}
          aria-label={t('annualReport.fields.classificationBand')}
          placeholder={t('common.all')}
          data={classificationBands.map((band) => ({ value: band, label: t(`annualReport.band.${band}`) }))}
          value={search.band ?? null}
          onChange={(value) => onChange({ band: (value as ClassificationBand | null) ?? undefined })}
          disabled={isDisabled || hasNoFigures}
          clearable
        />
        <Checkbox
          label={year === undefined ? t('organizations.withoutFiguresNoYear') : t('organizations.withoutFigures', { year })}
          checked={hasNoFigures}
          disabled={isDisabled}
          onChange={(event) =>
            onChange(
              event.currentTarget.checked
                ? { hasFigures: false, revenueMin: undefined, revenueMax: undefined, band: undefined }
                : { hasFigures: undefined },
            )
          }
        />
      </SimpleGrid>
    </Fieldset>
  );
}

type RevenueInputProps = { label: string; value: number | undefined; disabled: boolean; onCommit: (value: number | undefined) => void };

/** An amount typed with thousand separators; the list follows after a pause, not at every digit. */
function RevenueInput({ label, value, disabled, onCommit }: RevenueInputProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<number | null>(value ?? null);
  const committed = useRef(value);
  const commit = useDebouncedCallback((next: number | null) => {
    committed.current = next ?? undefined;
    onCommit(next ?? undefined);
  }, 500);

  // Back/forward or a shared link changed the amount: show it (never undo what is being typed).
  useEffect(() => {
    if (value === committed.current) return;
    committed.current = value;
    setDraft(value ?? null);
  }, [value]);

  return (
    <MoneyInput
      label={label}
      placeholder={disabled ? t('organizations.chooseYearFirst') : undefined}
      disabled={disabled}
      value={draft}
      onChange={(next) => {
        setDraft(next);
        commit(next);
      }}
    />
  );
}
