import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'hoptac-cli-'));
const environment = { ...process.env, DATABASE_URL: `sqlite:${path.join(directory, 'hoptac.sqlite')}`, LOG_LEVEL: 'silent' };

const hoptac = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], { env: environment, cwd: path.resolve(import.meta.dirname, '..') });

afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

describe('the hoptac command', () => {
  it('prepares a new database and prints the first admin password exactly once', async () => {
    const first = await hoptac('migrate');
    expect(first.stdout).toContain('3.321 xã, phường, đặc khu');
    expect(first.stdout).toMatch(/tên đăng nhập: admin\s+mật khẩu:\s+\S{12,}/);
    const second = await hoptac('migrate');
    expect(second.stdout).not.toContain('mật khẩu');
  });

  it('creates users and prints an API token', async () => {
    const created = await hoptac(
      'user',
      'create',
      '--username',
      'can.bo',
      '--password',
      'mat-khau-dai-du',
      '--role',
      'staff',
      '--province',
      '24',
    );
    expect(created.stdout).toContain('Đã tạo người dùng can.bo (staff, tỉnh 24)');
    const token = (await hoptac('token', 'create', '--username', 'can.bo')).stdout.trim().split('\n').at(-1);
    expect(token).toMatch(/^hoptac_[\w-]{40,}$/);
    const refused = await hoptac('user', 'create', '--username', 'x', '--password', 'short', '--role', 'staff').catch(
      (error: { stderr: string }) => error,
    );
    expect((refused as { stderr: string }).stderr).toContain('Mật khẩu có ít nhất 10 ký tự');
  });

  it('seeds a demo province once and backs the database up to a file that opens', async () => {
    const seeded = await hoptac('seed', '--demo', '--count', '50');
    expect(seeded.stdout).toContain('Đã tạo 50 tổ chức mẫu.');
    expect(seeded.stdout).toMatch(/Đã tạo 13 hồ sơ tư vấn, \d+ thành viên Liên minh và 8 khoản vay mẫu/);
    expect((await hoptac('seed', '--demo')).stdout).toContain('không tạo thêm');
    const copy = path.join(directory, 'copy.sqlite');
    await hoptac('backup', '--out', copy);
    const database = new SQLite(copy, { readonly: true });
    // The 50 generated, and 3 cooperatives founded through the demo's advisory cases.
    expect(database.prepare('select count(*) as n from organizations').get()).toEqual({ n: 53 });
    database.close();
    const again = await hoptac('backup', '--out', copy).catch((error: { stderr: string }) => error);
    expect((again as { stderr: string }).stderr).toContain('đã có');
  });
});
