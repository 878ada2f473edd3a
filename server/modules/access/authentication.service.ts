import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes } from 'node:crypto';
import type { Session } from '../../../contracts/access.ts';
import type { Actor } from '../../platform/access.ts';
import { type Clock, instantOf } from '../../platform/clock.ts';
import type { DataVersionReader } from '../../platform/data-versions.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { createVersionedCache } from '../../platform/versioned-cache.ts';
import type { CredentialRepository } from './credential.repository.ts';
import type { UserRepository } from './user.repository.ts';

const TOKEN_PREFIX = 'hoptac_';
const DAY_MS = 24 * 60 * 60 * 1000;

export const hashPassword = (password: string): Promise<string> => hash(password);

const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
const newSecret = (): string => randomBytes(32).toString('base64url');

// Verified when the username is unknown, so a wrong username costs as long as a wrong password.
const unknownUserHash = hash('hoptac-no-such-user');

export const wrongCredentials = () =>
  new AppError(401, 'wrong_credentials', {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong username or password.',
  });

type UserFields = {
  id: string;
  username: string;
  display_name: string;
  role: Actor['role'];
  province_code: string | null;
  organization_id: string | null;
};

const toActor = (row: UserFields): Actor => ({
  userId: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  provinceCode: row.province_code,
  organizationId: row.organization_id,
});

export const toSessionUser = (actor: Actor): Session['user'] => ({
  id: actor.userId ?? '',
  username: actor.username,
  displayName: actor.displayName,
  role: actor.role,
  provinceCode: actor.provinceCode,
  organizationId: actor.organizationId,
});

/** Credentials checked recently, as many as a busy office's users and integrations hold. */
const CHECKED_CREDENTIALS = 1_000;

type CheckedSession = { actor: Actor; session: Session; expiresAt: string };

export function createAuthenticationService(deps: {
  users: Pick<UserRepository, 'findCredentials' | 'recordLogin' | 'findUserById'>;
  credentials: CredentialRepository;
  clock: Clock;
  sessionDays: number;
  /**
   * With it, a checked session or token is remembered while the access data version stands
   * still: any change to users, sessions or tokens, on any instance, makes every request check
   * again. Without it (the CLI), every request reads the database.
   */
  versions?: DataVersionReader;
}) {
  const { users, credentials, clock, versions } = deps;
  const checkedSessions = createVersionedCache<CheckedSession>(versions ? CHECKED_CREDENTIALS : 0);
  const checkedTokens = createVersionedCache<Actor>(versions ? CHECKED_CREDENTIALS : 0);
  const accessVersion = async () => (versions ? versions.current('access') : 0);

  return {
    /** Checks the password and opens a session; the returned secret goes into the cookie. */
    async login(username: string, password: string): Promise<{ secret: string; session: Session; expiresAt: Date }> {
      const row = await users.findCredentials(username);
      if (row?.is_active !== 1) {
        await verify(await unknownUserHash, password);
        throw wrongCredentials();
      }
      if (!(await verify(row.password_hash, password))) throw wrongCredentials();
      const secret = newSecret();
      const csrfToken = newSecret();
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + deps.sessionDays * DAY_MS);
      await credentials.insertSession({
        id: hashSecret(secret),
        user_id: row.id,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        expires_at: expiresAt.toISOString(),
      });
      await users.recordLogin(row.id, now.toISOString());
      await credentials.deleteExpiredSessions(now.toISOString());
      return { secret, expiresAt, session: { user: toSessionUser(toActor(row)), csrfToken } };
    },

    async findSession(secret: string): Promise<{ actor: Actor; session: Session } | undefined> {
      // Read the version first: a change committed meanwhile can only make the answer newer than its version says.
      const version = await accessVersion();
      const id = hashSecret(secret);
      const now = instantOf(clock);
      const checked = checkedSessions.get(version, id);
      if (checked && checked.expiresAt > now) return checked;
      const row = await credentials.findSessionUser(id, now);
      if (!row) return undefined;
      const actor = toActor(row);
      const found = { actor, session: { user: toSessionUser(actor), csrfToken: row.csrf_token }, expiresAt: row.expires_at };
      checkedSessions.set(version, id, found);
      return found;
    },

    async logout(secret: string): Promise<void> {
      await credentials.deleteSession(hashSecret(secret));
    },

    async findTokenActor(bearer: string): Promise<Actor | undefined> {
      if (!bearer.startsWith(TOKEN_PREFIX)) return undefined;
      const version = await accessVersion();
      const tokenHash = hashSecret(bearer);
      const checked = checkedTokens.get(version, tokenHash);
      if (checked) return checked;
      const row = await credentials.findTokenUser(tokenHash);
      if (!row) return undefined;
      const actor = toActor(row);
      checkedTokens.set(version, tokenHash, actor);
      return actor;
    },

    /** A bearer token for integrations; only its hash is stored, so it is shown once. */
    async createApiToken(userId: string, name: string): Promise<string> {
      const user = await users.findUserById(userId);
      if (!user) throw new Error(`No user ${userId}`);
      const token = `${TOKEN_PREFIX}${newSecret()}`;
      await credentials.insertApiToken({
        id: newId(),
        user_id: userId,
        token_hash: hashSecret(token),
        name,
        created_at: instantOf(clock),
        last_used_at: null,
        revoked_at: null,
      });
      return token;
    },
  };
}

export type AuthenticationService = ReturnType<typeof createAuthenticationService>;
