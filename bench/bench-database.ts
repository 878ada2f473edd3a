import { sql } from 'kysely';
import type { Config, DatabaseTarget } from '../server/config.ts';
import type { DatabaseHandle } from '../server/db/database.ts';
import type { Prepared } from '../server/startup.ts';
import { prepareDatabase } from '../server/startup.ts';

/** The configuration the app runs with in a benchmark: loopback only, no logging. */
export function benchConfig(target: DatabaseTarget, listCacheEntries = 0): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    database: target,
    cookieSecure: 'false',
    sessionDays: 1,
    loginAttemptsPerMinute: 10,
    listCacheEntries,
    logLevel: 'silent',
  };
}

/** Opens, migrates and loads the administrative units, as `npm start` does. */
export function openBenchDatabase(target: DatabaseTarget, log: (line: string) => void = console.log): Promise<Prepared> {
  return prepareDatabase(benchConfig(target), log);
}

export function describeTarget(target: DatabaseTarget): string {
  return target.kind === 'sqlite' ? `SQLite ${target.file}` : `PostgreSQL ${new URL(target.url).pathname.slice(1)}`;
}

/**
 * After a bulk load, PostgreSQL's autovacuum would soon refresh the statistics and the visibility
 * map (which index-only scans need); do it now so the benchmark sees that steady state. SQLite
 * gets nothing: hoptac never runs ANALYZE there, so its plans are measured as they run.
 */
export async function settleAfterBulkLoad(database: DatabaseHandle): Promise<void> {
  if (database.kind === 'postgres') await sql`vacuum analyze`.execute(database.db);
}
