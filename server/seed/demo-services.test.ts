import { beforeAll, expect, it } from 'vitest';
import type { FoundedStats } from '../../contracts/advisory.ts';
import type { Portfolio } from '../../contracts/finance-ledger.ts';
import type { MembershipStats } from '../../contracts/membership.ts';
import { testConfig, useTestApp } from '../testing/test-app.ts';
import { describeEachDatabase } from '../testing/test-database.ts';
import { seedDemoProvince } from './demo-province.ts';
import { seedDemoServices } from './demo-services.ts';

describeEachDatabase('the demo province’s year of services', (kind) => {
  const context = useTestApp(kind);
  let leader: Record<string, string>;
  const get = async <T>(url: string) => {
    const response = await context.request({ method: 'GET', url: `/api/v1${url}`, headers: leader });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  };

  beforeAll(async () => {
    await seedDemoProvince(context.database.db, { provinceCode: '24', count: 80 });
    leader = await context.userHeaders('leader');
  });

  it('fills every service with work a leader can read, through the same rules as the web, and only once', async () => {
    const made = await seedDemoServices(context.database, testConfig({ kind: 'sqlite', file: ':memory:' }), { provinceCode: '24' });
    expect(made).toMatchObject({ cases: 13, loans: 8 });
    // Every fifth active organisation joined the Alliance; two of them have left.
    expect(made?.members).toBeGreaterThan(5);

    const founded = await get<FoundedStats>('/advisory-cases/founded-stats');
    expect(founded.byYear.reduce((sum, year) => sum + year.total, 0)).toBe(3);
    const members = await get<MembershipStats>('/memberships/stats');
    expect(members.members.total).toBe((made?.members ?? 0) - 2);
    const portfolio = await get<Portfolio>('/finance/portfolio');
    // Three loans repaid on time, one some ten weeks late; one paid off and closed.
    expect(portfolio.totals.loans).toBe(4);
    expect(portfolio.byDebtGroup.find((group) => group.group === 1)?.loans).toBe(3);
    expect(portfolio.byDebtGroup.find((group) => group.group === 3)?.loans).toBe(1);
    expect(portfolio.totals.outstanding).toBeGreaterThan(0);

    expect(await seedDemoServices(context.database, testConfig({ kind: 'sqlite', file: ':memory:' }), { provinceCode: '24' })).toBeNull();
  });
});
