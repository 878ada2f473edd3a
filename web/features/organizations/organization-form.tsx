import { Checkbox, Fieldset, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationKind, OrganizationStatus, Sector } from '../../../contracts/organizations.ts';
import { DateField } from '../../components/date-field.tsx';
import { MoneyInput } from '../../components/money-input.tsx';
import type { FormState } from '../../lib/use-form-state.ts';
import { CommuneSelect } from '../places/commune-select.tsx';
import type { OrganizationField, OrganizationFormValues } from './organization-form-values.ts';
import { useOrganizationOptions } from './options.ts';
import { FormActions } from '../../components/form-actions.tsx';

type OrganizationFormProps = {
  form: FormState<OrganizationFormValues>;
  /** A province-scoped user picks communes of their province only. */
  scopedProvinceCode?: string;
  initialCommune?: { label: string; provinceName: string };
  isSaving: boolean;
  /** Returns false when the values did not pass the checks, so the first wrong field gets focus. */
  onSubmit: () => boolean | undefined;
  onCancel: () => void;
  /** A refusal to show above the buttons (duplicate tax code, someone else saved first). */
  alert?: ReactNode;
};

const TEXT_LIMITS: Partial<Record<OrganizationField, number>> = {
  name: 300,
  shortName: 100,
  foreignName: 300,
  registrationAuthority: 200,
  addressLine: 300,
  vsicCodes: 200,
  legalRepresentative: 120,
  chairName: 120,
  directorName: 120,
  controllerName: 120,
  phone: 20,
  email: 200,
  website: 200,
  notes: 2000,
};

export function OrganizationForm(props: OrganizationFormProps) {
  const { t } = useTranslation();
  const options = useOrganizationOptions();
  const { values, errors, setValue } = props.form;
  const [provinceName, setProvinceName] = useState(props.initialCommune?.provinceName ?? '');
  const formRef = useRef<HTMLFormElement>(null);

  const label = (field: string) => t(`organization.fields.${field}`);
  const textField = (field: OrganizationField, extra: { required?: boolean; description?: string; type?: string } = {}) => (
    <TextInput
      label={label(field)}
      value={values[field] as string}
      onChange={(event) => setValue(field, event.currentTarget.value)}
      error={errors[field]}
      maxLength={TEXT_LIMITS[field]}
      aria-label={extra.required ? label(field) : undefined}
      {...extra}
    />
  );

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (props.onSubmit() === false) {
          requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
        }
      }}
    >
      <Stack gap="md">
        <Fieldset legend={t('organization.sections.registration')} radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
            <Select
              label={label('kind')}
              aria-label={label('kind')}
              required
              data={options.kinds}
              value={values.kind}
              onChange={(value) => setValue('kind', value as OrganizationKind | null)}
              error={errors.kind}
              allowDeselect={false}
            />
            {textField('name', { required: true })}
            {textField('shortName')}
            {textField('foreignName')}
            {textField('taxCode', { description: t('organizationForm.taxCodeHint') })}
            <DateField
              label={label('registeredOn')}
              value={values.registeredOn}
              onChange={(value) => setValue('registeredOn', value)}
              error={errors.registeredOn}
            />
            {textField('registrationAuthority')}
            <MoneyInput
              label={label('charterCapital')}
              value={values.charterCapital}
              onChange={(value) => setValue('charterCapital', value)}
              error={errors.charterCapital}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('organization.sections.address')} radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
            <CommuneSelect
              label={label('commune')}
              required
              value={values.communeCode}
              selectedLabel={props.initialCommune?.label}
              provinceCode={props.scopedProvinceCode}
              error={errors.communeCode}
              description={t('organizationForm.communeHint')}
              onChange={(commune) => {
                setValue('communeCode', commune?.code ?? null);
                setProvinceName(commune?.provinceName ?? '');
              }}
            />
            <TextInput
              label={label('province')}
              description={t('organizationForm.provinceHint')}
              value={provinceName}
              readOnly
              variant="filled"
            />
          </SimpleGrid>
          <Stack mt="xs">{textField('addressLine')}</Stack>
        </Fieldset>

        <Fieldset legend={t('organization.sections.activity')} radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
            <Select
              label={label('status')}
              aria-label={label('status')}
              required
              data={options.statuses}
              value={values.status}
              onChange={(value) => value && setValue('status', value as OrganizationStatus)}
              error={errors.status}
              allowDeselect={false}
            />
            <Select
              label={label('sector')}
              aria-label={label('sector')}
              required
              data={options.sectors}
              value={values.sector}
              onChange={(value) => setValue('sector', value as Sector | null)}
              error={errors.sector}
              allowDeselect={false}
            />
            <Select
              label={label('observedStatus')}
              description={t('organizationForm.observedStatusHint')}
              data={options.statuses}
              value={values.observedStatus}
              onChange={(value) => setValue('observedStatus', value as OrganizationStatus | null)}
              error={errors.observedStatus}
              clearable
            />
            <DateField
              label={label('observedOn')}
              value={values.observedOn}
              onChange={(value) => setValue('observedOn', value)}
              error={errors.observedOn}
            />
            {textField('vsicCodes', { description: t('organizationForm.vsicHint') })}
            <Checkbox
              label={label('isNewModel')}
              description={t('organizationForm.newModelHint')}
              checked={values.isNewModel}
              onChange={(event) => setValue('isNewModel', event.currentTarget.checked)}
              error={errors.isNewModel}
              mt={{ base: 0, sm: 'lg' }}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('organization.sections.people')} radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
            {textField('legalRepresentative')}
            {textField('chairName')}
            {textField('directorName')}
            {textField('controllerName')}
            {textField('phone', { type: 'tel' })}
            {textField('email', { type: 'email' })}
            {textField('website')}
          </SimpleGrid>
        </Fieldset>

        <Textarea
          label={label('notes')}
          autosize
          minRows={3}
          maxLength={TEXT_LIMITS.notes}
          value={values.notes}
          onChange={(event) => setValue('notes', event.currentTarget.value)}
          error={errors.notes}
        />

        {props.alert}

        <FormActions onCancel={props.onCancel} submitLabel={t('common.save')} isPending={props.isSaving} />
      </Stack>
    </form>
  );
}
