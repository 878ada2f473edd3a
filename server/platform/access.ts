import type { Role } from '../../contracts/access.ts';
import { forbidden } from './errors.ts';

/** Who is acting: a logged-in user, an API token's user, or the command line. */
export type Actor = {
  userId: string | null;
  username: string;
  displayName: string;
  role: Role;
  /** null: all provinces. */
  provinceCode: string | null;
  /** Set for a cooperative's own account. */
  organizationId: string | null;
};

declare const scopeBrand: unique symbol;

/**
 * What an actor may see, minted only here from a proven actor. Every repository read requires
 * one, so a query that forgets the province does not compile.
 */
export type ReadScope = {
  readonly provinceCode: string | null;
  readonly organizationId: string | null;
  readonly [scopeBrand]: true;
};

export function scopeOf(actor: Actor): ReadScope {
  return {
    provinceCode: actor.provinceCode,
    organizationId: actor.role === 'cooperative' ? (actor.organizationId ?? 'none') : null,
  } as ReadScope;
}

/** The command line and system jobs act for the whole installation. */
export const systemActor: Actor = {
  userId: null,
  username: 'system',
  displayName: 'Hệ thống',
  role: 'admin',
  provinceCode: null,
  organizationId: null,
};

export function isInProvince(actor: Actor, provinceCode: string): boolean {
  return actor.provinceCode === null || actor.provinceCode === provinceCode;
}

export function assertAllowed(allowed: boolean): asserts allowed {
  if (!allowed) throw forbidden();
}
