import type { Db } from '../db/database.ts';
import { createOrganizationService } from '../modules/organizations/organization.service.ts';
import { createPlacesRepository } from '../modules/places/places.repository.ts';
import { systemActor } from '../platform/access.ts';
import { systemClock } from '../platform/clock.ts';
import { generateOrganizations } from './organization-generator.ts';

/**
 * A realistic demo province: a few hundred organisations over the province's real communes.
 * Does nothing when the province already has organisations, so it can run on every start.
 */
export async function seedDemoProvince(db: Db, options: { provinceCode: string; count: number }): Promise<number> {
  const places = createPlacesRepository(db);
  const organizations = createOrganizationService({ db, places, clock: systemClock });
  const existing = await organizations.findOrganizations(systemActor, {
    provinceCode: options.provinceCode,
    page: 1,
    pageSize: 1,
    sort: 'name',
  });
  if (existing.total > 0) return 0;
  const communes = await places.findCommunes({ tokens: [], provinceCode: options.provinceCode, limit: 1000 });
  if (communes.length === 0) throw new Error(`Không có tỉnh mã ${options.provinceCode}`);
  const generated = generateOrganizations({ count: options.count, communeCodes: communes.map((commune) => commune.code) });
  return organizations.createOrganizations(systemActor, generated);
}
