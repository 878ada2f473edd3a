import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.ts';

/** The scanned papers of a loan's file (application, business plan, statements, collateral deeds, decision, contract). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const type = columnTypes(dialectOf(db));
  await db.schema
    .createTable('loan_attachments')
    .addColumn('id', type.id, (column) => column.primaryKey())
    .addColumn('loan_id', type.id, (column) => column.notNull().references('loans.id'))
    .addColumn('file_id', type.id, (column) => column.notNull().references('files.id'))
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('file_type', 'text', (column) => column.notNull())
    .addColumn('content_type', 'text', (column) => column.notNull())
    .addColumn('size', 'integer', (column) => column.notNull())
    .addColumn('uploaded_by', type.id)
    .addColumn('uploaded_by_name', 'text')
    .addColumn('uploaded_at', type.instant, (column) => column.notNull())
    .addColumn('removed_at', type.instant)
    .execute();
  await db.schema.createIndex('loan_attachments_loan').on('loan_attachments').column('loan_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
