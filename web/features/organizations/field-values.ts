import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatMoney } from '../../lib/format.ts';

const ENUM_PREFIX: Record<string, string> = {
  kind: 'organization.kind',
  status: 'organization.status',
  observedStatus: 'organization.status',
  sector: 'organization.sector',
};
const DATE_FIELDS = new Set(['registeredOn', 'observedOn']);
const INSTANT_FIELDS = new Set(['archivedAt', 'createdAt', 'updatedAt']);

/** One recorded value (a history change) as the user reads it; place codes resolve through `placeNames`. */
export function useFieldValueFormatter(placeNames: Map<string, string> = new Map()) {
  const { t } = useTranslation();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('history.emptyValue');
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    const prefix = ENUM_PREFIX[field];
    if (prefix && typeof value === 'string') return t(`${prefix}.${value}`, { defaultValue: value });
    if (field === 'charterCapital' && typeof value === 'number') return formatMoney(value);
    if (DATE_FIELDS.has(field) && typeof value === 'string') return formatDate(value);
    if (INSTANT_FIELDS.has(field) && typeof value === 'string') return formatDateTime(value);
    if ((field === 'communeCode' || field === 'provinceCode') && typeof value === 'string') {
      const name = placeNames.get(value);
      return name ? `${name} (${value})` : value;
    }
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
}

export function useFieldLabel() {
  const { t } = useTranslation();
  return (field: string) => t(`organization.fields.${field}`, { defaultValue: field });
}
