import { DateInput } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDisplayDate } from '../lib/format.ts';

type DateFieldProps = {
  label: string;
  /** A calendar date, YYYY-MM-DD. */
  value: string | null;
  onChange: (value: string | null) => void;
  error?: ReactNode;
  description?: ReactNode;
  required?: boolean;
  /** Due dates, plans and rules that apply from a day may lie ahead; recorded events never do. */
  allowFuture?: boolean;
};

/** Shows and accepts dd/mm/yyyy, keeps YYYY-MM-DD. */
export function DateField(props: DateFieldProps) {
  const { t } = useTranslation();
  return (
    <DateInput
      label={props.label}
      description={props.description}
      required={props.required}
      error={props.error}
      value={props.value}
      onChange={props.onChange}
      valueFormat="DD/MM/YYYY"
      dateParser={parseDisplayDate}
      placeholder="dd/mm/yyyy"
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      maxDate={props.allowFuture ? undefined : new Date()}
    />
  );
}
