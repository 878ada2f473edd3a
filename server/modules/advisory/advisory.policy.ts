import { type Actor, isInProvince } from '../../platform/access.ts';

const WRITERS = new Set<Actor['role']>(['admin', 'staff']);

/** Every role reads the cases in its scope (a cooperative: its own organisation's); the repository applies it. */
export const canReadAdvisoryCases = (_actor: Actor): boolean => true;

/** Opening, editing, moving and registering cases, logging work and attaching files: the province's staff. */
export const canWriteAdvisoryCase = (actor: Actor, provinceCode: string): boolean =>
  WRITERS.has(actor.role) && isInProvince(actor, provinceCode);

/** Choosing an assigned officer: the Alliance's own people (not a viewer or a cooperative). */
export const canListOfficers = (actor: Actor): boolean => actor.role === 'admin' || actor.role === 'staff' || actor.role === 'leader';

/** The founding group's contact phone is personal data: not for viewers (Decree 13/2023). */
export const canSeeCaseContact = (actor: Actor): boolean => actor.role !== 'viewer';

/** A case is assigned to an active admin or staff member who works in its province (or nationally). */
export function canBeAssignedCase(
  user: { role: Actor['role']; provinceCode: string | null; isActive: boolean },
  provinceCode: string,
): boolean {
  return user.isActive && WRITERS.has(user.role) && (user.provinceCode === null || user.provinceCode === provinceCode);
}
