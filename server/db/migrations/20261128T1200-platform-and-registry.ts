import { type Kysely, sql } from 'kysely';
import { columnTypes, createSearchIndex, dialectOf } from '../dialect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const kind = dialectOf(db);
  const type = columnTypes(kind);

  await db.schema
    .createTable('provinces')
    .addColumn('code', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('full_name', 'text', (column) => column.notNull())
    .addColumn('type', 'text', (column) => column.notNull())
    .addColumn('sort_key', type.sortKey, (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('communes')
    .addColumn('code', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('type', 'text', (column) => column.notNull())
    .addColumn('province_code', 'text', (column) => column.notNull().references('provinces.code'))
    .addColumn('search_text', 'text', (column) => column.notNull())
    .addColumn('sort_key', type.sortKey, (column) => column.notNull())
    .execute();
  await db.schema.createIndex('communes_province').on('communes').columns(['province_code', 'sort_key']).execute();

  await db.schema
    .createTable('old_provinces')
    .addColumn('old_province_code', 'text', (column) => column.primaryKey())
    .addColumn('old_province_name', 'text', (column) => column.notNull())
    .addColumn('new_province_code', 'text', (column) => column.notNull().references('provinces.code'))
    .execute();

  await db.schema
    .createTable('old_communes')
    .addColumn('old_commune_code', 'text', (column) => column.notNull())
    .addColumn('old_commune_name', 'text', (column) => column.notNull())
    .addColumn('old_district_code', 'text', (column) => column.notNull())
    .addColumn('old_district_name', 'text', (column) => column.notNull())
    .addColumn('old_province_code', 'text', (column) => column.notNull())
    .addColumn('old_province_name', 'text', (column) => column.notNull())
    .addColumn('new_commune_code', 'text', (column) => column.notNull().references('communes.code'))
    .addColumn('part', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('old_communes_pk', ['old_commune_code', 'new_commune_code'])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', type.id, (column) => column.primaryKey())
    .addColumn('username', 'text', (column) => column.notNull().unique())
    .addColumn('display_name', 'text', (column) => column.notNull())
    .addColumn('password_hash', 'text', (column) => column.notNull())
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('province_code', 'text', (column) => column.references('provinces.code'))
    .addColumn('organization_id', type.id)
    .addColumn('is_active', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('last_login_at', type.instant)
    .addColumn('created_at', type.instant, (column) => column.notNull())
    .addColumn('updated_at', type.instant, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('user_id', type.id, (column) => column.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (column) => column.notNull())
    .addColumn('created_at', type.instant, (column) => column.notNull())
    .addColumn('expires_at', type.instant, (column) => column.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', type.id, (column) => column.primaryKey())
    .addColumn('user_id', type.id, (column) => column.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (column) => column.notNull().unique())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('created_at', type.instant, (column) => column.notNull())
    .addColumn('last_used_at', type.instant)
    .addColumn('revoked_at', type.instant)
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', type.id, (column) => column.primaryKey())
    .addColumn('at', type.instant, (column) => column.notNull())
    .addColumn('actor_user_id', type.id)
    .addColumn('actor_name', 'text')
    .addColumn('entity_type', 'text', (column) => column.notNull())
    .addColumn('entity_id', type.id, (column) => column.notNull())
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('changes', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity_type', 'entity_id', 'at']).execute();

  await db.schema
    .createTable('organizations')
    .addColumn('id', type.id, (column) => column.primaryKey())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('short_name', 'text')
    .addColumn('foreign_name', 'text')
    .addColumn('tax_code', 'text')
    .addColumn('registered_on', type.date)
    .addColumn('registration_authority', 'text')
    .addColumn('commune_code', 'text', (column) => column.notNull().references('communes.code'))
    .addColumn('province_code', 'text', (column) => column.notNull().references('provinces.code'))
    .addColumn('address_line', 'text')
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('observed_status', 'text')
    .addColumn('observed_on', type.date)
    .addColumn('sector', 'text', (column) => column.notNull())
    .addColumn('vsic_codes', 'text')
    .addColumn('is_new_model', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('charter_capital', type.money)
    .addColumn('legal_representative', 'text')
    .addColumn('chair_name', 'text')
    .addColumn('director_name', 'text')
    .addColumn('controller_name', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('website', 'text')
    .addColumn('notes', 'text')
    .addColumn('archived_at', type.instant)
    .addColumn('archived_reason', 'text')
    .addColumn('search_text', 'text', (column) => column.notNull())
    .addColumn('sort_key', type.sortKey, (column) => column.notNull())
    .addColumn('created_at', type.instant, (column) => column.notNull())
    .addColumn('updated_at', type.instant, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();

  // A tax code belongs to one live organisation; archived ones keep theirs for the record.
  await db.schema
    .createIndex('organizations_tax_code_live')
    .on('organizations')
    .column('tax_code')
    .unique()
    .where(sql.ref('archived_at'), 'is', null)
    .execute();
  // Lists are filtered by place and one attribute, and sorted by name: one index per common shape.
  const listIndexes: [string, string[]][] = [
    ['organizations_sorted', ['sort_key']],
    ['organizations_province', ['province_code', 'sort_key']],
    ['organizations_commune', ['commune_code', 'sort_key']],
    ['organizations_province_kind', ['province_code', 'kind', 'sort_key']],
    ['organizations_province_status', ['province_code', 'status', 'sort_key']],
    ['organizations_province_sector', ['province_code', 'sector', 'sort_key']],
    ['organizations_kind', ['kind', 'sort_key']],
    ['organizations_status', ['status', 'sort_key']],
    ['organizations_sector', ['sector', 'sort_key']],
    ['organizations_registered', ['registered_on']],
    ['organizations_updated', ['updated_at']],
  ];
  for (const [name, columns] of listIndexes) {
    await db.schema.createIndex(name).on('organizations').columns(columns).execute();
  }
  await createSearchIndex(db, 'organizations');
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
