import { useTranslation } from 'react-i18next';
import { useFieldValueFormatter } from '../organizations/field-values.ts';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { figureGroups } from '../annual-reports/options.ts';

const MONEY_FIGURES = new Set(
  figureGroups.flatMap((group) =>
    group.fields.filter((item) => item.kind === 'money' || item.kind === 'signedMoney').map((item) => item.field),
  ),
);

/** "revenue (2024)" → the field and the year of the figure it belongs to. */
function splitField(field: string): { name: string; year: string | null } {
  const match = /^(\w+) \((\d{4})\)$/.exec(field);
  return match ? { name: match[1] ?? field, year: match[2] ?? null } : { name: field, year: null };
}

/** Names for what an import column or change is about: a registry field, a yearly figure, or a column of its own. */
export function useImportFieldLabel() {
  const { t, i18n } = useTranslation();
  return (field: string): string => {
    const { name, year } = splitField(field);
    const key = ['organization.fields', 'annualReport.fields', 'imports.fields', 'people.fields']
      .map((prefix) => `${prefix}.${name}`)
      .find((candidate) => i18n.exists(candidate));
    const label = key ? t(key) : name;
    return year ? `${label} (${year})` : label;
  };
}

/** A value before or after a change, as the user reads it. */
export function useImportValueFormatter() {
  const { t } = useTranslation();
  const formatOrganizationValue = useFieldValueFormatter();
  return (field: string, value: unknown): string => {
    const { name } = splitField(field);
    if (MONEY_FIGURES.has(name as never) && typeof value === 'number') return formatMoney(value);
    // A people import changes a person's gender and the dates of a position.
    if (name === 'gender' && typeof value === 'string') return t(`people.gender.${value}`);
    if ((name === 'startedOn' || name === 'endedOn') && typeof value === 'string') return formatDate(value);
    return formatOrganizationValue(name, value);
  };
}
