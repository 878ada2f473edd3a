import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseTarget } from '../config.ts';
import type { Database } from './schema.ts';

export type DatabaseKind = DatabaseTarget['kind'];

export type DatabaseHandle = {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** The open SQLite connection, for the few things only it can do (online backup). */
  sqlite?: SQLite.Database;
  close: () => Promise<void>;
};

const PG_INT8 = 20;
const PG_TIMESTAMPTZ = 1184;
const PG_NUMERIC = 1700;
const PG_DATE = 1082;

function parseSafeInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) throw new Error(`Số nguyên vượt giới hạn an toàn: ${value}`);
  return parsed;
}

/** Money and counts arrive from PostgreSQL as text; turn them back into exact numbers. */
function configurePostgresTypes(): void {
  pg.types.setTypeParser(PG_INT8, parseSafeInteger);
  pg.types.setTypeParser(PG_NUMERIC, (value: string) => Number(value));
  // Calendar dates stay YYYY-MM-DD: turning them into Date objects would shift them by time zone.
  pg.types.setTypeParser(PG_DATE, (value: string) => value);
  // Instants travel as ISO strings, the same as on SQLite.
  pg.types.setTypeParser(PG_TIMESTAMPTZ, (value: string) => new Date(value).toISOString());
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every query afresh; most of hoptac's queries repeat, so keep
 * the prepared statements (bench/README.md measured ~14% of CPU spent preparing). The driver runs
 * one query at a time on its connection, so a cached statement is never used twice at once.
 */
function withStatementCache(sqlite: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property !== 'prepare') return Reflect.get(target, property, receiver);
      return (source: string) => {
        let statement = cache.get(source);
        if (!statement) {
          statement = prepare(source);
          if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
          cache.set(source, statement);
        }
        return statement;
      };
    },
  });
}

export function openDatabase(target: DatabaseTarget, options: { poolSize?: number } = {}): DatabaseHandle {
  if (target.kind === 'postgres') {
    configurePostgresTypes();
    const pool = new pg.Pool({ connectionString: target.url, max: options.poolSize ?? 10 });
    // An idle connection the server closes (restart, administrator, dropped test database) is
    // discarded by the pool and the next query opens a new one; unheard, the error would crash us.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  if (target.file !== ':memory:') fs.mkdirSync(path.dirname(target.file), { recursive: true });
  const sqlite = new SQLite(target.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, kind: 'sqlite', sqlite, close: () => db.destroy() };
}

/** The database as services see it: they pass it to repositories and never query it themselves. */
export type Db = Kysely<Database>;

/** Runs work in one short transaction: all of it is saved, or none. */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}
