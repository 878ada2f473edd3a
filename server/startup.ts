import { randomBytes } from 'node:crypto';
import type { Config } from './config.ts';
import { type DatabaseHandle, openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createUserService } from './modules/access/user.service.ts';
import { createUserRepository } from './modules/access/user.repository.ts';
import { ensureAdministrativeUnits } from './modules/places/admin-units.loader.ts';
import { createPlacesRepository } from './modules/places/places.repository.ts';
import { systemActor } from './platform/access.ts';
import { systemClock } from './platform/clock.ts';

export type Prepared = { database: DatabaseHandle; initialAdminPassword: string | null };

/**
 * Opens the database and brings it to a working state: schema migrated, administrative units
 * loaded, and on a new database an `admin` account whose random password is returned once.
 */
export async function prepareDatabase(config: Config, log: (line: string) => void = console.log): Promise<Prepared> {
  const database = openDatabase(config.database);
  const applied = await migrateToLatest(database.db);
  if (applied.length > 0) log(`Đã cập nhật cấu trúc dữ liệu: ${applied.join(', ')}`);
  if (await ensureAdministrativeUnits(createPlacesRepository(database.db))) {
    log('Đã nạp danh mục 34 tỉnh, thành phố và 3.321 xã, phường, đặc khu.');
  }
  let initialAdminPassword: string | null = null;
  if ((await createUserRepository(database.db).countUsers()) === 0) {
    initialAdminPassword = randomBytes(12).toString('base64url');
    await createUserService({ db: database.db, clock: systemClock }).createUser(systemActor, {
      username: 'admin',
      displayName: 'Quản trị hệ thống',
      password: initialAdminPassword,
      role: 'admin',
      provinceCode: null,
    });
  }
  return { database, initialAdminPassword };
}

export function announceInitialAdmin(password: string | null, log: (line: string) => void = console.log): void {
  if (!password) return;
  log('');
  log('  Tài khoản quản trị đầu tiên (chỉ hiện một lần — hãy ghi lại và đổi sau khi đăng nhập):');
  log('    tên đăng nhập: admin');
  log(`    mật khẩu:      ${password}`);
  log('');
}
