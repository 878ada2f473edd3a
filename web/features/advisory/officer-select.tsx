import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOfficers } from './api.ts';

type OfficerSelectProps = {
  label: string;
  value: string | null;
  onChange: (officerId: string | null) => void;
  error?: string;
  placeholder?: string;
  clearable?: boolean;
  /** The current officer, offered even when no longer on the list (moved, deactivated). */
  current?: { id: string; name: string };
};

/** The Alliance's staff of the province a case may be assigned to. */
export function OfficerSelect(props: OfficerSelectProps) {
  const { t } = useTranslation();
  const officers = useOfficers();
  const data = (officers.data?.items ?? []).map((officer) => ({ value: officer.id, label: officer.name }));
  if (props.current && !data.some((item) => item.value === props.current?.id)) {
    data.unshift({ value: props.current.id, label: props.current.name });
  }
  return (
    <Select
      label={props.label}
      placeholder={props.placeholder ?? t('advisory.fields.officerPlaceholder')}
      searchable
      clearable={props.clearable}
      data={data}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      nothingFoundMessage={t('advisory.fields.noOfficer')}
    />
  );
}
