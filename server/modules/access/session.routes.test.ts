import { beforeAll, expect, it } from 'vitest';
import type { Session } from '../../../contracts/access.ts';
import { describeEachDatabase } from '../../testing/test-database.ts';
import { buildOrganization, TEST_PASSWORD, useTestApp } from '../../testing/test-app.ts';

describeEachDatabase('sessions', (kind) => {
  const context = useTestApp(kind);
  let admin: Record<string, string>;

  beforeAll(async () => {
    admin = await context.userHeaders('admin', { provinceCode: null });
    await context.userHeaders('staff', { username: 'canbo.tinh' });
  });

  const login = (username: string, password: string) =>
    context.request({ method: 'POST', url: '/api/v1/session', payload: { username, password } });

  async function openSession() {
    const response = await login('canbo.tinh', TEST_PASSWORD);
    expect(response.statusCode, response.body).toBe(200);
    const cookie = response.cookies.find((item) => item.name === 'hoptac_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    return { cookie: `hoptac_session=${cookie?.value}`, session: response.json<Session>() };
  }

  it('logs in with a cookie session and tells who is logged in', async () => {
    const { cookie, session } = await openSession();
    expect(session.user).toMatchObject({ username: 'canbo.tinh', role: 'staff', provinceCode: '24' });
    const current = await context.request({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
    expect(current.json<Session>().csrfToken).toBe(session.csrfToken);
    const list = await context.request({ method: 'GET', url: '/api/v1/organizations', headers: { cookie } });
    expect(list.statusCode).toBe(200);
  });

  it('refuses a wrong password or an unknown user with the same message', async () => {
    const wrong = await login('canbo.tinh', 'sai-mat-khau-123');
    const unknown = await login('khong.co.ai', 'sai-mat-khau-123');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json<{ detail: string }>().detail).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(unknown.json<{ detail: string }>().detail).toBe(wrong.json<{ detail: string }>().detail);
  });

  it('requires the CSRF token for changes made with the cookie', async () => {
    const { cookie, session } = await openSession();
    const payload = buildOrganization({ name: 'HTX Chống Giả Mạo' });
    const forged = await context.request({ method: 'POST', url: '/api/v1/organizations', headers: { cookie }, payload });
    expect(forged.statusCode).toBe(403);
    expect(forged.json<{ code: string }>().code).toBe('csrf');
    const genuine = await context.request({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: { cookie, 'x-csrf-token': session.csrfToken },
      payload,
    });
    expect(genuine.statusCode).toBe(201);
  });

  it('logs out: the cookie no longer works', async () => {
    const { cookie, session } = await openSession();
    const out = await context.request({ method: 'DELETE', url: '/api/v1/session', headers: { cookie, 'x-csrf-token': session.csrfToken } });
    expect(out.statusCode).toBe(204);
    expect((await context.request({ method: 'GET', url: '/api/v1/session', headers: { cookie } })).statusCode).toBe(401);
  });

  it('ends the sessions of a deactivated user', async () => {
    const { cookie } = await openSession();
    const users = await context.request({ method: 'GET', url: '/api/v1/users?q=canbo.tinh', headers: admin });
    const user = users.json<{ items: { id: string; version: number }[] }>().items[0];
    const patched = await context.request({
      method: 'PATCH',
      url: `/api/v1/users/${user?.id}`,
      headers: admin,
      payload: { version: user?.version, isActive: false },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await context.request({ method: 'GET', url: '/api/v1/session', headers: { cookie } })).statusCode).toBe(401);
    expect((await login('canbo.tinh', TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('slows down password guessing', async () => {
    const statuses: number[] = [];
    // The test configuration allows 10 attempts a minute for one address and username.
    for (let attempt = 0; attempt < 11; attempt += 1) statuses.push((await login('admin-guess', 'doan-mat-khau')).statusCode);
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const limited = await login('admin-guess', 'doan-mat-khau');
    expect(limited.json<{ detail: string }>().detail).toContain('quá nhiều lần');
  });
});
