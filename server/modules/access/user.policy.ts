import type { Role } from '../../../contracts/access.ts';
import type { Actor } from '../../platform/access.ts';

/** Only administrators manage accounts; a provincial administrator only those of the province. */
export function canManageUsers(actor: Actor): boolean {
  return actor.role === 'admin';
}

export function canAssignScope(actor: Actor, target: { provinceCode: string | null }): boolean {
  if (!canManageUsers(actor)) return false;
  return actor.provinceCode === null || actor.provinceCode === target.provinceCode;
}

/** Roles whose work needs an organisation to act for. */
export const needsOrganization = (role: Role): boolean => role === 'cooperative';
