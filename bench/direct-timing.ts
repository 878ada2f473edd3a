import type { CompiledQuery } from 'kysely';
import type { OrganizationFilters } from '../contracts/organizations.ts';
import type { Db } from '../server/db/database.ts';
import { createOrganizationRepository } from '../server/modules/organizations/organization.repository.ts';
import { createOrganizationService } from '../server/modules/organizations/organization.service.ts';
import { createPlacesRepository } from '../server/modules/places/places.repository.ts';
import { systemClock } from '../server/platform/clock.ts';
import { scopeOf, systemActor } from '../server/platform/access.ts';
import { type TimingSummary, summarise } from './latency-stats.ts';

/**
 * The same work as a request, without HTTP: `findOrganizations` called `runs` times one after
 * another, cycling through the shape's values. Milliseconds per call.
 */
export async function timeRepository(db: Db, filters: OrganizationFilters[], runs: number): Promise<TimingSummary> {
  const repository = createOrganizationRepository(db);
  const scope = scopeOf(systemActor);
  const durations: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await repository.findOrganizations(scope, filters[run % filters.length] as OrganizationFilters);
    durations.push(performance.now() - started);
  }
  return summarise(durations);
}

/** What the route calls: the service, i.e. the repository plus whatever the service adds to a page. */
export async function timeService(db: Db, filters: OrganizationFilters[], runs: number): Promise<TimingSummary> {
  const service = createOrganizationService({ db, places: createPlacesRepository(db), clock: systemClock });
  const durations: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await service.findOrganizations(systemActor, filters[run % filters.length] as OrganizationFilters);
    durations.push(performance.now() - started);
  }
  return summarise(durations);
}

/** The repository's SQL alone (page and count statements of one call), already compiled. */
export async function timeStatements(db: Db, calls: CompiledQuery[][], runs: number): Promise<TimingSummary> {
  const durations: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    for (const statement of calls[run % calls.length] ?? []) await db.executeQuery(statement);
    durations.push(performance.now() - started);
  }
  return summarise(durations);
}
