import { beforeAll, expect, it } from 'vitest';
import type { Problem } from '../../../contracts/common.ts';
import type { Fund } from '../../../contracts/finance.ts';
import { buildFund, createFund } from '../../testing/finance-factories.ts';
import { describeEachDatabase } from '../../testing/test-database.ts';
import { useTestApp } from '../../testing/test-app.ts';

describeEachDatabase('funds and their rules', (kind) => {
  const context = useTestApp(kind);
  let staff: Record<string, string>;

  beforeAll(async () => {
    staff = await context.userHeaders('staff');
  });

  const post = (url: string, payload: object, headers = staff) => context.request({ method: 'POST', url, headers, payload });

  it('opens a fund with its rules, its whole capital available', async () => {
    const fund = await createFund(context, staff);
    expect(fund).toMatchObject({ capital: 10_000_000_000, lentOut: 0, writtenOff: 0, available: 10_000_000_000, version: 1 });
    expect(fund.currentRules).toMatchObject({ appliesFrom: '2024-01-01', lendingRateBp: 650, provisionBp: [0, 500, 2000, 5000, 10000] });
    const list = await context.request({ method: 'GET', url: '/api/v1/funds', headers: await context.userHeaders('viewer') });
    expect(list.json<Fund[]>().map((item) => item.id)).toContain(fund.id);
  });

  it('adds rules applying from a later date, once per date, and refuses rules that make no sense', async () => {
    const fund = await createFund(context, staff, { name: 'Quỹ đổi quy định' });
    const rules = { ...buildFund().rules, appliesFrom: '2025-07-01', lendingRateBp: 480, overdueFactorPercent: 130 };
    const added = await post(`/api/v1/funds/${fund.id}/rules`, rules);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json<Fund>().rules.map((row) => [row.appliesFrom, row.lendingRateBp])).toEqual([
      ['2024-01-01', 650],
      ['2025-07-01', 480],
    ]);
    expect(added.json<Fund>().currentRules?.lendingRateBp).toBe(480);
    expect((await post(`/api/v1/funds/${fund.id}/rules`, rules)).json<Problem>().code).toBe('duplicate_rules_date');
    const falling = await post(`/api/v1/funds/${fund.id}/rules`, {
      ...rules,
      appliesFrom: '2026-01-01',
      debtGroupMinDays: [10, 90, 30, 180],
    });
    expect(falling.statusCode).toBe(400);
    expect(falling.json<Problem>().errors?.[0]?.field).toBe('debtGroupMinDays');
    const greedy = await post(`/api/v1/funds/${fund.id}/rules`, { ...rules, appliesFrom: '2026-01-01', overdueFactorPercent: 200 });
    expect(greedy.json<Problem>().errors?.[0]?.field).toBe('overdueFactorPercent');
    const order = await post(`/api/v1/funds/${fund.id}/rules`, {
      ...rules,
      appliesFrom: '2026-01-01',
      allocationOrder: ['interest', 'interest', 'principal'],
    });
    expect(order.json<Problem>().errors?.[0]).toEqual({
      field: 'allocationOrder',
      message: 'Thứ tự thu nợ phải gồm lãi quá hạn, lãi và gốc, mỗi khoản một lần',
    });
  });

  it('changes the capital with the version read', async () => {
    const fund = await createFund(context, staff, { name: 'Quỹ tăng vốn' });
    const patch = (payload: object, headers = staff) =>
      context.request({ method: 'PATCH', url: `/api/v1/funds/${fund.id}`, headers, payload });
    const changed = await patch({ version: 1, capital: 12_000_000_000 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<Fund>()).toMatchObject({ capital: 12_000_000_000, available: 12_000_000_000, version: 2 });
    expect((await patch({ version: 1, capital: 1 })).statusCode).toBe(409);
    expect((await patch({ version: 2, capital: 0 })).statusCode).toBe(400);
    expect((await patch({ version: 2, name: 'X' }, await context.userHeaders('leader'))).statusCode).toBe(403);
  });

  it('leaves the central fund to the national level and a province’s fund to that province', async () => {
    expect((await post('/api/v1/funds', buildFund({ provinceCode: null }))).statusCode).toBe(403);
    expect((await post('/api/v1/funds', buildFund({ provinceCode: '01' }))).statusCode).toBe(403);
    expect((await post('/api/v1/funds', buildFund(), await context.userHeaders('viewer'))).statusCode).toBe(403);
    expect((await post('/api/v1/funds', buildFund(), {})).statusCode).toBe(401);
    const hanoi = await createFund(context, await context.userHeaders('admin', { provinceCode: null }), {
      name: 'Quỹ Hà Nội',
      provinceCode: '01',
    });
    expect((await context.request({ method: 'GET', url: `/api/v1/funds/${hanoi.id}`, headers: staff })).statusCode).toBe(404);
    expect(
      (await context.request({ method: 'GET', url: '/api/v1/funds', headers: staff })).json<Fund[]>().map((item) => item.id),
    ).not.toContain(hanoi.id);
  });
});
