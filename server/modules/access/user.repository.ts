import type { Kysely } from 'kysely';
import type { User } from '../../../contracts/access.ts';
import type { Database, UserRow, UserTable } from '../../db/schema.ts';

const USER_COLUMNS = [
  'id',
  'username',
  'display_name',
  'role',
  'province_code',
  'organization_id',
  'is_active',
  'last_login_at',
  'created_at',
  'version',
] as const;

type UserColumns = Pick<UserRow, (typeof USER_COLUMNS)[number]>;

/** The presenter: the password hash never leaves this file. */
export function toUser(row: UserColumns): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    provinceCode: row.province_code,
    organizationId: row.organization_id,
    isActive: row.is_active === 1,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    version: row.version,
  };
}

export function createUserRepository(db: Kysely<Database>) {
  return {
    async findUsers(filter: { provinceCode: string | null; role?: User['role']; q?: string }): Promise<User[]> {
      let query = db.selectFrom('users').select(USER_COLUMNS);
      if (filter.provinceCode) query = query.where('province_code', '=', filter.provinceCode);
      if (filter.role) query = query.where('role', '=', filter.role);
      if (filter.q)
        query = query.where((eb) => eb.or([eb('username', 'like', `%${filter.q}%`), eb('display_name', 'like', `%${filter.q}%`)]));
      const rows = await query.orderBy('username').limit(1000).execute();
      return rows.map(toUser);
    },

    async findUserById(id: string): Promise<User | undefined> {
      const row = await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
      return row && toUser(row);
    },

    /** For logging in only: the one read that includes the hash. */
    async findCredentials(username: string) {
      return db
        .selectFrom('users')
        .select([...USER_COLUMNS, 'password_hash'])
        .where('username', '=', username)
        .executeTakeFirst();
    },

    async countUsers(): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async insertUser(row: UserTable): Promise<User> {
      await db.insertInto('users').values(row).execute();
      return toUser(row);
    },

    /** Applies the change only if nobody saved since `version`; returns the new row or undefined. */
    async updateUser(id: string, version: number, changes: Partial<UserTable>): Promise<User | undefined> {
      const result = await db
        .updateTable('users')
        .set({ ...changes, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return undefined;
      return this.findUserById(id);
    },

    async recordLogin(id: string, at: string): Promise<void> {
      await db.updateTable('users').set({ last_login_at: at }).where('id', '=', id).execute();
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
