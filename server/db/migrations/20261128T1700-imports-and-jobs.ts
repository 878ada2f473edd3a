import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const type = columnTypes(dialectOf(db));

  // Files live in the database so that any app instance can serve any of them.
  await db.schema
    .createTable('files')
    .addColumn('id', type.id, (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('content_type', 'text', (column) => column.notNull())
    .addColumn('size', 'integer', (column) => column.notNull())
    .addColumn('content', type.binary, (column) => column.notNull())
    .addColumn('created_by', type.id)
    .addColumn('created_at', type.instant, (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', type.id, (column) => column.primaryKey())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('done', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('total', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('message', 'text')
    .addColumn('created_by', type.id)
    .addColumn('created_at', type.instant, (column) => column.notNull())
    .addColumn('updated_at', type.instant, (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('imports')
    .addColumn('id', type.id, (column) => column.primaryKey())
    .addColumn('entity', 'text', (column) => column.notNull())
    .addColumn('file_id', type.id, (column) => column.notNull().references('files.id'))
    .addColumn('file_name', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('job_id', type.id, (column) => column.notNull().references('jobs.id'))
    .addColumn('created_by', type.id)
    .addColumn('actor_province_code', 'text')
    .addColumn('header', 'text')
    .addColumn('summary', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', type.instant, (column) => column.notNull())
    .addColumn('updated_at', type.instant, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('import_rows')
    .addColumn('import_id', type.id, (column) => column.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('row_number', 'integer', (column) => column.notNull())
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('target_id', type.id)
    .addColumn('label', 'text', (column) => column.notNull())
    .addColumn('data', 'text', (column) => column.notNull())
    .addColumn('problems', 'text', (column) => column.notNull())
    .addColumn('candidates', 'text')
    .addColumn('chosen_commune_code', 'text')
    .addPrimaryKeyConstraint('import_rows_pk', ['import_id', 'row_number'])
    .execute();
  await db.schema.createIndex('import_rows_action').on('import_rows').columns(['import_id', 'action', 'row_number']).execute();

  // The address as the imported list wrote it, kept beside the commune it was mapped to.
  await db.schema.alterTable('organizations').addColumn('address_as_imported', 'text').execute();
  // A duplicate merged into another points at it, so the survivor's history includes its own.
  await db.schema.alterTable('organizations').addColumn('merged_into_id', type.id).execute();
  await db.schema.createIndex('organizations_merged_into').on('organizations').column('merged_into_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
