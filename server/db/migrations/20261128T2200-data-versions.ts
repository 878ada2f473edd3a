import { type Kysely, sql } from 'kysely';
import { createVersionTrigger } from '../dialect.ts';

/**
 * A counter per body of data that advances with every committed change to it: the registry list
 * caches its pages under the counter it read, so a page is served from memory only while nothing
 * it depends on — organisations, their yearly figures, the names of places — has changed, on this
 * instance or any other.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('data_versions')
    .addColumn('name', 'text', (column) => column.primaryKey())
    .addColumn('version', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('last_transaction', 'bigint')
    .execute();
  await sql`insert into data_versions (name, version) values ('registry', 0)`.execute(db);
  for (const table of ['organizations', 'annual_reports', 'communes', 'provinces']) await createVersionTrigger(db, table, 'registry');
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
