import { type Actor, isInProvince } from '../../platform/access.ts';

const WRITERS = new Set<Actor['role']>(['admin', 'staff']);

/** Every role reads memberships and dues in its scope (a cooperative: its own); the repository applies it. */
export const canReadMemberships = (_actor: Actor): boolean => true;

/** Admitting members, recording their leaving and their dues: the staff of the member's province. */
export const canWriteMembership = (actor: Actor, provinceCode: string): boolean =>
  WRITERS.has(actor.role) && isInProvince(actor, provinceCode);

/** Setting a year's dues for every member at once: staff for their province; all provinces only for a national account. */
export const canAssessDues = (actor: Actor, provinceCode: string | null): boolean =>
  WRITERS.has(actor.role) && (provinceCode === null ? actor.provinceCode === null : isInProvince(actor, provinceCode));
