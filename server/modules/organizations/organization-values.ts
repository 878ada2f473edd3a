import type { Organization, OrganizationInput, organizationInputSchema } from '../../../contracts/organizations.ts';
import type { NewOrganizationRow } from '../../db/schema.ts';
import { toSearchText, toSortKey } from '../../platform/search-text.ts';

/** An organisation's values after validation (defaults applied, text trimmed). */
export type OrganizationValues = ReturnType<typeof organizationInputSchema.parse>;

/** Row columns from the values a user entered; the search and sort keys follow from the name. */
export function toRowValues(
  values: OrganizationValues,
  provinceCode: string,
): Omit<NewOrganizationRow, 'id' | 'created_at' | 'updated_at' | 'version'> {
  return {
    kind: values.kind,
    name: values.name,
    short_name: values.shortName ?? null,
    foreign_name: values.foreignName ?? null,
    tax_code: values.taxCode ?? null,
    registered_on: values.registeredOn ?? null,
    registration_authority: values.registrationAuthority ?? null,
    commune_code: values.communeCode,
    province_code: provinceCode,
    address_line: values.addressLine ?? null,
    address_as_imported: values.addressAsImported ?? null,
    status: values.status,
    observed_status: values.observedStatus ?? null,
    observed_on: values.observedOn ?? null,
    sector: values.sector,
    vsic_codes: values.vsicCodes ?? null,
    is_new_model: values.isNewModel ? 1 : 0,
    charter_capital: values.charterCapital ?? null,
    legal_representative: values.legalRepresentative ?? null,
    chair_name: values.chairName ?? null,
    director_name: values.directorName ?? null,
    controller_name: values.controllerName ?? null,
    phone: values.phone ?? null,
    email: values.email ?? null,
    website: values.website ?? null,
    notes: values.notes ?? null,
    archived_at: null,
    archived_reason: null,
    search_text: toSearchText(values.name, values.shortName, values.foreignName, values.taxCode),
    sort_key: toSortKey(values.name),
  };
}

/** What the history shows of an organisation: its own fields, not joined names or bookkeeping. */
export function snapshot(organization: Organization): Record<string, unknown> {
  const { communeName, provinceName, createdAt, updatedAt, version, id, ...fields } = organization;
  return fields;
}

export function inputOf(organization: Organization): OrganizationInput {
  const { communeName, provinceName, createdAt, updatedAt, version, id, archivedAt, archivedReason, provinceCode, ...fields } =
    organization;
  return fields;
}
