import { NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Gender, genders, MIN_BIRTH_YEAR } from '../../../contracts/people.ts';
import type { FormState } from '../../lib/use-form-state.ts';
import type { PersonFormValues } from './person-form-values.ts';

type PersonFieldsProps = {
  form: FormState<PersonFormValues>;
  /** Phone, e-mail, birth year and notes are not shown to this reader. */
  isPersonalDataHidden?: boolean;
  autoFocus?: boolean;
};

/** Only what the work needs (Decree 13/2023): no ID number, no home address. */
export function PersonFields({ form, isPersonalDataHidden = false, autoFocus = false }: PersonFieldsProps) {
  const { t } = useTranslation();
  const { values, errors, setValue } = form;
  const label = (field: string) => t(`people.fields.${field}`);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
      <TextInput
        label={label('fullName')}
        aria-label={label('fullName')}
        required
        maxLength={120}
        value={values.fullName}
        onChange={(event) => setValue('fullName', event.currentTarget.value)}
        error={errors.fullName}
        data-autofocus={autoFocus || undefined}
      />
      <Select
        label={label('gender')}
        aria-label={label('gender')}
        data={genders.map((gender) => ({ value: gender, label: t(`people.gender.${gender}`) }))}
        value={values.gender}
        onChange={(value) => setValue('gender', value as Gender | null)}
        error={errors.gender}
        clearable
      />
      {!isPersonalDataHidden && (
        <>
          <NumberInput
            label={label('birthYear')}
            value={values.birthYear ?? ''}
            onChange={(value) => setValue('birthYear', typeof value === 'number' ? value : null)}
            error={errors.birthYear}
            min={MIN_BIRTH_YEAR}
            max={new Date().getFullYear()}
            allowDecimal={false}
            allowNegative={false}
            hideControls
            inputMode="numeric"
          />
          <TextInput
            label={label('phone')}
            type="tel"
            maxLength={20}
            value={values.phone}
            onChange={(event) => setValue('phone', event.currentTarget.value)}
            error={errors.phone}
          />
          <TextInput
            label={label('email')}
            type="email"
            maxLength={200}
            value={values.email}
            onChange={(event) => setValue('email', event.currentTarget.value)}
            error={errors.email}
          />
          <Textarea
            label={label('notes')}
            autosize
            minRows={1}
            maxLength={1000}
            value={values.notes}
            onChange={(event) => setValue('notes', event.currentTarget.value)}
            error={errors.notes}
          />
        </>
      )}
    </SimpleGrid>
  );
}
