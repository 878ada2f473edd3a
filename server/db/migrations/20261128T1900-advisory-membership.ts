import { type Kysely, sql } from 'kysely';
import { columnTypes, createSearchIndex, dialectOf } from '../dialect.ts';

/** Advisory cases (founding support, consulting) and membership of the Alliance with its yearly dues. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const type = columnTypes(dialectOf(db));

  // The date an advisory case registered the organisation: "founded with the Alliance's support".
  await db.schema.alterTable('organizations').addColumn('founded_with_support_on', type.date).execute();
  await db.schema
    .createIndex('organizations_founded_with_support')
    .on('organizations')
    .columns(['founded_with_support_on'])
    .where(sql.ref('founded_with_support_on'), 'is not', null)
    .execute();

  await db.schema
    .createTable('advisory_cases')
    .addColumn('id', type.id, (column) => column.primaryKey())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('stage', 'text', (column) => column.notNull())
    .addColumn('description', 'text')
    .addColumn('opened_on', type.date, (column) => column.notNull())
    .addColumn('due_on', type.date, (column) => column.notNull())
    .addColumn('closed_on', type.date)
    .addColumn('assigned_officer_id', type.id, (column) => column.notNull().references('users.id'))
    .addColumn('organization_id', type.id, (column) => column.references('organizations.id'))
    // The founding group's commune, or the organisation's; the province decides who sees the case.
    .addColumn('commune_code', 'text', (column) => column.notNull().references('communes.code'))
    .addColumn('province_code', 'text', (column) => column.notNull().references('provinces.code'))
    .addColumn('group_name', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('intended_kind', 'text')
    .addColumn('intended_sector', 'text')
    .addColumn('founding_members', 'integer')
    .addColumn('dropped_reason', 'text')
    .addColumn('registered_on', type.date)
    .addColumn('search_text', 'text', (column) => column.notNull())
    .addColumn('created_at', type.instant, (column) => column.notNull())
    .addColumn('updated_at', type.instant, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();
  // The board and overdue lists (stage, due date), the period counts (opened, closed), per province or nationally.
  const caseIndexes: [string, string[]][] = [
    ['advisory_cases_province_stage', ['province_code', 'stage', 'due_on']],
    ['advisory_cases_stage', ['stage', 'due_on']],
    ['advisory_cases_province_opened', ['province_code', 'opened_on']],
    ['advisory_cases_opened', ['opened_on']],
    ['advisory_cases_closed', ['closed_on']],
    ['advisory_cases_organization', ['organization_id']],
    ['advisory_cases_officer', ['assigned_officer_id', 'stage']],
    ['advisory_cases_commune', ['commune_code']],
  ];
  for (const [name, columns] of caseIndexes) await db.schema.createIndex(name).on('advisory_cases').columns(columns).execute();
  await createSearchIndex(db, 'advisory_cases');

  await db.schema
    .createTable('advisory_activities')
    .addColumn('id', type.id, (column) => column.primaryKey())
    .addColumn('case_id', type.id, (column) => column.notNull().references('advisory_cases.id'))
    .addColumn('happened_on', type.date, (column) => column.notNull())
    .addColumn('user_id', type.id, (column) => column.notNull().references('users.id'))
    .addColumn('description', 'text', (column) => column.notNull())
    .addColumn('minutes', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('created_at', type.instant, (column) => column.notNull())
    .addColumn('updated_at', type.instant, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('advisory_activities_case').on('advisory_activities').columns(['case_id', 'happened_on']).execute();

  await db.schema
    .createTable('advisory_attachments')
    .addColumn('id', type.id, (column) => column.primaryKey())
    .addColumn('case_id', type.id, (column) => column.notNull().references('advisory_cases.id'))
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
  await db.schema.createIndex('advisory_attachments_case').on('advisory_attachments').column('case_id').execute();

  await db.schema
    .createTable('memberships')
    .addColumn('id', type.id, (column) => column.primaryKey())
    .addColumn('organization_id', type.id, (column) => column.notNull().references('organizations.id'))
    .addColumn('category', 'text', (column) => column.notNull())
    .addColumn('joined_on', type.date, (column) => column.notNull())
    .addColumn('left_on', type.date)
    .addColumn('left_reason', 'text')
    .addColumn('decision_number', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', type.instant, (column) => column.notNull())
    .addColumn('updated_at', type.instant, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .addCheckConstraint('memberships_period', sql`left_on is null or left_on >= joined_on`)
    .execute();
  // One open membership per organisation; a racing second one fails here.
  await db.schema
    .createIndex('memberships_open')
    .on('memberships')
    .column('organization_id')
    .unique()
    .where(sql.ref('left_on'), 'is', null)
    .execute();
  await db.schema.createIndex('memberships_organization').on('memberships').columns(['organization_id', 'joined_on']).execute();
  await db.schema.createIndex('memberships_joined').on('memberships').column('joined_on').execute();

  await db.schema
    .createTable('membership_dues')
    .addColumn('id', type.id, (column) => column.primaryKey())
    .addColumn('membership_id', type.id, (column) => column.notNull().references('memberships.id'))
    .addColumn('organization_id', type.id, (column) => column.notNull().references('organizations.id'))
    // The Alliance that issues the receipt: receipt numbers are unique per province and year.
    .addColumn('province_code', 'text', (column) => column.notNull().references('provinces.code'))
    .addColumn('year', 'integer', (column) => column.notNull())
    .addColumn('amount_due', type.money, (column) => column.notNull())
    .addColumn('amount_paid', type.money, (column) => column.notNull().defaultTo(0))
    .addColumn('paid_on', type.date)
    .addColumn('receipt_number', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', type.instant, (column) => column.notNull())
    .addColumn('updated_at', type.instant, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .addCheckConstraint('membership_dues_amounts', sql`amount_paid >= 0 and amount_due >= 0 and amount_paid <= amount_due`)
    .execute();
  await db.schema.createIndex('membership_dues_year').on('membership_dues').columns(['membership_id', 'year']).unique().execute();
  await db.schema
    .createIndex('membership_dues_receipt')
    .on('membership_dues')
    .columns(['province_code', 'year', 'receipt_number'])
    .unique()
    .where(sql.ref('receipt_number'), 'is not', null)
    .execute();
  await db.schema.createIndex('membership_dues_province_year').on('membership_dues').columns(['province_code', 'year']).execute();
  await db.schema.createIndex('membership_dues_organization').on('membership_dues').columns(['organization_id', 'year']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
