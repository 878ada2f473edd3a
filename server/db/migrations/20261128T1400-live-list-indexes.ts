import { type Kysely, sql } from 'kysely';

/** The list indexes of 20261128T1200, replaced below. */
const SUPERSEDED = [
  'organizations_sorted',
  'organizations_province',
  'organizations_commune',
  'organizations_province_kind',
  'organizations_province_status',
  'organizations_province_sector',
  'organizations_kind',
  'organizations_status',
  'organizations_sector',
  'organizations_registered',
  'organizations_updated',
];

/**
 * Lists show live organisations, filtered and sorted, and page by (sort column, id). Each index
 * holds only live rows and ends with the full sort order, so that a page is read in order from
 * the index alone and a filter's count never visits the table.
 */
const LIVE_INDEXES: [string, string[]][] = [
  // With the search text, a search matching most rows walks this index alone until its page is full.
  ['organizations_live_name', ['sort_key', 'id', 'search_text']],
  ['organizations_live_registered', ['registered_on', 'id']],
  ['organizations_live_updated', ['updated_at', 'id']],
  ['organizations_live_province', ['province_code', 'sort_key', 'id']],
  ['organizations_live_province_kind', ['province_code', 'kind', 'sort_key', 'id']],
  ['organizations_live_province_status', ['province_code', 'status', 'sort_key', 'id']],
  ['organizations_live_province_sector', ['province_code', 'sector', 'sort_key', 'id']],
  ['organizations_live_commune', ['commune_code', 'sort_key', 'id']],
  ['organizations_live_kind', ['kind', 'sort_key', 'id']],
  ['organizations_live_kind_sector', ['kind', 'sector', 'sort_key', 'id']],
  ['organizations_live_status', ['status', 'sort_key', 'id']],
  ['organizations_live_sector', ['sector', 'sort_key', 'id']],
  // The narrowest: SQLite, which keeps no statistics here, scans the narrowest index when no other
  // serves a count, so it holds what such counts test (new model; search text, e.g. for words
  // under three letters, which no trigram index holds).
  ['organizations_live_new_model', ['is_new_model', 'search_text']],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const name of SUPERSEDED) await db.schema.dropIndex(name).ifExists().execute();
  for (const [name, columns] of LIVE_INDEXES) {
    await db.schema.createIndex(name).on('organizations').columns(columns).where(sql.ref('archived_at'), 'is', null).execute();
  }
  // The archive is small and listed by name.
  await db.schema
    .createIndex('organizations_archived_name')
    .on('organizations')
    .columns(['sort_key', 'id'])
    .where(sql.ref('archived_at'), 'is not', null)
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
