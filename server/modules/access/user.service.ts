import type { CreateUser, UpdateUser, User } from '../../../contracts/access.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import type { UserTable } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import { type Actor, assertAllowed } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.repository.ts';
import { type Clock, instantOf } from '../../platform/clock.ts';
import { AppError, badRequest, notFound, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { hashPassword } from './authentication.service.ts';
import { canAssignScope, canManageUsers, needsOrganization } from './user.policy.ts';
import { createCredentialRepository } from './credential.repository.ts';
import { createUserRepository } from './user.repository.ts';

const USER = { vi: 'người dùng', en: 'User' };

const usernameTaken = (username: string) =>
  new AppError(409, 'duplicate_username', {
    vi: `Tên đăng nhập "${username}" đã có người dùng.`,
    en: `The username "${username}" is taken.`,
  });

const organizationRequired = () =>
  badRequest({ vi: 'Tài khoản hợp tác xã phải gắn với một tổ chức.', en: 'A cooperative account needs an organisation.' }, [
    { field: 'organizationId', message: { vi: 'Hãy chọn tổ chức', en: 'Choose the organisation' } },
  ]);

type CreateUserValues = Omit<CreateUser, 'provinceCode' | 'organizationId'> & {
  provinceCode?: string | null;
  organizationId?: string | null;
};

/** Audit snapshot of a user: never the password hash. */
const snapshot = (user: User) => ({
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  provinceCode: user.provinceCode,
  organizationId: user.organizationId,
  isActive: user.isActive,
});

export function createUserService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const users = createUserRepository(db);

  return {
    async findUsers(actor: Actor, filter: { q?: string; role?: User['role'] }): Promise<User[]> {
      assertAllowed(canManageUsers(actor));
      return users.findUsers({ ...filter, provinceCode: actor.provinceCode });
    },

    async createUser(actor: Actor, input: CreateUserValues): Promise<User> {
      const provinceCode = input.provinceCode ?? null;
      assertAllowed(canAssignScope(actor, { provinceCode }));
      if (needsOrganization(input.role) && !input.organizationId) throw organizationRequired();
      const now = instantOf(clock);
      const row: UserTable = {
        id: newId(),
        username: input.username,
        display_name: input.displayName,
        password_hash: await hashPassword(input.password),
        role: input.role,
        province_code: provinceCode,
        organization_id: input.organizationId ?? null,
        is_active: 1,
        last_login_at: null,
        created_at: now,
        updated_at: now,
        version: 1,
      };
      try {
        return await inTransaction(db, async (trx) => {
          const user = await createUserRepository(trx).insertUser(row);
          await writeAudit(trx, {
            actor,
            entityType: 'user',
            entityId: user.id,
            action: 'create',
            before: null,
            after: snapshot(user),
            at: now,
          });
          return user;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw usernameTaken(input.username);
        throw error;
      }
    },

    async updateUser(actor: Actor, id: string, input: UpdateUser): Promise<User> {
      assertAllowed(canManageUsers(actor));
      const current = await users.findUserById(id);
      if (!current || !canAssignScope(actor, current)) throw notFound(USER);
      const provinceCode = input.provinceCode === undefined ? current.provinceCode : input.provinceCode;
      assertAllowed(canAssignScope(actor, { provinceCode }));
      const role = input.role ?? current.role;
      const organizationId = input.organizationId === undefined ? current.organizationId : input.organizationId;
      if (needsOrganization(role) && !organizationId) throw organizationRequired();
      const now = instantOf(clock);
      const changes: Partial<UserTable> = {
        display_name: input.displayName ?? current.displayName,
        role,
        province_code: provinceCode,
        organization_id: organizationId,
        is_active: (input.isActive ?? current.isActive) ? 1 : 0,
        updated_at: now,
        ...(input.password ? { password_hash: await hashPassword(input.password) } : {}),
      };
      return inTransaction(db, async (trx) => {
        const repository = createUserRepository(trx);
        const updated = await repository.updateUser(id, input.version, changes);
        if (!updated) throw versionConflict();
        const before = snapshot(current);
        const after = { ...snapshot(updated), ...(input.password ? { password: '(đổi mật khẩu)' } : {}) };
        await writeAudit(trx, { actor, entityType: 'user', entityId: id, action: 'update', before, after, at: now });
        // A deactivated account or a new password ends the sessions already open.
        if (!updated.isActive || input.password) await createCredentialRepository(trx).deleteSessionsOfUser(id);
        return updated;
      });
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
