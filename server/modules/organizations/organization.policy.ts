import type { OrganizationInput } from '../../../contracts/organizations.ts';
import { type Actor, isInProvince } from '../../platform/access.ts';

type Target = { id: string; provinceCode: string };

const WRITERS = new Set<Actor['role']>(['admin', 'staff']);

/** Every role reads the registry within its scope; the repository applies the scope. */
export const canReadOrganizations = (_actor: Actor): boolean => true;

export const canCreateOrganization = (actor: Actor, provinceCode: string): boolean =>
  WRITERS.has(actor.role) && isInProvince(actor, provinceCode);

/** A cooperative keeps its own contact details up to date; the registration stays with the Alliance. */
export const COOPERATIVE_EDITABLE_FIELDS = [
  'addressLine',
  'phone',
  'email',
  'website',
  'legalRepresentative',
  'chairName',
  'directorName',
  'controllerName',
] as const satisfies readonly (keyof OrganizationInput)[];

export function canUpdateOrganization(actor: Actor, target: Target, fields: readonly string[]): boolean {
  if (WRITERS.has(actor.role)) return isInProvince(actor, target.provinceCode);
  if (actor.role === 'cooperative' && actor.organizationId === target.id) {
    return fields.every((field) => (COOPERATIVE_EDITABLE_FIELDS as readonly string[]).includes(field));
  }
  return false;
}

export const canArchiveOrganization = (actor: Actor, target: Target): boolean =>
  WRITERS.has(actor.role) && isInProvince(actor, target.provinceCode);

/** Each cooperative reports its own yearly figures; the Alliance's staff enter anyone's in their province. */
export function canSaveAnnualReport(actor: Actor, target: Target): boolean {
  if (WRITERS.has(actor.role)) return isInProvince(actor, target.provinceCode);
  return actor.role === 'cooperative' && actor.organizationId === target.id;
}
