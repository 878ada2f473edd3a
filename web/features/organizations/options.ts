import { useTranslation } from 'react-i18next';
import { type OrganizationStatus, organizationKinds, organizationStatuses, sectors } from '../../../contracts/organizations.ts';

/** Select data for the registry's enums, labelled in the current language. */
export function useOrganizationOptions() {
  const { t } = useTranslation();
  return {
    kinds: organizationKinds.map((value) => ({ value, label: t(`organization.kind.${value}`) })),
    statuses: organizationStatuses.map((value) => ({ value, label: t(`organization.status.${value}`) })),
    sectors: sectors.map((value) => ({ value, label: t(`organization.sector.${value}`) })),
  };
}

export const statusColors: Record<OrganizationStatus, string> = {
  active: 'green',
  suspended: 'yellow',
  dissolving: 'orange',
  dissolved: 'gray',
  inactive: 'grape',
  revoked: 'red',
  bankrupt: 'red',
};
