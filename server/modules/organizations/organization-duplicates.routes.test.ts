import { beforeAll, expect, it } from 'vitest';
import type { AnnualReport } from '../../../contracts/annual-reports.ts';
import type { AuditEntry } from '../../../contracts/common.ts';
import type { DuplicatePair, Organization, OrganizationListItem } from '../../../contracts/organizations.ts';
import { describeEachDatabase } from '../../testing/test-database.ts';
import { buildOrganization, useTestApp } from '../../testing/test-app.ts';

describeEachDatabase('likely duplicates and merging', (kind) => {
  const context = useTestApp(kind);
  let staff: Record<string, string>;
  let survivor: Organization;
  let duplicate: Organization;

  beforeAll(async () => {
    staff = await context.userHeaders('staff');
    const create = async (payload: object) =>
      (await context.request({ method: 'POST', url: '/api/v1/organizations', headers: staff, payload })).json<Organization>();
    survivor = await create(buildOrganization({ name: 'HTX Nông nghiệp Đồng Tâm', taxCode: null, phone: null }));
    duplicate = await create(
      buildOrganization({ name: 'Hợp tác xã Nông nghiệp Đồng Tâmm', phone: '0912 000 111', directorName: 'Lê Thị Hoa' }),
    );
    await create(buildOrganization({ name: 'HTX Nông nghiệp Đồng Tâm', communeCode: '07246' }));
    await create(buildOrganization({ name: 'HTX Vận tải Hòa Bình' }));
    await context.request({
      method: 'POST',
      url: `/api/v1/organizations/${duplicate.id}/positions`,
      headers: staff,
      payload: { person: { fullName: 'Lê Thị Hoa' }, position: 'director', startedOn: '2020-01-01' },
    });
    for (const [id, year, revenue] of [
      [survivor.id, 2024, 100],
      [duplicate.id, 2024, 999],
      [duplicate.id, 2023, 300],
    ] as const) {
      await context.request({
        method: 'PUT',
        url: `/api/v1/organizations/${id}/annual-reports/${year}`,
        headers: staff,
        payload: { revenue },
      });
    }
  });

  it('flags nearly the same name in the same commune, not in another commune', async () => {
    const list = await context.request({ method: 'GET', url: '/api/v1/organizations?q=dong%20tam&pageSize=50', headers: staff });
    const flags = Object.fromEntries(
      list.json<{ items: OrganizationListItem[] }>().items.map((item) => [`${item.name}|${item.communeCode}`, item.hasPossibleDuplicate]),
    );
    expect(flags).toEqual({
      'HTX Nông nghiệp Đồng Tâm|07699': true,
      'Hợp tác xã Nông nghiệp Đồng Tâmm|07699': true,
      'HTX Nông nghiệp Đồng Tâm|07246': false,
    });
    const pairs = (await context.request({ method: 'GET', url: '/api/v1/organizations/duplicates', headers: staff })).json<{
      items: DuplicatePair[];
    }>().items;
    expect(pairs.map((pair) => [pair.first.name, pair.second.name].sort())).toEqual([
      ['HTX Nông nghiệp Đồng Tâm', 'Hợp tác xã Nông nghiệp Đồng Tâmm'],
    ]);
  });

  it('merges the duplicate: fills blanks, moves missing years, archives it, keeps both histories', async () => {
    const stale = await context.request({
      method: 'POST',
      url: `/api/v1/organizations/${survivor.id}/merge`,
      headers: staff,
      payload: { duplicateId: duplicate.id, version: survivor.version, duplicateVersion: 99 },
    });
    expect(stale.statusCode).toBe(409);
    const viewer = await context.userHeaders('viewer');
    const forbidden = await context.request({
      method: 'POST',
      url: `/api/v1/organizations/${survivor.id}/merge`,
      headers: viewer,
      payload: { duplicateId: duplicate.id, version: survivor.version, duplicateVersion: duplicate.version },
    });
    expect(forbidden.statusCode).toBe(403);

    const response = await context.request({
      method: 'POST',
      url: `/api/v1/organizations/${survivor.id}/merge`,
      headers: staff,
      payload: { duplicateId: duplicate.id, version: survivor.version, duplicateVersion: duplicate.version },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Organization>()).toMatchObject({
      name: 'HTX Nông nghiệp Đồng Tâm',
      taxCode: duplicate.taxCode,
      phone: '0912 000 111',
      directorName: 'Lê Thị Hoa',
    });
    const archived = (
      await context.request({ method: 'GET', url: `/api/v1/organizations/${duplicate.id}`, headers: staff })
    ).json<Organization>();
    expect(archived.archivedReason).toBe('Gộp vào "HTX Nông nghiệp Đồng Tâm"');
    const reports = (
      await context.request({ method: 'GET', url: `/api/v1/organizations/${survivor.id}/annual-reports`, headers: staff })
    ).json<{ items: AnnualReport[] }>().items;
    expect(reports.map((report) => [report.year, report.revenue])).toEqual([
      [2023, 300],
      [2024, 100],
    ]);
    const list = await context.request({ method: 'GET', url: '/api/v1/organizations?q=dong%20tam&pageSize=50', headers: staff });
    expect(list.json<{ items: OrganizationListItem[] }>().items.every((item) => !item.hasPossibleDuplicate)).toBe(true);
    const positions = await context.request({ method: 'GET', url: `/api/v1/organizations/${survivor.id}/positions`, headers: staff });
    expect(positions.body).toContain('Lê Thị Hoa');
    const history = (await context.request({ method: 'GET', url: `/api/v1/organizations/${survivor.id}/history`, headers: staff })).json<{
      items: AuditEntry[];
    }>().items;
    expect(history.map((entry) => entry.action).sort()).toEqual(['create', 'create', 'merge', 'merge']);
  });
});
