import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '../../contracts/access.ts';
import { buildApp } from '../../server/app.ts';
import type { Db } from '../../server/db/database.ts';
import { createUserService } from '../../server/modules/access/user.service.ts';
import { systemActor } from '../../server/platform/access.ts';
import { systemClock } from '../../server/platform/clock.ts';
import { seedDemoProvince } from '../../server/seed/demo-province.ts';
import { prepareDatabase } from '../../server/startup.ts';
import { testConfig } from '../../server/testing/test-app.ts';

export const E2E_PASSWORD = 'Mat-khau-e2e-12345';

export type HoptacServer = {
  url: string;
  /** The database, for a journey's givens that have no page yet (a fund to lend from). */
  db: Db;
  createUser: (username: string, role: Role, options?: { provinceCode?: string | null; organizationId?: string }) => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * hoptac as `npm start` runs it — built web app, migrated SQLite file, administrative units —
 * on a free port, with a small demo province so lists have something in them.
 */
export async function startHoptac(options: { demoCount?: number } = {}): Promise<HoptacServer> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'hoptac-e2e-'));
  const config = testConfig({ kind: 'sqlite', file: path.join(directory, 'hoptac.sqlite') });
  const { database } = await prepareDatabase(config, () => undefined);
  if (options.demoCount) await seedDemoProvince(database.db, { provinceCode: '24', count: options.demoCount });
  const app = await buildApp({ config, database, serveWeb: true });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const users = createUserService({ db: database.db, clock: systemClock });
  return {
    url: address,
    db: database.db,
    createUser: async (username, role, userOptions = {}) => {
      await users.createUser(systemActor, {
        username,
        displayName: `Cán bộ ${username}`,
        password: E2E_PASSWORD,
        role,
        provinceCode: userOptions.provinceCode === undefined ? '24' : userOptions.provinceCode,
        organizationId: userOptions.organizationId ?? null,
      });
    },
    stop: async () => {
      await app.close();
      await database.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
