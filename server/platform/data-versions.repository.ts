import type { Db } from '../db/database.ts';

/** Bodies of data whose every committed change advances a counter (see createVersionTrigger). */
export type DataVersionName = 'registry' | 'access';

/** Every body of data's version, in one read. */
export async function readDataVersions(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom('data_versions').select(['name', 'version']).execute();
  return new Map(rows.map((row) => [row.name, Number(row.version)]));
}
