import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../contracts/access.ts';
import type { CreateOrganization } from '../../contracts/organizations.ts';
import { buildApp } from '../app.ts';
import type { Config, DatabaseTarget } from '../config.ts';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createAuthenticationService } from '../modules/access/authentication.service.ts';
import { createCredentialRepository } from '../modules/access/credential.repository.ts';
import { createUserRepository } from '../modules/access/user.repository.ts';
import { createUserService } from '../modules/access/user.service.ts';
import { ensureAdministrativeUnits } from '../modules/places/admin-units.loader.ts';
import { createPlacesRepository } from '../modules/places/places.repository.ts';
import { systemActor } from '../platform/access.ts';
import { systemClock } from '../platform/clock.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export const TEST_PASSWORD = 'Mat-khau-thu-nghiem-1';

export function testConfig(database: DatabaseTarget): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    database,
    cookieSecure: 'false',
    sessionDays: 7,
    loginAttemptsPerMinute: 10,
    listCacheEntries: 500,
    logLevel: (process.env.TEST_LOG_LEVEL as Config['logLevel']) ?? 'silent',
  };
}

export type TestContext = {
  app: FastifyInstance;
  database: DatabaseHandle;
  /** Creates a user and returns the header that authenticates as them (a bearer token). */
  userHeaders: (
    role: Role,
    options?: { provinceCode?: string | null; organizationId?: string; username?: string },
  ) => Promise<Record<string, string>>;
  request: (options: InjectOptions) => Promise<LightMyRequestResponse>;
};

let userCounter = 0;

/** A migrated database with the administrative units, and the app on it, for one test file. */
export function useTestApp(kind: DatabaseTarget['kind']): TestContext {
  const context = {} as TestContext;
  let testDatabase: TestDatabase;

  beforeAll(async () => {
    testDatabase = await createTestDatabase(kind);
    const database = openDatabase(testDatabase.target, { poolSize: 4 });
    await migrateToLatest(database.db);
    await ensureAdministrativeUnits(createPlacesRepository(database.db));
    const app = await buildApp({ config: testConfig(testDatabase.target), database, serveWeb: false });
    const users = createUserService({ db: database.db, clock: systemClock });
    const authentication = createAuthenticationService({
      users: createUserRepository(database.db),
      credentials: createCredentialRepository(database.db),
      clock: systemClock,
      sessionDays: 7,
    });
    Object.assign(context, {
      app,
      database,
      request: (options: InjectOptions) => app.inject(options),
      userHeaders: async (role, options = {}) => {
        userCounter += 1;
        const user = await users.createUser(systemActor, {
          username: options.username ?? `${role}-${userCounter}`,
          displayName: `Người dùng ${role} ${userCounter}`,
          password: TEST_PASSWORD,
          role,
          provinceCode: options.provinceCode === undefined ? '24' : options.provinceCode,
          organizationId: options.organizationId ?? null,
        });
        return { authorization: `Bearer ${await authentication.createApiToken(user.id, 'test')}` };
      },
    } satisfies TestContext);
  });

  afterAll(async () => {
    await context.app?.close();
    await context.database?.close();
    await testDatabase?.drop();
  });

  return context;
}

let taxSerial = 100;

/** A valid tax code (its check digit computed), different on every call. */
export function nextTaxCode(): string {
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  for (;;) {
    taxSerial += 1;
    const nine = `3${String(taxSerial).padStart(8, '0')}`;
    const sum = weights.reduce((total, weight, index) => total + weight * Number(nine[index]), 0);
    const check = 10 - (sum % 11);
    if (check < 10) return `${nine}${check}`;
  }
}

/** A cooperative in Bắc Ninh (province 24), Phường Tân Tiến (07699), valid in every field. */
export function buildOrganization(overrides: Partial<CreateOrganization> = {}): CreateOrganization {
  return {
    kind: 'cooperative',
    name: 'Hợp tác xã Dịch vụ Nông nghiệp Tân Tiến',
    taxCode: nextTaxCode(),
    registeredOn: '2019-05-20',
    communeCode: '07699',
    addressLine: 'Thôn Đông',
    status: 'active',
    sector: 'agriculture',
    isNewModel: true,
    charterCapital: 1_200_000_000,
    legalRepresentative: 'Nguyễn Văn An',
    phone: '0912 345 678',
    ...overrides,
  };
}
