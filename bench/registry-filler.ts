import type { Db } from '../server/db/database.ts';
import { createOrganizationService } from '../server/modules/organizations/organization.service.ts';
import { createPlacesRepository } from '../server/modules/places/places.repository.ts';
import { systemActor } from '../server/platform/access.ts';
import { systemClock } from '../server/platform/clock.ts';
import { generateOrganizations } from '../server/seed/organization-generator.ts';

/** Rows per transaction: big enough to amortise the commit, small enough to show progress. */
const BATCH = 5_000;
const UNIT_PREFIX = /^(Xã|Phường|Thị trấn|Đặc khu)\s+/u;

export async function countOrganizations(db: Db): Promise<number> {
  const row = await db
    .selectFrom('organizations')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * The places inside each commune, taken from the communes merged into it in 2025: the names
 * villages and cooperatives still carry. Numbered wards ("Phường 7") are left out.
 */
async function findLocalNames(db: Db): Promise<Record<string, string[]>> {
  const rows = await db.selectFrom('old_communes').select(['new_commune_code', 'old_commune_name']).execute();
  const names: Record<string, Set<string>> = {};
  for (const row of rows) {
    const name = row.old_commune_name.replace(UNIT_PREFIX, '').trim();
    if (name === '' || /\d/.test(name)) continue;
    names[row.new_commune_code] ??= new Set();
    names[row.new_commune_code]?.add(name);
  }
  return Object.fromEntries(Object.entries(names).map(([code, set]) => [code, [...set]]));
}

/**
 * Adds `count` generated organisations over every real commune of the 34 provinces, through the
 * same service the import uses (validation, search and sort keys, audit rows), in batches.
 */
export async function fillRegistry(db: Db, count: number, log: (line: string) => void): Promise<number> {
  const places = createPlacesRepository(db);
  const organizations = createOrganizationService({ db, places, clock: systemClock });
  const communeCodes = [...(await places.findCommuneProvinces()).keys()].sort();
  if (communeCodes.length === 0) throw new Error('No communes: the administrative units are not loaded.');
  const localNames = await findLocalNames(db);
  const startIndex = await countOrganizations(db);
  let created = 0;
  for (let offset = 0; offset < count; offset += BATCH) {
    const rows = generateOrganizations({
      count: Math.min(BATCH, count - offset),
      communeCodes,
      localNames,
      seed: 2025 + startIndex + offset,
      startIndex: startIndex + offset,
    });
    created += await organizations.createOrganizations(systemActor, rows);
    log(`  ${created.toLocaleString('en-US')} / ${count.toLocaleString('en-US')}`);
  }
  return created;
}
