import { beforeAll, expect, it } from 'vitest';
import type { AdvisoryCase } from '../../../contracts/advisory.ts';
import type { Membership } from '../../../contracts/membership.ts';
import type { Organization, OrganizationPage } from '../../../contracts/organizations.ts';
import { buildOrganization, nextTaxCode, useTestApp } from '../../testing/test-app.ts';
import { describeEachDatabase } from '../../testing/test-database.ts';
import { calendarDateInVietnam } from './person.rules.ts';

type Headers = Record<string, string>;

const today = calendarDateInVietnam(new Date());
const thisYear = Number(today.slice(0, 4));

describeEachDatabase('organisations founded with the Alliance’s support', (kind) => {
  const context = useTestApp(kind);
  let staff: Headers;

  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    context.request({ method, url: `/api/v1${url}`, headers: staff, ...(payload ? { payload } : {}) });

  /** A founding case taken to "registered": the organisation it creates is founded with support today. */
  async function foundWithSupport(name: string): Promise<Organization> {
    const opened = await call('POST', '/advisory-cases', {
      kind: 'founding',
      title: `Tư vấn thành lập ${name}`,
      communeCode: '07699',
      groupName: name,
      contactName: 'Trần Thị Bình',
      intendedSector: 'agriculture',
      foundingMembers: 7,
      dueOn: today,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    let item = opened.json<AdvisoryCase>();
    for (const stage of ['preparing', 'submitted']) {
      item = (await call('POST', `/advisory-cases/${item.id}/stage`, { version: item.version, stage })).json<AdvisoryCase>();
    }
    const registered = await call('POST', `/advisory-cases/${item.id}/register`, {
      version: item.version,
      registeredOn: today,
      organization: { taxCode: nextTaxCode() },
    });
    expect(registered.statusCode, registered.body).toBe(200);
    const id = registered.json<AdvisoryCase>().organization?.id;
    return (await call('GET', `/organizations/${id}`)).json<Organization>();
  }

  const listNames = async (query: string) =>
    (await call('GET', `/organizations?pageSize=100&${query}`)).json<OrganizationPage>().items.map((item) => item.name);

  beforeAll(async () => {
    staff = await context.userHeaders('staff');
  });

  it('lists the organisations founded with support, and those founded with support in a given year', async () => {
    const founded = await foundWithSupport('HTX Rau sạch Tân Tiến');
    const ordinary = (await call('POST', '/organizations', buildOrganization({ name: 'HTX Vận tải Tân Tiến' }))).json<Organization>();

    expect(await listNames('foundedWithSupport=true')).toContain(founded.name);
    expect(await listNames('foundedWithSupport=true')).not.toContain(ordinary.name);
    expect(await listNames('foundedWithSupport=false')).toContain(ordinary.name);
    expect(await listNames('foundedWithSupport=false')).not.toContain(founded.name);
    expect(await listNames(`foundedYear=${thisYear}`)).toEqual([founded.name]);
    expect(await listNames(`foundedYear=${thisYear - 1}`)).toEqual([]);
  });

  it('keeps "founded with support", its cases and its membership when the record is merged into a duplicate', async () => {
    const duplicate = await foundWithSupport('HTX Nông sản Đồng Tâm');
    const survivor = (
      await call('POST', '/organizations', buildOrganization({ name: 'HTX Nông sản Đồng Tâm', taxCode: null }))
    ).json<Organization>();
    const admitted = await call('POST', '/memberships', { organizationId: duplicate.id, category: 'official', joinedOn: today });
    expect(admitted.statusCode, admitted.body).toBe(201);

    const merged = await call('POST', `/organizations/${survivor.id}/merge`, {
      duplicateId: duplicate.id,
      version: survivor.version,
      duplicateVersion: duplicate.version,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json<Organization>().foundedWithSupportOn).toBe(today);
    expect(await listNames(`foundedYear=${thisYear}`)).toContain(survivor.name);

    const cases = (await call('GET', `/advisory-cases?organizationId=${survivor.id}`)).json<{ items: { title: string }[] }>();
    expect(cases.items.map((item) => item.title)).toEqual(['Tư vấn thành lập HTX Nông sản Đồng Tâm']);
    const memberships = (await call('GET', `/organizations/${survivor.id}/memberships`)).json<{ items: Membership[] }>();
    expect(memberships.items.map((item) => [item.category, item.joinedOn])).toEqual([['official', today]]);
  });
});
