import { beforeAll, expect, it } from 'vitest';
import type { User } from '../../../contracts/access.ts';
import { describeEachDatabase } from '../../testing/test-database.ts';
import { useTestApp } from '../../testing/test-app.ts';

describeEachDatabase('users API', (kind) => {
  const context = useTestApp(kind);
  let admin: Record<string, string>;

  beforeAll(async () => {
    admin = await context.userHeaders('admin', { provinceCode: null });
  });

  const createUser = (payload: object, headers = admin) => context.request({ method: 'POST', url: '/api/v1/users', headers, payload });

  it('lets an administrator create a user who can then log in', async () => {
    const response = await createUser({
      username: 'Lanh.Dao',
      displayName: 'Trần Thị Lãnh',
      password: 'mat-khau-dai-du',
      role: 'leader',
      provinceCode: '24',
    });
    expect(response.statusCode, response.body).toBe(201);
    const user = response.json<User>();
    expect(user).toMatchObject({ username: 'lanh.dao', role: 'leader', provinceCode: '24', isActive: true });
    expect(response.body).not.toContain('password');
    const login = await context.request({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'lanh.dao', password: 'mat-khau-dai-du' },
    });
    expect(login.statusCode).toBe(200);
  });

  it('refuses a short password, a taken username and an unknown province', async () => {
    const short = await createUser({ username: 'ngan', displayName: 'Ngắn', password: '123', role: 'staff' });
    expect(short.json<{ errors: { field: string; message: string }[] }>().errors).toEqual([
      { field: 'password', message: 'Mật khẩu có ít nhất 10 ký tự' },
    ]);
    await createUser({ username: 'trung.ten', displayName: 'A', password: 'mat-khau-dai-du', role: 'staff', provinceCode: '24' });
    const taken = await createUser({
      username: 'trung.ten',
      displayName: 'B',
      password: 'mat-khau-dai-du',
      role: 'staff',
      provinceCode: '24',
    });
    expect(taken.statusCode).toBe(409);
    const cooperative = await createUser({
      username: 'htx.a',
      displayName: 'HTX',
      password: 'mat-khau-dai-du',
      role: 'cooperative',
      provinceCode: '24',
    });
    expect(cooperative.statusCode).toBe(400);
  });

  it('keeps user management to administrators, a provincial one to their province', async () => {
    const staff = await context.userHeaders('staff');
    expect((await context.request({ method: 'GET', url: '/api/v1/users', headers: staff })).statusCode).toBe(403);
    const provincialAdmin = await context.userHeaders('admin', { provinceCode: '24' });
    const elsewhere = await createUser(
      { username: 'ha.noi', displayName: 'Hà Nội', password: 'mat-khau-dai-du', role: 'staff', provinceCode: '01' },
      provincialAdmin,
    );
    expect(elsewhere.statusCode).toBe(403);
    const listed = await context.request({ method: 'GET', url: '/api/v1/users', headers: provincialAdmin });
    expect(listed.json<{ items: User[] }>().items.every((user) => user.provinceCode === '24')).toBe(true);
  });

  it('refuses a stale edit of a user', async () => {
    const user = (
      await createUser({ username: 'sua.hai.lan', displayName: 'Sửa', password: 'mat-khau-dai-du', role: 'viewer', provinceCode: '24' })
    ).json<User>();
    const url = `/api/v1/users/${user.id}`;
    expect((await context.request({ method: 'PATCH', url, headers: admin, payload: { version: 1, role: 'staff' } })).statusCode).toBe(200);
    expect((await context.request({ method: 'PATCH', url, headers: admin, payload: { version: 1, role: 'leader' } })).statusCode).toBe(409);
  });
});
