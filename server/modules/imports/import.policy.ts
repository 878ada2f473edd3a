import type { Actor } from '../../platform/access.ts';

/** Imports change the registry in bulk: the Alliance's staff and administrators only. */
export const canImport = (actor: Actor): boolean => actor.role === 'admin' || actor.role === 'staff';

/** An import is its author's work in progress; administrators may look at anyone's. */
export const canSeeImport = (actor: Actor, createdBy: string | null): boolean =>
  canImport(actor) && (actor.role === 'admin' || (createdBy !== null && createdBy === actor.userId));
