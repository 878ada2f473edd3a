import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createUserSchema } from '../contracts/access.ts';
import { buildApp } from './app.ts';
import { type Config, loadConfig } from './config.ts';
import type { DatabaseHandle } from './db/database.ts';
import { createAuthenticationService } from './modules/access/authentication.service.ts';
import { createCredentialRepository } from './modules/access/credential.repository.ts';
import { createUserRepository } from './modules/access/user.repository.ts';
import { createUserService } from './modules/access/user.service.ts';
import { systemActor } from './platform/access.ts';
import { systemClock } from './platform/clock.ts';
import { AppError } from './platform/errors.ts';
import { toFieldErrors } from './platform/validation.ts';
import { seedDemoProvince } from './seed/demo-province.ts';
import { seedDemoServices } from './seed/demo-services.ts';
import { announceInitialAdmin, prepareDatabase } from './startup.ts';

const USAGE = `hoptac — quản lý Liên minh Hợp tác xã

  npm run hoptac -- serve [--demo]          chạy máy chủ (PORT, DATABASE_URL)
  npm run hoptac -- migrate                 cập nhật cấu trúc dữ liệu
  npm run hoptac -- seed --demo [--province 24] [--count 400]
  npm run hoptac -- user create --username U --password P --role R [--province 01] [--name "Họ tên"]
  npm run hoptac -- token create --username U [--name "tên"]
  npm run hoptac -- backup --out FILE       bản sao nhất quán, kể cả khi đang chạy`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    demo: { type: 'boolean', default: false },
    username: { type: 'string' },
    password: { type: 'string' },
    role: { type: 'string' },
    province: { type: 'string' },
    name: { type: 'string' },
    organization: { type: 'string' },
    out: { type: 'string' },
    count: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function required(value: string | undefined, option: string): string {
  if (!value) fail(`Thiếu --${option}.\n\n${USAGE}`);
  return value;
}

async function seedDemo(database: DatabaseHandle, config: Config): Promise<void> {
  const count = values.count ? Number(values.count) : 400;
  const provinceCode = values.province ?? '24';
  const created = await seedDemoProvince(database.db, { provinceCode, count });
  console.log(created > 0 ? `Đã tạo ${created} tổ chức mẫu.` : 'Dữ liệu mẫu đã có sẵn; không tạo thêm.');
  const services = await seedDemoServices(database, config, { provinceCode });
  if (services) {
    console.log(
      `Đã tạo ${services.cases} hồ sơ tư vấn, ${services.members} thành viên Liên minh và ${services.loans} khoản vay mẫu ` +
        '(người dùng mẫu demo.tuvan, demo.tindung, demo.lanhdao: quản trị viên đặt mật khẩu cho họ nếu cần).',
    );
  }
}

async function serve(): Promise<void> {
  const config = loadConfig();
  const { database, initialAdminPassword } = await prepareDatabase(config);
  if (values.demo) await seedDemo(database, config);
  const app = await buildApp({ config, database });
  const close = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  console.log(`hoptac đang chạy tại http://localhost:${config.port} (cơ sở dữ liệu: ${database.kind})`);
  announceInitialAdmin(initialAdminPassword);
}

async function backup(database: DatabaseHandle, out: string): Promise<void> {
  const target = path.resolve(out);
  if (fs.existsSync(target)) fail(`Tệp ${target} đã có; hãy chọn tên khác để không ghi đè.`);
  if (database.sqlite) {
    // SQLite's online backup copies a consistent snapshot while the server keeps writing.
    await database.sqlite.backup(target);
  } else {
    const url = loadConfig().database;
    if (url.kind !== 'postgres') return;
    await new Promise<void>((resolve, reject) => {
      const dump = spawn('pg_dump', ['--format=custom', `--file=${target}`, url.url], { stdio: 'inherit' });
      dump.on('error', () => reject(new Error('Không tìm thấy pg_dump: hãy cài gói postgresql-client.')));
      dump.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pg_dump dừng với mã ${code}`))));
    });
  }
  console.log(`Đã sao lưu vào ${target}`);
}

async function run(): Promise<void> {
  const [command, subcommand] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  if (command === 'serve') return serve();

  const config = loadConfig();
  const { database, initialAdminPassword } = await prepareDatabase(config);
  try {
    announceInitialAdmin(initialAdminPassword);
    if (command === 'migrate') {
      console.log('Cấu trúc dữ liệu đã ở phiên bản mới nhất.');
    } else if (command === 'seed') {
      if (!values.demo) fail('Hiện chỉ có dữ liệu mẫu: seed --demo');
      await seedDemo(database, config);
    } else if (command === 'user' && subcommand === 'create') {
      const input = createUserSchema.safeParse({
        username: required(values.username, 'username'),
        password: required(values.password, 'password'),
        displayName: values.name ?? values.username,
        role: required(values.role, 'role'),
        provinceCode: values.province ?? null,
        organizationId: values.organization ?? null,
      });
      if (!input.success) {
        fail(
          toFieldErrors(input.error.issues)
            .map((item) => `${item.field}: ${item.message.vi}`)
            .join('\n'),
        );
      }
      const user = await createUserService({ db: database.db, clock: systemClock }).createUser(systemActor, input.data);
      console.log(`Đã tạo người dùng ${user.username} (${user.role}${user.provinceCode ? `, tỉnh ${user.provinceCode}` : ''}).`);
    } else if (command === 'token' && subcommand === 'create') {
      const username = required(values.username, 'username');
      const credentials = await createUserRepository(database.db).findCredentials(username);
      if (!credentials) fail(`Không có người dùng ${username}.`);
      const authentication = createAuthenticationService({
        users: createUserRepository(database.db),
        credentials: createCredentialRepository(database.db),
        clock: systemClock,
        sessionDays: config.sessionDays,
      });
      console.log(await authentication.createApiToken(credentials.id, values.name ?? 'cli'));
    } else if (command === 'backup') {
      await backup(database, required(values.out, 'out'));
    } else {
      fail(`Lệnh không rõ: ${positionals.join(' ')}\n\n${USAGE}`);
    }
  } finally {
    await database.close();
  }
}

run().catch((error: unknown) => {
  if (error instanceof AppError) {
    const fields = error.extras.errors?.map((item) => `  ${item.field}: ${item.message.vi}`).join('\n');
    fail(`${error.detail.vi}${fields ? `\n${fields}` : ''}`);
  }
  console.error(error);
  process.exit(1);
});
