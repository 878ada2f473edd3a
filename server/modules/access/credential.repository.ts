import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Sessions and API tokens: both are looked up by the hash of a secret the client holds. */
export function createCredentialRepository(db: Kysely<Database>) {
  return {
    async insertSession(session: Database['sessions']): Promise<void> {
      await db.insertInto('sessions').values(session).execute();
    },

    async findSessionUser(sessionId: string, now: string) {
      return db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'sessions.csrf_token',
          'sessions.expires_at',
          'users.id',
          'users.username',
          'users.display_name',
          'users.role',
          'users.province_code',
          'users.organization_id',
        ])
        .where('sessions.id', '=', sessionId)
        .where('sessions.expires_at', '>', now)
        .where('users.is_active', '=', 1)
        .executeTakeFirst();
    },

    async deleteSession(sessionId: string): Promise<void> {
      await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
    },

    async deleteSessionsOfUser(userId: string): Promise<void> {
      await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    },

    async deleteExpiredSessions(now: string): Promise<void> {
      await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
    },

    async insertApiToken(token: Database['api_tokens']): Promise<void> {
      await db.insertInto('api_tokens').values(token).execute();
    },

    async findTokenUser(tokenHash: string) {
      return db
        .selectFrom('api_tokens')
        .innerJoin('users', 'users.id', 'api_tokens.user_id')
        .select([
          'api_tokens.id as token_id',
          'users.id',
          'users.username',
          'users.display_name',
          'users.role',
          'users.province_code',
          'users.organization_id',
        ])
        .where('api_tokens.token_hash', '=', tokenHash)
        .where('api_tokens.revoked_at', 'is', null)
        .where('users.is_active', '=', 1)
        .executeTakeFirst();
    },
  };
}

export type CredentialRepository = ReturnType<typeof createCredentialRepository>;
