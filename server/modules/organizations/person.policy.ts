import { type Actor, isInProvince } from '../../platform/access.ts';

type Role = Actor['role'];

/** A person as access decisions see them: who keeps the record and where they hold positions. */
export type PersonTarget = {
  provinceCode: string;
  positions: readonly { organizationId: string; organizationProvinceCode: string; isCurrent: boolean }[];
};

type OrganizationTarget = { id: string; provinceCode: string };

const WRITERS = new Set<Role>(['admin', 'staff']);
/** Roles that see phone, e-mail, birth year and notes of everyone in their scope. */
const PERSONAL_DATA_READERS = new Set<Role>(['admin', 'staff', 'leader']);

const holdsCurrentPositionIn = (target: Pick<PersonTarget, 'positions'>, organizationId: string | null): boolean =>
  organizationId !== null && target.positions.some((position) => position.isCurrent && position.organizationId === organizationId);

/** Roles that may ever change people; the target decides the rest. Others are refused before any lookup. */
export const canEditPeople = (actor: Actor): boolean => WRITERS.has(actor.role) || actor.role === 'cooperative';

/** Registering people, erasing and exporting their data (a data subject's request to the Alliance): its staff. */
export const canManagePeople = (actor: Actor): boolean => WRITERS.has(actor.role);

/** A phone number found by its digits tells whose it is: only for those who see everyone's phone numbers. */
export const canSearchByPhone = (actor: Actor): boolean => PERSONAL_DATA_READERS.has(actor.role);

export const canCreatePerson = (actor: Actor, provinceCode: string): boolean =>
  WRITERS.has(actor.role) && isInProvince(actor, provinceCode);

/**
 * Staff edit people their province keeps or who hold a position in one of its organisations; a
 * cooperative edits those who currently hold a position with it.
 */
export function canUpdatePerson(actor: Actor, target: PersonTarget): boolean {
  if (WRITERS.has(actor.role)) {
    return (
      isInProvince(actor, target.provinceCode) ||
      target.positions.some((position) => isInProvince(actor, position.organizationProvinceCode))
    );
  }
  return actor.role === 'cooperative' && holdsCurrentPositionIn(target, actor.organizationId);
}

/** Erasure changes what every province sees, so only the province keeping the record carries it out. */
export const canErasePerson = (actor: Actor, target: PersonTarget): boolean =>
  WRITERS.has(actor.role) && isInProvince(actor, target.provinceCode);

export const canExportPersonalData = (actor: Actor, target: PersonTarget): boolean =>
  canManagePeople(actor) && canUpdatePerson(actor, target);

/**
 * Phone, e-mail, birth year and notes (Decree 13/2023: restrict who sees them): the Alliance's
 * staff and leaders; a cooperative for its current people only; never a viewer.
 */
export function canSeePersonalData(actor: Actor, target: Pick<PersonTarget, 'positions'>): boolean {
  if (PERSONAL_DATA_READERS.has(actor.role)) return true;
  return actor.role === 'cooperative' && holdsCurrentPositionIn(target, actor.organizationId);
}

/** Who may record or change positions in an organisation: its province's staff, or the cooperative itself. */
export function canSavePosition(actor: Actor, organization: OrganizationTarget): boolean {
  if (WRITERS.has(actor.role)) return isInProvince(actor, organization.provinceCode);
  return actor.role === 'cooperative' && actor.organizationId === organization.id;
}
