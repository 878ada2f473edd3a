/**
 * The few places where SQLite and PostgreSQL differ, one small function per difference.
 * Nothing outside this file branches on the database kind.
 */
import { type Expression, type Kysely, PostgresAdapter, type RawBuilder, type SqlBool, sql } from 'kysely';

export type DialectKind = 'sqlite' | 'postgres';

/** Takes any Kysely instance, whatever its schema. */
export function dialectOf(db: Pick<Kysely<unknown>, 'getExecutor'>): DialectKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Column types for migrations. */
export function columnTypes(kind: DialectKind) {
  const postgres = kind === 'postgres';
  return {
    id: postgres ? ('uuid' as const) : ('text' as const),
    instant: postgres ? ('timestamptz' as const) : ('text' as const),
    date: postgres ? ('date' as const) : ('text' as const),
    money: postgres ? ('bigint' as const) : ('integer' as const),
    binary: postgres ? ('bytea' as const) : ('blob' as const),
    /** Compared bytewise: the application writes Vietnamese order into the key itself. */
    sortKey: postgres ? sql`text collate "C"` : sql`text`,
  };
}

/**
 * Creates the index that lets a search word match anywhere in `search_text` without a scan:
 * FTS5 with the trigram tokenizer on SQLite, pg_trgm GIN on PostgreSQL.
 */
