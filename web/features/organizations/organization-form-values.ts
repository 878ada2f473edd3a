import {
  createOrganizationSchema,
  type Organization,
  type OrganizationInput,
  type OrganizationKind,
  type OrganizationStatus,
  type Sector,
  type UpdateOrganization,
  updateOrganizationSchema,
} from '../../../contracts/organizations.ts';
import { translateValidationMessage } from '../../lib/validation-messages.ts';
import { fieldErrorsFromIssues } from '../../lib/field-errors.ts';

/** What the form holds: text boxes keep "" where the record keeps null. */
export type OrganizationFormValues = {
  kind: OrganizationKind | null;
  name: string;
  shortName: string;
  foreignName: string;
  taxCode: string;
  registeredOn: string | null;
  registrationAuthority: string;
  communeCode: string | null;
  addressLine: string;
  status: OrganizationStatus;
  observedStatus: OrganizationStatus | null;
  observedOn: string | null;
  sector: Sector | null;
  vsicCodes: string;
  isNewModel: boolean;
  charterCapital: number | null;
  legalRepresentative: string;
  chairName: string;
  directorName: string;
  controllerName: string;
  phone: string;
  email: string;
  website: string;
  notes: string;
};

export type OrganizationField = keyof OrganizationFormValues;

export const emptyOrganizationValues: OrganizationFormValues = {
  kind: 'cooperative',
  name: '',
  shortName: '',
  foreignName: '',
  taxCode: '',
  registeredOn: null,
  registrationAuthority: '',
  communeCode: null,
  addressLine: '',
  status: 'active',
  observedStatus: null,
  observedOn: null,
  sector: null,
  vsicCodes: '',
  isNewModel: false,
  charterCapital: null,
  legalRepresentative: '',
  chairName: '',
  directorName: '',
  controllerName: '',
  phone: '',
  email: '',
  website: '',
  notes: '',
};

export function valuesFromOrganization(organization: Organization): OrganizationFormValues {
  const values = { ...emptyOrganizationValues };
  for (const field of Object.keys(values) as OrganizationField[]) {
    const stored = organization[field];
    const blank = emptyOrganizationValues[field];
    (values as Record<string, unknown>)[field] = stored === null && typeof blank === 'string' ? '' : stored;
  }
  return values;
}

/** The request body the values stand for: trimmed, blanks as null. */
function toInput(values: OrganizationFormValues): Record<OrganizationField, unknown> {
  const input = {} as Record<OrganizationField, unknown>;
  for (const [field, value] of Object.entries(values) as [OrganizationField, unknown][]) {
    const trimmed = typeof value === 'string' ? value.trim() : value;
    input[field] = trimmed === '' ? null : trimmed;
  }
  input.name = values.name.trim();
  return input;
}

/** Client-side messages in the chosen language; the server checks again and has the last word. */
const translateIssue = (field: string, message: string) => translateValidationMessage('validation', field, message);

export function validateNewOrganization(
  values: OrganizationFormValues,
): { body: OrganizationInput; errors: null } | { body: null; errors: Record<string, string> } {
  const body = toInput(values);
  const result = createOrganizationSchema.safeParse(body);
  if (!result.success) return { body: null, errors: fieldErrorsFromIssues(result.error.issues, translateIssue) };
  return { body: body as OrganizationInput, errors: null };
}

/** Only what the user changed, with the version they read: nobody else's change is overwritten. */
export function validateOrganizationChanges(
  baseline: Organization,
  values: OrganizationFormValues,
): { body: UpdateOrganization; errors: null; changedCount: number } | { body: null; errors: Record<string, string> } {
  const before = toInput(valuesFromOrganization(baseline));
  const after = toInput(values);
  const changes: Record<string, unknown> = {};
  for (const field of Object.keys(after) as OrganizationField[]) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) changes[field] = after[field];
  }
  const body = { version: baseline.version, ...changes };
  const result = updateOrganizationSchema.safeParse(body);
  if (!result.success) return { body: null, errors: fieldErrorsFromIssues(result.error.issues, translateIssue) };
  return { body: body as UpdateOrganization, errors: null, changedCount: Object.keys(changes).length };
}
