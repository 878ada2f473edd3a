import { Checkbox, Modal, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdvisoryCase } from '../../../contracts/advisory.ts';
import { DateField } from '../../components/date-field.tsx';
import { fieldErrorsOf, ProblemAlert } from '../../components/problem-alert.tsx';
import { todayInVietnam } from '../../lib/calendar.ts';
import { notifySuccess } from '../../lib/error-messages.ts';
import { OrganizationSelect } from '../organizations/organization-select.tsx';
import { useRegisterCase } from './api.ts';
import { FormActions } from '../../components/form-actions.tsx';

type Mode = 'create' | 'link';

/**
 * The founded cooperative is registered: enter it into the registry from its certificate, or link
 * the record already there. Either way it is marked founded with the Alliance's support on that day.
 */
export function RegisterModal({ item, onClose }: { item: AdvisoryCase; onClose: () => void }) {
  const { t } = useTranslation();
  const register = useRegisterCase(item.id);
  const [mode, setMode] = useState<Mode>('create');
  const [registeredOn, setRegisteredOn] = useState<string | null>(todayInVietnam());
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [name, setName] = useState(item.groupName ?? '');
  const [taxCode, setTaxCode] = useState('');
  const [authority, setAuthority] = useState('');
  const [representative, setRepresentative] = useState(item.contactName ?? '');
  const [isNewModel, setIsNewModel] = useState(true);
  const errors = fieldErrorsOf(register.error);

  const submit = () =>
    register.mutate(
      mode === 'link'
        ? { version: item.version, registeredOn: registeredOn ?? '', organizationId: organizationId ?? undefined }
        : {
            version: item.version,
            registeredOn: registeredOn ?? '',
            organization: {
              name,
              taxCode: taxCode || null,
              registeredOn,
              registrationAuthority: authority,
              legalRepresentative: representative,
              isNewModel,
            },
          },
      {
        onSuccess: (registered) => {
          notifySuccess(t('advisory.register.done', { name: registered.organization?.name ?? name }));
          onClose();
        },
      },
    );

  return (
    <Modal opened onClose={onClose} title={t('advisory.register.title')} size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('advisory.register.description')}
        </Text>
        <SegmentedControl
          aria-label={t('advisory.register.mode')}
          value={mode}
          onChange={(value) => setMode(value as Mode)}
          data={[
            { value: 'create', label: t('advisory.register.create') },
            { value: 'link', label: t('advisory.register.link') },
          ]}
        />
        <DateField
          label={t('advisory.register.registeredOn')}
          required
          value={registeredOn}
          onChange={setRegisteredOn}
          error={errors.registeredOn}
        />
        {mode === 'link' ? (
          <OrganizationSelect
            label={t('advisory.fields.organization')}
            required
            value={organizationId}
            onChange={setOrganizationId}
            error={errors.organizationId}
          />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('advisory.register.name')}
              required
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors['organization.name']}
            />
            <TextInput
              label={t('advisory.register.taxCode')}
              value={taxCode}
              inputMode="numeric"
              onChange={(event) => setTaxCode(event.currentTarget.value)}
              error={errors['organization.taxCode'] ?? errors.organizationId}
            />
            <TextInput
              label={t('advisory.register.authority')}
              value={authority}
              onChange={(event) => setAuthority(event.currentTarget.value)}
              error={errors['organization.registrationAuthority']}
            />
            <TextInput
              label={t('advisory.register.representative')}
              value={representative}
              onChange={(event) => setRepresentative(event.currentTarget.value)}
              error={errors['organization.legalRepresentative']}
            />
            <Checkbox
              label={t('advisory.register.isNewModel')}
              checked={isNewModel}
              onChange={(event) => setIsNewModel(event.currentTarget.checked)}
            />
          </SimpleGrid>
        )}
        <ProblemAlert error={register.error} staleHint={t('advisory.staleHint')} />
        <FormActions onCancel={onClose} onSubmit={submit} submitLabel={t('advisory.register.submit')} isPending={register.isPending} />
      </Stack>
    </Modal>
  );
}