export async function createSearchIndex(db: Kysely<unknown>, table: string): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index ${sql.id(`${table}_search_trgm`)} on ${sql.table(table)} using gin (search_text gin_trgm_ops)`.execute(db);
    return;
  }
  const fts = sql.table(`${table}_fts`);
  const target = sql.table(table);
  await sql`create virtual table ${fts} using fts5(search_text, content=${sql.lit(table)}, content_rowid='rowid', tokenize='trigram')`.execute(
    db,
  );
  await sql`create trigger ${sql.id(`${table}_fts_insert`)} after insert on ${target} begin
    insert into ${fts}(rowid, search_text) values (new.rowid, new.search_text); end`.execute(db);
  await sql`create trigger ${sql.id(`${table}_fts_delete`)} after delete on ${target} begin
    insert into ${fts}(${fts}, rowid, search_text) values ('delete', old.rowid, old.search_text); end`.execute(db);
  await sql`create trigger ${sql.id(`${table}_fts_update`)} after update of search_text on ${target} begin
    insert into ${fts}(${fts}, rowid, search_text) values ('delete', old.rowid, old.search_text);
    insert into ${fts}(rowid, search_text) values (new.rowid, new.search_text); end`.execute(db);
}

/**
 * Makes every committed change to `table` advance `data_versions.version` of row `name`, so a
 * cache of what was read from it can tell, with one cheap read, whether it is still true.
 * SQLite has one writer: a plain trigger per row, in the writing transaction. PostgreSQL has many:
 * a deferred constraint trigger bumps the counter at commit, once per transaction, so a long
 * import does not hold the counter's row lock (and every other writer) while it runs.
 */
export async function createVersionTrigger(db: Kysely<unknown>, table: string, name: string): Promise<void> {
  const target = sql.table(table);
  if (dialectOf(db) === 'postgres') {
    await sql`create or replace function bump_data_version() returns trigger language plpgsql as $$
      begin
        update data_versions set version = version + 1, last_transaction = txid_current()
          where name = tg_argv[0] and last_transaction is distinct from txid_current();
        return null;
      end $$`.execute(db);
    await sql`create constraint trigger ${sql.id(`${table}_bumps_${name}_version`)}
      after insert or update or delete on ${target} deferrable initially deferred
      for each row execute function bump_data_version(${sql.lit(name)})`.execute(db);
    return;
  }
  for (const event of ['insert', 'update', 'delete'] as const) {
    await sql`create trigger ${sql.id(`${table}_${event}_bumps_${name}_version`)} after ${sql.raw(event)} on ${target} begin
      update data_versions set version = version + 1 where name = ${sql.lit(name)}; end`.execute(db);
  }
}

/**
 * After a bulk write (an import of thousands of rows), PostgreSQL's planner still believes the
 * tables are as small as before until autovacuum gets round to them, and picks plans for a few
 * rows — a keyset page of the export then sorts every remaining row. ANALYZE now. SQLite plans
 * without statistics (hoptac never runs ANALYZE there), so it needs nothing.
 */
export async function refreshPlannerStatistics(db: Pick<Kysely<unknown>, 'getExecutor'>, tables: string[]): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`analyze ${sql.join(tables.map((table) => sql.table(table)))}`.execute(db);
}

/** The indexes of `table` that only speed reads: not unique, not the primary key, not a constraint's. */
async function readOnlyIndexes(db: Pick<Kysely<unknown>, 'getExecutor'>, table: string): Promise<{ name: string; definition: string }[]> {
  if (dialectOf(db) === 'postgres') {
    const { rows } = await sql<{ name: string; definition: string }>`
      select i.relname as name, pg_get_indexdef(i.oid) as definition
      from pg_index x join pg_class i on i.oid = x.indexrelid
      where x.indrelid = ${table}::regclass and not x.indisunique and not x.indisprimary
      order by i.relname`.execute(db);
    return rows;
  }
  const { rows } = await sql<{ name: string; definition: string }>`
    select l.name as name, m.sql as definition
    from pragma_index_list(${table}) l join sqlite_master m on m.type = 'index' and m.name = l.name
    where l."unique" = 0 and l.origin = 'c'
    order by l.name`.execute(db);
  return rows;
}

/**
 * Runs a bulk write with `table`'s read-only indexes set aside, then builds them again: building
 * an index over all rows at once costs a fraction of updating it row by row (100,000 new
 * organisations: about 2 s to build against about 15 s of row-by-row updates, bench/README.md).
 * Must run inside a transaction, which the dropped indexes come back with if the work fails.
 * Unique indexes stay, so they go on checking every row. On PostgreSQL the DROP locks the table
 * until commit, so readers wait for the write: only for writes as big as a first import.
 */
export async function withIndexesRebuiltAfter<T>(
  trx: Pick<Kysely<unknown>, 'getExecutor' | 'isTransaction'>,
  table: string,
  work: () => Promise<T>,
): Promise<T> {
  if (!trx.isTransaction) throw new Error('withIndexesRebuiltAfter needs a transaction: the indexes must come back if the work fails.');
  const indexes = await readOnlyIndexes(trx, table);
  for (const index of indexes) await sql`drop index ${sql.id(index.name)}`.execute(trx);
  const result = await work();
  const postgres = dialectOf(trx) === 'postgres';
  // PostgreSQL builds no index on a table with trigger events still pending: fire the deferred
  // data-version triggers (createVersionTrigger) now rather than at commit, then defer again.
  if (postgres) await sql`set constraints all immediate`.execute(trx);
  for (const index of indexes) await sql.raw(index.definition).execute(trx);
  if (postgres) await sql`set constraints all deferred`.execute(trx);
  return result;
}

const TRIGRAM = 3;

/**
 * How a search finds its rows. `index`: through the search index, best when few rows match.
 * `rowCheck`: by testing each row's text while walking another index in sort order, best when
 * most rows match and only a page of them is wanted (the walk stops after the page). PostgreSQL's
 * planner weighs both itself from pg_trgm statistics; SQLite cannot, so it is told.
 */
export type SearchMethod = 'index' | 'rowCheck';

/**
 * A condition true when every token occurs in the table's `search_text`. Tokens are already
 * folded to [a-z0-9] by search-text.ts, so they need no escaping inside LIKE or MATCH.
 */
export function searchTextMatches(kind: DialectKind, table: string, tokens: string[], method: SearchMethod = 'index'): Expression<SqlBool> {
  const column = sql.ref(`${table}.search_text`);
  const like = (token: string): RawBuilder<SqlBool> => sql<SqlBool>`${column} like ${`%${token}%`}`;
  const conditions: RawBuilder<SqlBool>[] = [];
  if (kind === 'sqlite' && method === 'index') {
    const indexed = tokens.filter((token) => token.length >= TRIGRAM);
    if (indexed.length > 0) {
      const match = indexed.map((token) => `"${token}"`).join(' AND ');
      conditions.push(
        sql<SqlBool>`${sql.ref(`${table}.rowid`)} in (select rowid from ${sql.table(`${table}_fts`)} where ${sql.table(`${table}_fts`)} match ${match})`,
      );
    }
    conditions.push(...tokens.filter((token) => token.length < TRIGRAM).map(like));
  } else {
    conditions.push(...tokens.map(like));
  }
  if (conditions.length === 0) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}

/** True for a unique-constraint violation, whichever database raised it. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
