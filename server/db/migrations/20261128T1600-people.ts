import { type Kysely, sql } from 'kysely';
import { columnTypes, createSearchIndex, dialectOf } from '../dialect.ts';

/** The people who represent or work for organisations, and the positions they hold over time. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const type = columnTypes(dialectOf(db));

  await db.schema
    .createTable('people')
    .addColumn('id', type.id, (column) => column.primaryKey())
    .addColumn('full_name', 'text', (column) => column.notNull())
    .addColumn('gender', 'text')
    .addColumn('birth_year', 'integer')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('notes', 'text')
    .addColumn('province_code', 'text', (column) => column.notNull().references('provinces.code'))
    .addColumn('search_text', 'text', (column) => column.notNull())
    .addColumn('sort_key', type.sortKey, (column) => column.notNull())
    .addColumn('erased_at', type.instant)
    .addColumn('created_at', type.instant, (column) => column.notNull())
    .addColumn('updated_at', type.instant, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();
  // Lists show people not erased, by name, within a province or nationally; pages end with the id.
  await db.schema
    .createIndex('people_live_province_name')
    .on('people')
    .columns(['province_code', 'sort_key', 'id'])
    .where(sql.ref('erased_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('people_live_name')
    .on('people')
    .columns(['sort_key', 'id'])
    .where(sql.ref('erased_at'), 'is', null)
    .execute();
  await createSearchIndex(db, 'people');

  await db.schema
    .createTable('organization_positions')
    .addColumn('id', type.id, (column) => column.primaryKey())
    .addColumn('person_id', type.id, (column) => column.notNull().references('people.id'))
    .addColumn('organization_id', type.id, (column) => column.notNull().references('organizations.id'))
    .addColumn('position', 'text', (column) => column.notNull())
    .addColumn('started_on', type.date)
    .addColumn('ended_on', type.date)
    .addColumn('created_at', type.instant, (column) => column.notNull())
    .addColumn('updated_at', type.instant, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .addCheckConstraint('organization_positions_period', sql`ended_on is null or started_on is null or ended_on >= started_on`)
    .execute();
  await db.schema.createIndex('organization_positions_organization').on('organization_positions').column('organization_id').execute();
  await db.schema.createIndex('organization_positions_person').on('organization_positions').column('person_id').execute();
  // A province sees the people working in its organisations, archived ones included (their history stays).
  await db.schema.createIndex('organizations_province_any').on('organizations').columns(['province_code', 'id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
