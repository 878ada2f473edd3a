import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Session } from '../../../contracts/access.ts';
import { buildApp } from '../../app.ts';
import { buildOrganization, TEST_PASSWORD, testConfig, useTestApp } from '../../testing/test-app.ts';
import { describeEachDatabase } from '../../testing/test-database.ts';

/**
 * Each instance of hoptac remembers the sessions and tokens it has checked. Whatever changes who
 * may do what — on this instance, another, or in SQL — counts from the very next request.
 */
describeEachDatabase('checked credentials kept in memory', (kind) => {
  const context = useTestApp(kind);
  let other: Awaited<ReturnType<typeof buildApp>>;
  let admin: Record<string, string>;

  beforeAll(async () => {
    other = await buildApp({ config: testConfig({ kind: 'sqlite', file: ':memory:' }), database: context.database, serveWeb: false });
    admin = await context.userHeaders('admin', { provinceCode: null });
  });
  afterAll(async () => {
    await other?.close();
  });

  /** Asked twice on the other instance: the second answer comes from what it remembers. */
  const sessionOnOther = async (headers: Record<string, string>) => {
    let status = 0;
    for (let time = 0; time < 2; time += 1) status = (await other.inject({ method: 'GET', url: '/api/v1/session', headers })).statusCode;
    return status;
  };
  const userByName = async (username: string) => {
    const response = await context.request({ method: 'GET', url: `/api/v1/users?q=${username}`, headers: admin });
    return response.json<{ items: { id: string; version: number; username: string }[] }>().items.find((user) => user.username === username);
  };

  it('refuses a token on the other instance as soon as its user is switched off', async () => {
    const token = await context.userHeaders('staff', { username: 'tat.may' });
    expect(await sessionOnOther(token)).toBe(200);
    const user = await userByName('tat.may');
    const patched = await context.request({
      method: 'PATCH',
      url: `/api/v1/users/${user?.id}`,
      headers: admin,
      payload: { version: user?.version, isActive: false },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await sessionOnOther(token)).toBe(401);
  });

  it('ends a cookie session on the other instance at logout', async () => {
    await context.userHeaders('staff', { username: 'dang.xuat' });
    const login = await context.request({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'dang.xuat', password: TEST_PASSWORD },
    });
    const cookie = `hoptac_session=${login.cookies.find((item) => item.name === 'hoptac_session')?.value}`;
    expect(await sessionOnOther({ cookie })).toBe(200);
    const out = await context.request({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { cookie, 'x-csrf-token': login.json<Session>().csrfToken },
    });
    expect(out.statusCode).toBe(204);
    expect(await sessionOnOther({ cookie })).toBe(401);
  });

  it('applies a role changed in SQL to the next request', async () => {
    const viewer = await context.userHeaders('viewer', { username: 'doi.vai.tro' });
    const create = () => other.inject({ method: 'POST', url: '/api/v1/organizations', headers: viewer, payload: buildOrganization() });
    expect(await sessionOnOther(viewer)).toBe(200);
    expect((await create()).statusCode).toBe(403);
    await sql`update users set role = 'staff' where username = 'doi.vai.tro'`.execute(context.database.db);
    expect((await create()).statusCode).toBe(201);
  });
});
