import type { Db } from '../../db/database.ts';
import { scopeOf, systemActor } from '../../platform/access.ts';
import { createOrganizationRepository } from './organization.repository.ts';
import { areNearlySame, nameFingerprint } from './organization.rules.ts';

/** The flag is about the commune, whoever wrote to it: read it whole. */
const EVERYWHERE = scopeOf(systemActor);

/**
 * Recomputes the "possible duplicate" flag of every live organisation in these communes after a
 * write there (create, rename, move, archive, merge, import). A commune holds a few dozen
 * organisations, so comparing every pair is cheap; doing it on write keeps list reads free.
 */
export async function refreshDuplicateFlags(db: Db, communeCodes: Iterable<string>, alsoClear: string[] = []): Promise<void> {
  const repository = createOrganizationRepository(db);
  const codes = [...new Set(communeCodes)];
  const flagged: string[] = [];
  const cleared: string[] = [...alsoClear];
  for (let start = 0; start < codes.length; start += 500) {
    const byCommune = new Map<string, Awaited<ReturnType<typeof repository.findNames>>>();
    for (const row of await repository.findNames(EVERYWHERE, { communeCodes: codes.slice(start, start + 500) })) {
      byCommune.set(row.commune_code, [...(byCommune.get(row.commune_code) ?? []), row]);
    }
    for (const neighbours of byCommune.values()) {
      const fingerprints = neighbours.map((organization) => nameFingerprint(organization.name));
      neighbours.forEach((organization, index) => {
        const own = fingerprints[index] ?? new Set<string>();
        const isFlagged = fingerprints.some((other, otherIndex) => otherIndex !== index && areNearlySame(own, other));
        if (isFlagged !== (organization.has_possible_duplicate === 1)) (isFlagged ? flagged : cleared).push(organization.id);
      });
    }
  }
  await repository.setDuplicateFlags(flagged, cleared);
}
