import type { Db } from '../db/database.ts';

/** The version of a body of data ("registry"): it advances with every committed change to it. */
export async function readDataVersion(db: Db, name: 'registry'): Promise<number> {
  const row = await db.selectFrom('data_versions').select('version').where('name', '=', name).executeTakeFirstOrThrow();
  return Number(row.version);
}
