import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Organization, OrganizationPage } from '../../../contracts/organizations.ts';
import { buildApp } from '../../app.ts';
import { buildOrganization, testConfig, useTestApp } from '../../testing/test-app.ts';
import { describeEachDatabase } from '../../testing/test-database.ts';

type Headers = Record<string, string>;

/**
 * The list keeps pages in memory; two instances of hoptac on one database each have their own.
 * Whatever one instance writes — or anyone writes in SQL — the other's next list shows it.
 */
describeEachDatabase('registry list pages kept in memory', (kind) => {
  const context = useTestApp(kind);
  let other: Awaited<ReturnType<typeof buildApp>>;
  let staff: Headers;

  beforeAll(async () => {
    other = await buildApp({ config: testConfig({ kind: 'sqlite', file: ':memory:' }), database: context.database, serveWeb: false });
    staff = await context.userHeaders('staff');
  });
  afterAll(async () => {
    await other?.close();
  });

  const write = async (method: 'POST' | 'PATCH' | 'PUT', url: string, payload: object) => {
    const response = await context.request({ method, url: `/api/v1${url}`, headers: staff, payload });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json<Organization>();
  };
  /** Read through the other instance, twice: the second answer comes from its memory. */
  const listOnOther = async (query: string) => {
    let page: OrganizationPage | undefined;
    for (let time = 0; time < 2; time += 1) {
      const response = await other.inject({ method: 'GET', url: `/api/v1/organizations?${query}`, headers: staff });
      expect(response.statusCode, response.body).toBe(200);
      page = response.json<OrganizationPage>();
    }
    return page as OrganizationPage;
  };

  it('shows a new, edited or archived organisation at once on the other instance', async () => {
    expect((await listOnOther('q=hop tac xa bo nhot')).total).toBe(0);
    const created = await write('POST', '/organizations', buildOrganization({ name: 'Hợp tác xã Bộ Nhớt' }));
    expect((await listOnOther('q=hop tac xa bo nhot')).items.map((item) => item.name)).toEqual(['Hợp tác xã Bộ Nhớt']);

    const renamed = await write('PATCH', `/organizations/${created.id}`, { version: created.version, name: 'Hợp tác xã Bộ Nhớt Mới' });
    expect((await listOnOther('q=bo nhot')).items.map((item) => item.name)).toEqual(['Hợp tác xã Bộ Nhớt Mới']);

    await write('POST', `/organizations/${created.id}/archive`, { version: renamed.version, reason: 'Giải thể' });
    expect((await listOnOther('q=bo nhot')).total).toBe(0);
  });

  it('follows yearly figures and place names, which the list filters and shows', async () => {
    const organization = await write('POST', '/organizations', buildOrganization({ name: 'Hợp tác xã Doanh Thu Lớn' }));
    const query = 'figuresYear=2025&revenueMin=5000000000&q=doanh thu lon';
    expect((await listOnOther(query)).total).toBe(0);
    await write('PUT', `/organizations/${organization.id}/annual-reports/2025`, { revenue: 6_000_000_000 });
    expect((await listOnOther(query)).total).toBe(1);

    // A correction made straight in the database (an administrator's script) counts too.
    expect((await listOnOther('q=doanh thu lon')).items[0]?.communeName).toBe('Phường Tân Tiến');
    await sql`update communes set name = 'Phường Tân Tiến Mới' where code = '07699'`.execute(context.database.db);
    expect((await listOnOther('q=doanh thu lon')).items[0]?.communeName).toBe('Phường Tân Tiến Mới');
    await sql`update communes set name = 'Phường Tân Tiến' where code = '07699'`.execute(context.database.db);
  });
});
