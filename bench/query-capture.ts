import { type CompiledQuery, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { OrganizationFilters } from '../contracts/organizations.ts';
import type { DatabaseHandle } from '../server/db/database.ts';
import type { Database } from '../server/db/schema.ts';
import { createOrganizationRepository } from '../server/modules/organizations/organization.repository.ts';
import { systemActor, scopeOf } from '../server/platform/access.ts';

/**
 * A second connection to the benchmark database whose Kysely records every statement it runs,
 * so that the SQL the repository builds can be timed alone and explained.
 */
export type QueryCapture = {
  db: Kysely<Database>;
  /** The statements `findOrganizations` runs for these filters (the page, then the count). */
  statementsOf: (filters: OrganizationFilters) => Promise<CompiledQuery[]>;
  close: () => Promise<void>;
};

export function openQueryCapture(database: DatabaseHandle, url: string): QueryCapture {
  let recorded: CompiledQuery[] = [];
  const log = (event: { level: string; query: CompiledQuery }) => {
    if (event.level === 'query') recorded.push(event.query);
  };
  const dialect = database.sqlite
    ? new SqliteDialect({ database: database.sqlite })
    : new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) });
  const db = new Kysely<Database>({ dialect, log });
  const repository = createOrganizationRepository(db);
  return {
    db,
    async statementsOf(filters) {
      recorded = [];
      await repository.findOrganizations(scopeOf(systemActor), filters);
      const statements = recorded;
      recorded = [];
      return statements;
    },
    // The SQLite connection belongs to the app's handle; only a pool of our own is ours to end.
    close: () => (database.sqlite ? Promise.resolve() : db.destroy()),
  };
}
