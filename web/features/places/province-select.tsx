import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { accentInsensitiveFilter } from '../../components/accent-insensitive-filter.ts';
import { useProvinces } from './api.ts';

type ProvinceSelectProps = {
  label: string;
  value: string | null;
  onChange: (provinceCode: string | null) => void;
  placeholder?: string;
  error?: string;
  description?: string;
};

export function ProvinceSelect(props: ProvinceSelectProps) {
  const { t } = useTranslation();
  const provinces = useProvinces();
  const data = (provinces.data ?? []).map((province) => ({ value: province.code, label: province.fullName }));
  return (
    <Select
      label={props.label}
      description={props.description}
      placeholder={props.placeholder}
      error={props.error}
      data={data}
      value={props.value}
      onChange={props.onChange}
      searchable
      filter={accentInsensitiveFilter}
      clearable
      nothingFoundMessage={t('places.noProvince')}
      disabled={provinces.isError}
    />
  );
}
