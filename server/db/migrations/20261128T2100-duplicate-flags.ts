import { type Kysely, sql } from 'kysely';
import { areNearlySame, nameFingerprint } from '../../modules/organizations/organization.rules.ts';

/**
 * Whether a live organisation has a near-namesake in its commune, kept up to date on every write
 * to that commune: the list shows the flag without comparing names on each request. Organisations
 * already registered get their flag here, with the same (pure) comparison the app uses.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('organizations')
    .addColumn('has_possible_duplicate', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
  const { rows } = await sql<{ id: string; name: string; commune_code: string }>`
    select id, name, commune_code from organizations where archived_at is null order by commune_code`.execute(db);
  const byCommune = new Map<string, { id: string; fingerprint: Set<string> }[]>();
  for (const row of rows) {
    byCommune.set(row.commune_code, [...(byCommune.get(row.commune_code) ?? []), { id: row.id, fingerprint: nameFingerprint(row.name) }]);
  }
  const flagged = [...byCommune.values()].flatMap((neighbours) =>
    neighbours
      .filter((one) => neighbours.some((other) => other !== one && areNearlySame(one.fingerprint, other.fingerprint)))
      .map((one) => one.id),
  );
  for (let start = 0; start < flagged.length; start += 500) {
    const ids = flagged.slice(start, start + 500);
    await sql`update organizations set has_possible_duplicate = 1 where id in (${sql.join(ids)})`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
