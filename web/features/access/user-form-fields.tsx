import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Role, roles } from '../../../contracts/access.ts';
import { OrganizationSelect } from '../organizations/organization-select.tsx';
import { ProvinceSelect } from '../places/province-select.tsx';

export type UserScopeValues = { role: Role; provinceCode: string | null; organizationId: string | null };

type UserScopeFieldsProps = {
  values: UserScopeValues;
  errors: Partial<Record<keyof UserScopeValues, string>>;
  onChange: (patch: Partial<UserScopeValues>) => void;
};

/** Role and scope: which province a user sees, and for a cooperative account its organisation. */
export function UserScopeFields({ values, errors, onChange }: UserScopeFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Select
        label={t('users.fields.role')}
        aria-label={t('users.fields.role')}
        required
        allowDeselect={false}
        data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        value={values.role}
        onChange={(value) => value && onChange({ role: value as Role })}
        error={errors.role}
      />
      <ProvinceSelect
        label={t('users.fields.province')}
        description={t('users.provinceHint')}
        placeholder={t('users.allProvinces')}
        value={values.provinceCode}
        onChange={(provinceCode) => onChange({ provinceCode })}
        error={errors.provinceCode}
      />
      {values.role === 'cooperative' && (
        <OrganizationSelect
          label={t('users.fields.organization')}
          required
          value={values.organizationId}
          onChange={(organizationId) => onChange({ organizationId })}
          error={errors.organizationId}
        />
      )}
    </>
  );
}
