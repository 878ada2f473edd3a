import { type Kysely, sql } from 'kysely';
import { createVersionTrigger } from '../dialect.ts';

/**
 * A data version for who may do what: users, their sessions and API tokens. The server keeps the
 * credentials it has checked under it, so a request is authenticated from memory until any of
 * them changes (a login, a logout, a role or password changed, a user switched off), on this
 * instance or any other.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`insert into data_versions (name, version) values ('access', 0)`.execute(db);
  for (const table of ['users', 'sessions', 'api_tokens']) await createVersionTrigger(db, table, 'access');
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
