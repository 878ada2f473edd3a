import { beforeAll, expect, it } from 'vitest';
import type { Role } from '../contracts/access.ts';
import type { Organization } from '../contracts/organizations.ts';
import { describeEachDatabase } from './testing/test-database.ts';
import { buildOrganization, TEST_PASSWORD, useTestApp } from './testing/test-app.ts';
import { buildFund, buildLoan } from './testing/finance-factories.ts';
import { samplePdf } from './testing/documents.ts';
import { multipartBody } from './testing/multipart.ts';

type Caller = Role | 'anonymous';
const CALLERS: Caller[] = ['admin', 'staff', 'leader', 'viewer', 'cooperative', 'anonymous'];

type Case = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route as registered; `:id` is filled with an organisation (or user) made for the case. */
  route: string;
  allowed: Caller[];
  body?: (organization: Organization) => object;
};

const everyone: Caller[] = ['admin', 'staff', 'leader', 'viewer', 'cooperative'];
const writers: Caller[] = ['admin', 'staff'];

/** Every API route and who may call it. The last test checks that no route is missing here. */
const CASES: Case[] = [
  { method: 'GET', route: '/api/v1/health', allowed: CALLERS },
  { method: 'GET', route: '/api/v1/session', allowed: everyone },
  { method: 'POST', route: '/api/v1/session', allowed: CALLERS, body: () => ({ username: 'matrix.login', password: TEST_PASSWORD }) },
  { method: 'DELETE', route: '/api/v1/session', allowed: CALLERS },
  { method: 'GET', route: '/api/v1/users', allowed: ['admin'] },
  {
    method: 'POST',
    route: '/api/v1/users',
    allowed: ['admin'],
    body: () => ({
      username: `u${Math.random().toString(36).slice(2, 9)}`,
      displayName: 'X',
      password: 'mat-khau-dai-du',
      role: 'viewer',
      provinceCode: '24',
    }),
  },
  { method: 'PATCH', route: '/api/v1/users/:id', allowed: ['admin'], body: () => ({ version: 1, displayName: 'Tên mới' }) },
  { method: 'GET', route: '/api/v1/provinces', allowed: everyone },
  { method: 'GET', route: '/api/v1/communes', allowed: everyone },
  { method: 'GET', route: '/api/v1/organizations', allowed: everyone },
  { method: 'GET', route: '/api/v1/organizations/stats', allowed: everyone },
  { method: 'POST', route: '/api/v1/organizations', allowed: writers, body: () => buildOrganization({ name: 'HTX Ma Trận Quyền' }) },
  { method: 'GET', route: '/api/v1/organizations/:id', allowed: everyone },
  {
    method: 'PATCH',
    route: '/api/v1/organizations/:id',
    allowed: writers,
    body: (organization) => ({ version: organization.version, name: 'HTX Đổi Tên' }),
  },
  {
    method: 'POST',
    route: '/api/v1/organizations/:id/archive',
    allowed: writers,
    body: (organization) => ({ version: organization.version, reason: 'Thử quyền' }),
  },
  { method: 'GET', route: '/api/v1/organizations/:id/history', allowed: everyone },
  { method: 'GET', route: '/api/v1/organizations/:id/annual-reports', allowed: everyone },
  {
    method: 'PUT',
    route: '/api/v1/organizations/:id/annual-reports/:year',
    allowed: [...writers, 'cooperative'],
    body: () => ({ officialMembers: 12 }),
  },
  { method: 'GET', route: '/api/v1/classification-rubrics', allowed: everyone },
  { method: 'GET', route: '/api/v1/annual-reports/bands?year=2025', allowed: everyone },
  { method: 'GET', route: '/api/v1/organizations/export', allowed: everyone },
  { method: 'GET', route: '/api/v1/organizations/duplicates', allowed: everyone },
  {
    method: 'POST',
    route: '/api/v1/organizations/:id/merge',
    allowed: writers,
    body: (organization) => ({ duplicateId: organization.id, version: organization.version, duplicateVersion: organization.version }),
  },
  { method: 'GET', route: '/api/v1/organizations/template', allowed: everyone },
  { method: 'GET', route: '/api/v1/annual-reports/export?year=2024', allowed: everyone },
  { method: 'GET', route: '/api/v1/annual-reports/template', allowed: everyone },
  { method: 'GET', route: '/api/v1/imports', allowed: writers },
  { method: 'POST', route: '/api/v1/imports', allowed: writers },
  { method: 'GET', route: '/api/v1/imports/:id', allowed: writers },
  { method: 'GET', route: '/api/v1/imports/:id/rows', allowed: writers },
  { method: 'PUT', route: '/api/v1/imports/:id/rows/:rowNumber/commune', allowed: writers, body: () => ({ communeCode: '07699' }) },
  { method: 'POST', route: '/api/v1/imports/:id/commit', allowed: writers, body: () => ({ version: 1 }) },
  { method: 'GET', route: '/api/v1/imports/:id/report', allowed: writers },
  { method: 'GET', route: '/api/v1/people', allowed: everyone },
  { method: 'GET', route: '/api/v1/people/template', allowed: everyone },
  { method: 'GET', route: '/api/v1/people/export', allowed: everyone },
  { method: 'POST', route: '/api/v1/people', allowed: writers, body: () => ({ fullName: 'Người Ma Trận Quyền' }) },
  { method: 'GET', route: '/api/v1/people/:id', allowed: everyone },
  {
    method: 'PATCH',
    route: '/api/v1/people/:id',
    allowed: [...writers, 'cooperative'],
    body: () => ({ version: 1, phone: '0987 654 321' }),
  },
  { method: 'POST', route: '/api/v1/people/:id/erase', allowed: writers, body: () => ({ version: 1, reason: 'Thử quyền' }) },
  { method: 'GET', route: '/api/v1/people/:id/personal-data', allowed: writers },
  { method: 'GET', route: '/api/v1/organizations/:id/positions', allowed: everyone },
  {
    method: 'POST',
    route: '/api/v1/organizations/:id/positions',
    allowed: [...writers, 'cooperative'],
    body: () => ({ person: { fullName: 'Người Ma Trận' }, position: 'contact' }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/positions/:id',
    allowed: [...writers, 'cooperative'],
    body: () => ({ version: 1, endedOn: '2025-12-31' }),
  },
  // Advisory: `:id` is a consulting case of the caller's organisation (or its activity, or its attachment).
  { method: 'GET', route: '/api/v1/advisory-cases', allowed: everyone },
  { method: 'GET', route: '/api/v1/advisory-cases/board', allowed: everyone },
  { method: 'GET', route: '/api/v1/advisory-cases/stats', allowed: everyone },
  { method: 'GET', route: '/api/v1/advisory-cases/founded-stats', allowed: everyone },
  { method: 'GET', route: '/api/v1/advisory-cases/export', allowed: everyone },
  { method: 'GET', route: '/api/v1/advisory-cases/report/export', allowed: everyone },
  { method: 'GET', route: '/api/v1/advisory-officers', allowed: ['admin', 'staff', 'leader'] },
  {
    method: 'POST',
    route: '/api/v1/advisory-cases',
    allowed: writers,
    body: (organization) => ({ kind: 'legal', title: 'Tư vấn pháp lý', dueOn: '2099-12-31', organizationId: organization.id }),
  },
  { method: 'GET', route: '/api/v1/advisory-cases/:id', allowed: everyone },
  { method: 'PATCH', route: '/api/v1/advisory-cases/:id', allowed: writers, body: () => ({ version: 1, title: 'Đổi tiêu đề' }) },
  { method: 'POST', route: '/api/v1/advisory-cases/:id/stage', allowed: writers, body: () => ({ version: 1, stage: 'preparing' }) },
  {
    method: 'POST',
    route: '/api/v1/advisory-cases/:id/register',
    allowed: writers,
    body: () => ({ version: 1, registeredOn: '2024-01-01', organization: {} }),
  },
  { method: 'GET', route: '/api/v1/advisory-cases/:id/history', allowed: everyone },
  {
    method: 'POST',
    route: '/api/v1/advisory-cases/:id/activities',
    allowed: writers,
    body: () => ({ happenedOn: '2024-01-01', description: 'Gặp nhóm sáng lập', hours: 1 }),
  },
  { method: 'PATCH', route: '/api/v1/advisory-activities/:id', allowed: writers, body: () => ({ version: 1, hours: 2 }) },
  { method: 'POST', route: '/api/v1/advisory-cases/:id/attachments', allowed: writers },
  { method: 'GET', route: '/api/v1/advisory-attachments/:id', allowed: everyone },
  { method: 'DELETE', route: '/api/v1/advisory-attachments/:id', allowed: writers },
  // Membership: `:id` is a membership of the caller's organisation.
  { method: 'GET', route: '/api/v1/memberships', allowed: everyone },
  { method: 'GET', route: '/api/v1/memberships/stats', allowed: everyone },
  { method: 'GET', route: '/api/v1/memberships/export', allowed: everyone },
  {
    method: 'POST',
    route: '/api/v1/memberships',
    allowed: writers,
    body: (organization) => ({ organizationId: organization.id, category: 'official', joinedOn: '2024-01-01' }),
  },
  { method: 'GET', route: '/api/v1/memberships/:id', allowed: everyone },
  { method: 'PATCH', route: '/api/v1/memberships/:id', allowed: writers, body: () => ({ version: 1, notes: 'Ghi chú' }) },
  { method: 'GET', route: '/api/v1/organizations/:id/memberships', allowed: everyone },
  { method: 'PUT', route: '/api/v1/memberships/:id/dues/:year', allowed: writers, body: () => ({ amountDue: 1_000_000 }) },
  { method: 'GET', route: '/api/v1/membership-dues?year=2024', allowed: everyone },
  { method: 'GET', route: '/api/v1/membership-dues/behind', allowed: everyone },
  {
    method: 'POST',
    route: '/api/v1/membership-dues/assess',
    allowed: writers,
    body: () => ({ year: 2024, amounts: { cooperative: 1_000_000 } }),
  },
  { method: 'GET', route: '/api/v1/membership-dues/export?year=2024', allowed: everyone },
  // Finance: `:id` is an applied loan of the caller's organisation, the matrix's fund, or a referral of the organisation.
  { method: 'GET', route: '/api/v1/funds', allowed: everyone },
  { method: 'POST', route: '/api/v1/funds', allowed: writers, body: () => buildFund({ name: 'Quỹ Ma Trận Quyền' }) },
  { method: 'GET', route: '/api/v1/funds/:id', allowed: everyone },
  { method: 'PATCH', route: '/api/v1/funds/:id', allowed: writers, body: () => ({ version: 1, notes: 'Ghi chú' }) },
  { method: 'POST', route: '/api/v1/funds/:id/rules', allowed: writers, body: () => ({ ...buildFund().rules, appliesFrom: '2025-01-01' }) },
  { method: 'GET', route: '/api/v1/loans', allowed: everyone },
  { method: 'POST', route: '/api/v1/loans', allowed: writers, body: (organization) => buildLoan(organization.id, financeFixture.fundId) },
  { method: 'GET', route: '/api/v1/loans/:id', allowed: everyone },
  { method: 'PATCH', route: '/api/v1/loans/:id', allowed: writers, body: () => ({ version: 1, purpose: 'Mục đích mới' }) },
  { method: 'GET', route: '/api/v1/loans/:id/history', allowed: everyone },
  { method: 'GET', route: '/api/v1/loans/:id/attachments', allowed: everyone },
  { method: 'POST', route: '/api/v1/loans/:id/attachments', allowed: [...writers, 'leader'] },
  { method: 'GET', route: '/api/v1/loan-attachments/:id', allowed: everyone },
  { method: 'DELETE', route: '/api/v1/loan-attachments/:id', allowed: [...writers, 'leader'] },
  {
    method: 'POST',
    route: '/api/v1/loans/:id/appraisal',
    allowed: writers,
    body: () => ({ version: 1, findings: 'Đạt', recommendation: 'approve', appraisedOn: '2025-01-05' }),
  },
  {
    method: 'POST',
    route: '/api/v1/loans/:id/decision',
    allowed: ['leader'],
    body: () => ({ version: 1, outcome: 'approved', decisionNumber: '1/QĐ', decidedOn: '2025-01-08' }),
  },
  {
    method: 'POST',
    route: '/api/v1/loans/:id/contract',
    allowed: writers,
    body: () => ({ version: 1, contractNumber: 'MT-1', signedOn: '2025-01-10' }),
  },
  { method: 'GET', route: '/api/v1/loans/:id/disbursements', allowed: everyone },
  {
    method: 'POST',
    route: '/api/v1/loans/:id/disbursements',
    allowed: writers,
    body: () => ({ version: 1, disbursedOn: '2025-01-15', amount: 1_000_000 }),
  },
  { method: 'GET', route: '/api/v1/loans/:id/schedule', allowed: everyone },
  { method: 'GET', route: '/api/v1/loans/:id/repayments', allowed: everyone },
  {
    method: 'POST',
    route: '/api/v1/loans/:id/repayments',
    allowed: writers,
    body: () => ({ version: 1, paidOn: '2025-02-15', amount: 1_000 }),
  },
  {
    method: 'POST',
    route: '/api/v1/loans/:id/repayments/:repaymentId/reversal',
    allowed: writers,
    body: () => ({ version: 1, reason: 'Thử quyền' }),
  },
  {
    method: 'POST',
    route: '/api/v1/loans/:id/reschedule',
    allowed: writers,
    body: () => ({ version: 1, effectiveOn: '2025-03-01', termMonths: 18, reason: 'Thử quyền' }),
  },
  {
    method: 'POST',
    route: '/api/v1/loans/:id/write-off',
    allowed: ['leader'],
    body: () => ({ version: 1, writtenOffOn: '2025-03-01', reason: 'Thử' }),
  },
  { method: 'POST', route: '/api/v1/loans/:id/close', allowed: writers, body: () => ({ version: 1, closedOn: '2025-03-01' }) },
  { method: 'GET', route: '/api/v1/loans/:id/state', allowed: everyone },
  { method: 'GET', route: '/api/v1/loans/:id/statement', allowed: everyone },
  { method: 'GET', route: '/api/v1/finance/portfolio', allowed: ['admin', 'staff', 'leader', 'viewer'] },
  { method: 'GET', route: '/api/v1/finance/portfolio/export', allowed: ['admin', 'staff', 'leader', 'viewer'] },
  { method: 'GET', route: '/api/v1/loans/:id/statement/export', allowed: everyone },
  { method: 'GET', route: '/api/v1/bank-referrals', allowed: everyone },
  { method: 'GET', route: '/api/v1/bank-referrals/counts', allowed: everyone },
  { method: 'GET', route: '/api/v1/bank-referrals/export', allowed: everyone },
  {
    method: 'POST',
    route: '/api/v1/bank-referrals',
    allowed: writers,
    body: (organization) => ({ organizationId: organization.id, bank: 'agribank', amountRequested: 100_000_000, referredOn: '2025-03-10' }),
  },
  { method: 'PATCH', route: '/api/v1/bank-referrals/:id', allowed: writers, body: () => ({ version: 1, notes: 'Ghi chú' }) },
];

/** The fund the finance cases lend from, opened once per database. */
const financeFixture = { fundId: '' };

describeEachDatabase('who may call which route', (kind) => {
  const context = useTestApp(kind);
  const staffHeaders: Record<string, string> = {};

  beforeAll(async () => {
    Object.assign(staffHeaders, await context.userHeaders('staff'));
    await context.userHeaders('viewer', { username: 'matrix.login' });
    const fund = await context.request({ method: 'POST', url: '/api/v1/funds', headers: staffHeaders, payload: buildFund() });
    financeFixture.fundId = fund.json<{ id: string }>().id;
  });

  async function freshOrganization(): Promise<Organization> {
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: staffHeaders,
      payload: buildOrganization(),
    });
    return response.json<Organization>();
  }

  /** A person holding a position in the organisation, for the routes about people and positions. */
  async function freshPosition(organization: Organization): Promise<{ id: string; person: { id: string } }> {
    const response = await context.request({
      method: 'POST',
      url: `/api/v1/organizations/${organization.id}/positions`,
      headers: staffHeaders,
      payload: { person: { fullName: 'Người Giữ Chức Vụ', phone: '0912 000 111' }, position: 'director' },
    });
    return response.json<{ id: string; person: { id: string } }>();
  }

  /** A consulting case of the organisation, or an activity or a file of one, for the advisory routes. */
  async function freshAdvisoryId(route: string, organization: Organization): Promise<string> {
    const created = await context.request({
      method: 'POST',
      url: '/api/v1/advisory-cases',
      headers: staffHeaders,
      payload: { kind: 'governance', title: 'Tư vấn quản trị', dueOn: '2099-12-31', organizationId: organization.id },
    });
    const caseId = created.json<{ id: string }>().id;
    if (route.startsWith('/api/v1/advisory-activities/')) {
      const activity = await context.request({
        method: 'POST',
        url: `/api/v1/advisory-cases/${caseId}/activities`,
        headers: staffHeaders,
        payload: { happenedOn: '2024-01-01', description: 'Gặp Ban quản trị' },
      });
      return activity.json<{ id: string }>().id;
    }
    if (route.startsWith('/api/v1/advisory-attachments/')) {
      const body = multipartBody({ name: 'dieu-le.pdf', content: samplePdf });
      const attachment = await context.request({
        method: 'POST',
        url: `/api/v1/advisory-cases/${caseId}/attachments`,
        headers: { ...staffHeaders, ...body.headers },
        payload: body.payload,
      });
      return attachment.json<{ id: string }>().id;
    }
    return caseId;
  }

  /** The organisation's membership since 2024, for the routes about one membership. */
  async function freshMembershipId(organization: Organization): Promise<string> {
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/memberships',
      headers: staffHeaders,
      payload: { organizationId: organization.id, category: 'official', joinedOn: '2024-01-01' },
    });
    return response.json<{ id: string }>().id;
  }

  /** An application by the organisation, for the routes about one loan. */
  async function freshLoanId(organization: Organization): Promise<string> {
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/loans',
      headers: staffHeaders,
      payload: buildLoan(organization.id, financeFixture.fundId),
    });
    return response.json<{ id: string }>().id;
  }

  /** A scanned paper of a new application by the organisation, for the routes about one paper. */
  async function freshLoanAttachmentId(organization: Organization): Promise<string> {
    const body = multipartBody({ name: 'don-vay.pdf', content: samplePdf });
    const response = await context.request({
      method: 'POST',
      url: `/api/v1/loans/${await freshLoanId(organization)}/attachments`,
      headers: { ...staffHeaders, ...body.headers },
      payload: body.payload,
    });
    return response.json<{ id: string }>().id;
  }

  /** A referral of the organisation to a bank, for the route that changes one. */
  async function freshReferralId(organization: Organization): Promise<string> {
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/bank-referrals',
      headers: staffHeaders,
      payload: { organizationId: organization.id, bank: 'vbsp', amountRequested: 50_000_000, referredOn: '2025-03-10' },
    });
    return response.json<{ id: string }>().id;
  }

  for (const testCase of CASES) {
    it(`${testCase.method} ${testCase.route}`, async () => {
      for (const caller of CALLERS) {
        const organization = await freshOrganization();
        let headers: Record<string, string> = {};
        let id = organization.id;
        if (caller !== 'anonymous') {
          headers = await context.userHeaders(caller, { organizationId: caller === 'cooperative' ? organization.id : undefined });
        }
        if (testCase.route.startsWith('/api/v1/users/')) {
          const target = await context.request({ method: 'GET', url: '/api/v1/session', headers: await context.userHeaders('viewer') });
          id = target.json<{ user: { id: string } }>().user.id;
        }
        if (/^\/api\/v1\/(people|positions)\/:id/.test(testCase.route)) {
          const position = await freshPosition(organization);
          id = testCase.route.startsWith('/api/v1/people/') ? position.person.id : position.id;
        }
        if (/^\/api\/v1\/advisory-(cases|activities|attachments)\/:id/.test(testCase.route)) {
          id = await freshAdvisoryId(testCase.route, organization);
        }
        if (testCase.route.startsWith('/api/v1/memberships/:id')) id = await freshMembershipId(organization);
        if (testCase.route.startsWith('/api/v1/loans/:id')) id = await freshLoanId(organization);
        if (testCase.route.startsWith('/api/v1/loan-attachments/:id')) id = await freshLoanAttachmentId(organization);
        if (testCase.route.startsWith('/api/v1/funds/:id')) id = financeFixture.fundId;
        if (testCase.route.startsWith('/api/v1/bank-referrals/:id')) id = await freshReferralId(organization);
        const response = await context.request({
          method: testCase.method,
          url: testCase.route
            .replace(':id', id)
            .replace(':year', '2024')
            .replace(':rowNumber', '6')
            .replace(':repaymentId', '01930000-0000-7000-8000-0000000000ff'),
          headers,
          ...(testCase.body ? { payload: testCase.body(organization) } : {}),
        });
        const label = `${caller} → ${response.statusCode} ${response.body.slice(0, 200)}`;
        if (testCase.allowed.includes(caller)) {
          expect([401, 403], label).not.toContain(response.statusCode);
          expect(response.statusCode, label).toBeLessThan(500);
        } else {
          expect(response.statusCode, label).toBe(caller === 'anonymous' ? 401 : 403);
        }
      }
    });
  }

  it('lists every API route the app serves', () => {
    // printRoutes draws a tree: each level indents by four characters and adds a path segment.
    const paths: string[] = [];
    const routes = new Set<string>();
    for (const line of context.app.printRoutes({ commonPrefix: false }).split('\n')) {
      const match = line.match(/^(.*?)[├└]── (\S+)(?: \((.*)\))?$/);
      if (!match) continue;
      const depth = (match[1] ?? '').length / 4;
      paths[depth] = `${depth > 0 ? paths[depth - 1] : ''}${match[2]}`;
      const path = paths[depth] ?? '';
      for (const method of (match[3] ?? '').split(', ').filter(Boolean)) {
        if (method !== 'HEAD' && path.startsWith('/api/v1/')) routes.add(`${method} ${path}`);
      }
    }
    expect(routes.size).toBeGreaterThan(CASES.length / 2);
    const covered = new Set(CASES.map((testCase) => `${testCase.method} ${testCase.route.split('?')[0]}`));
    expect([...routes].filter((route) => !covered.has(route))).toEqual([]);
  });
});
