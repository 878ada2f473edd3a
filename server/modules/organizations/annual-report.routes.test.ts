import { beforeAll, expect, it } from 'vitest';
import type { AnnualReport, BandDistribution } from '../../../contracts/annual-reports.ts';
import type { Organization, OrganizationSummary } from '../../../contracts/organizations.ts';
import { describeEachDatabase } from '../../testing/test-database.ts';
import { buildOrganization, useTestApp } from '../../testing/test-app.ts';

describeEachDatabase('yearly figures and classification', (kind) => {
  const context = useTestApp(kind);
  let staff: Record<string, string>;
  let organization: Organization;

  beforeAll(async () => {
    staff = await context.userHeaders('staff');
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: staff,
      payload: buildOrganization({ name: 'HTX Số Liệu Năm' }),
    });
    organization = response.json<Organization>();
  });

  const save = (year: number, payload: object, headers = staff, id = organization.id) =>
    context.request({ method: 'PUT', url: `/api/v1/organizations/${id}/annual-reports/${year}`, headers, payload });
  const listIds = async (query: string) => {
    const response = await context.request({ method: 'GET', url: `/api/v1/organizations?pageSize=200&${query}`, headers: staff });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: OrganizationSummary[] }>().items.map((item) => item.id);
  };

  it('enters a year, classifies it by the rules of the year, and shows the years in order', async () => {
    const created = await save(2025, {
      officialMembers: 40,
      workers: 12,
      workersWhoAreMembers: 8,
      revenue: 3_450_500_000,
      memberServiceRevenue: 1_000_000_000,
      profitBeforeTax: -25_000_000,
      isInValueChain: true,
      ocopProducts: 2,
      classificationScore: 81.5,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<AnnualReport>()).toMatchObject({
      year: 2025,
      revenue: 3_450_500_000,
      profitBeforeTax: -25_000_000,
      classificationBand: 'good',
      isInValueChain: true,
      version: 1,
    });
    expect((await save(2024, { revenue: 2_000_000_000, classificationScore: 64.9 })).json<AnnualReport>().classificationBand).toBe(
      'average',
    );
    const list = await context.request({ method: 'GET', url: `/api/v1/organizations/${organization.id}/annual-reports`, headers: staff });
    expect(list.json<{ items: AnnualReport[] }>().items.map((item) => item.year)).toEqual([2024, 2025]);
  });

  it('changes a year only with the version read', async () => {
    const changed = await save(2025, { version: 1, officialMembers: 41, revenue: 3_450_500_000, classificationScore: 70 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<AnnualReport>()).toMatchObject({ officialMembers: 41, classificationBand: 'fair', version: 2 });
    expect((await save(2025, { version: 1, officialMembers: 99 })).statusCode).toBe(409);
    expect((await save(2025, { officialMembers: 99 })).statusCode).toBe(409);
  });

  it('refuses figures that contradict each other, a future year and a year out of range', async () => {
    const response = await save(2023, { workers: 5, workersWhoAreMembers: 9, revenue: 10, memberServiceRevenue: 20 });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors.map((error) => error.field)).toEqual([
      'workersWhoAreMembers',
      'memberServiceRevenue',
    ]);
    expect((await save(new Date().getFullYear() + 1, { revenue: 1 })).statusCode).toBe(400);
    expect((await save(1800, { revenue: 1 })).statusCode).toBe(400);
    expect((await save(2023, { revenue: 1.5 })).statusCode).toBe(400);
  });

  it('filters the list by revenue of a year, by band, and by having no figures', async () => {
    const other = (
      await context.request({
        method: 'POST',
        url: '/api/v1/organizations',
        headers: staff,
        payload: buildOrganization({ name: 'HTX Chưa Báo Cáo' }),
      })
    ).json<Organization>();
    expect(await listIds('figuresYear=2025&revenueMin=3000000000')).toEqual([organization.id]);
    expect(await listIds('figuresYear=2025&revenueMin=4000000000')).toEqual([]);
    expect(await listIds('figuresYear=2024&band=average')).toEqual([organization.id]);
    const without2025 = await listIds('figuresYear=2025&hasFigures=false');
    expect(without2025).toContain(other.id);
    expect(without2025).not.toContain(organization.id);
    const noYear = await context.request({ method: 'GET', url: '/api/v1/organizations?revenueMin=1', headers: staff });
    expect(noYear.statusCode).toBe(400);
    expect(noYear.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('figuresYear');
  });

  it('counts the bands of a year for the dashboard', async () => {
    const response = await context.request({ method: 'GET', url: '/api/v1/annual-reports/bands?year=2025', headers: staff });
    const distribution = response.json<BandDistribution>();
    expect(distribution.byBand.find((item) => item.band === 'fair')?.count).toBe(1);
    expect(distribution.rated).toBe(1);
    expect(distribution.withoutFigures).toBeGreaterThanOrEqual(1);
  });

  it('lets a cooperative report its own figures only, and keeps viewers read-only', async () => {
    const cooperative = await context.userHeaders('cooperative', { organizationId: organization.id });
    expect((await save(2022, { officialMembers: 30 }, cooperative)).statusCode).toBe(201);
    const viewer = await context.userHeaders('viewer');
    expect((await save(2021, { officialMembers: 30 }, viewer)).statusCode).toBe(403);
    const stranger = (
      await context.request({
        method: 'POST',
        url: '/api/v1/organizations',
        headers: staff,
        payload: buildOrganization({ name: 'HTX Khác' }),
      })
    ).json<Organization>();
    expect((await save(2022, { officialMembers: 30 }, cooperative, stranger.id)).statusCode).toBe(404);
  });
});
