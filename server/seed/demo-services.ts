/**
 * The demo province's year of work: founding and consulting cases, members of the Alliance and
 * their dues, a support fund with loans at every step of their life, and bank referrals. It goes
 * through the API as the Alliance's people would (an advisor, a credit officer, a leader who
 * decides), so every rule, history row and figure is the real one.
 */
import { randomBytes } from 'node:crypto';
import type { AdvisoryCase } from '../../contracts/advisory.ts';
import type { Fund, Loan } from '../../contracts/finance.ts';
import type { LoanState } from '../../contracts/finance-ledger.ts';
import type { Membership } from '../../contracts/membership.ts';
import type { OrganizationPage, OrganizationSummary } from '../../contracts/organizations.ts';
import { buildApp } from '../app.ts';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { createAuthenticationService } from '../modules/access/authentication.service.ts';
import { createCredentialRepository } from '../modules/access/credential.repository.ts';
import { createUserRepository } from '../modules/access/user.repository.ts';
import { createUserService } from '../modules/access/user.service.ts';
import { calendarDateInVietnam } from '../modules/organizations/person.rules.ts';
import { systemActor } from '../platform/access.ts';
import { systemClock } from '../platform/clock.ts';

type Headers = Record<string, string>;

const DEMO_USERS = [
  { username: 'demo.tuvan', displayName: 'Nguyễn Thị Hoa (tư vấn)', role: 'staff' },
  { username: 'demo.tindung', displayName: 'Trần Văn Minh (tín dụng)', role: 'staff' },
  { username: 'demo.lanhdao', displayName: 'Lê Quang Vinh (Phó Chủ tịch)', role: 'leader' },
] as const;

const FOUNDING_GROUPS = [
  { name: 'HTX Nông nghiệp hữu cơ Yên Thế', sector: 'agriculture', members: 9, contact: 'Hoàng Văn Tám' },
  { name: 'HTX Dịch vụ Du lịch cộng đồng Hồ Cấm Sơn', sector: 'trade_services', members: 7, contact: 'Vi Thị Lan' },
  { name: 'HTX Mây tre đan Tăng Tiến', sector: 'industry_handicraft', members: 12, contact: 'Nguyễn Văn Khoa' },
  { name: 'HTX Vải thiều Lục Ngạn xanh', sector: 'agriculture', members: 15, contact: 'Đặng Thị Thu' },
  { name: 'HTX Môi trường Xanh Việt Yên', sector: 'environment', members: 8, contact: 'Phạm Quốc Huy' },
  { name: 'Tổ hợp tác Nuôi ong Sơn Động', sector: 'agriculture', members: 6, contact: 'Lý Văn Sáng' },
  { name: 'HTX Vận tải Quế Võ', sector: 'transport', members: 10, contact: 'Trần Minh Đức' },
] as const;

const CONSULTING = [
  ['business_plan', 'Xây dựng phương án sản xuất kinh doanh 2027'],
  ['accounting', 'Hướng dẫn sổ sách kế toán theo Thông tư 71'],
  ['digital_transformation', 'Bán hàng trên sàn thương mại điện tử'],
  ['reorganization', 'Tổ chức lại theo Luật Hợp tác xã 2023'],
  ['value_chain', 'Liên kết tiêu thụ với doanh nghiệp chế biến'],
  ['governance', 'Sửa đổi điều lệ, bầu lại Hội đồng quản trị'],
] as const;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (day: string, days: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));
const maxDay = (a: string, b: string) => (a > b ? a : b);
const minDay = (a: string, b: string) => (a < b ? a : b);
const addMonths = (day: string, months: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return isoDay(date);
};

/** Seeds the services once; a second run finds its demo users and does nothing. Returns what it made. */
export async function seedDemoServices(
  database: DatabaseHandle,
  config: Config,
  options: { provinceCode: string },
): Promise<{ cases: number; members: number; loans: number } | null> {
  const users = createUserRepository(database.db);
  if ((await users.findCredentials(DEMO_USERS[0].username)) !== undefined) return null;

  const userService = createUserService({ db: database.db, clock: systemClock });
  const authentication = createAuthenticationService({
    users,
    credentials: createCredentialRepository(database.db),
    clock: systemClock,
    sessionDays: 1,
  });
  const headers: Headers[] = [];
  const ids: string[] = [];
  for (const user of DEMO_USERS) {
    // Nobody logs in as them until an administrator sets a password they know.
    const created = await userService.createUser(systemActor, {
      ...user,
      password: randomBytes(24).toString('base64url'),
      provinceCode: options.provinceCode,
      organizationId: null,
    });
    ids.push(created.id);
    headers.push({ authorization: `Bearer ${await authentication.createApiToken(created.id, 'dữ liệu mẫu')}` });
  }
  const [advisor, creditOfficer, leader] = headers as [Headers, Headers, Headers];

  // Quiet: the seed's requests are not worth a log line each.
  const app = await buildApp({ config: { ...config, logLevel: 'warn' }, database, serveWeb: false });
  try {
    const call = async <T>(headersOf: Headers, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object): Promise<T> => {
      const response = await app.inject({ method, url: `/api/v1${url}`, headers: headersOf, ...(payload ? { payload } : {}) });
      if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
      return response.json<T>();
    };
    const today = calendarDateInVietnam(new Date());
    const thisYear = Number(today.slice(0, 4));
    const organizations = (
      await call<OrganizationPage>(
        advisor,
        'GET',
        `/organizations?provinceCode=${options.provinceCode}&status=active&pageSize=200&sort=name`,
      )
    ).items;
    const cooperatives = organizations.filter((organization) => organization.kind === 'cooperative');
    const pick = (index: number): OrganizationSummary => {
      const organization = cooperatives[(index * 7) % cooperatives.length] ?? organizations[index % organizations.length];
      if (!organization) throw new Error('Cần có tổ chức mẫu trước khi tạo dữ liệu dịch vụ');
      return organization;
    };

    const cases = await seedCases(call, advisor, { today, pick, communeOf: (index) => pick(index + 3).communeCode });
    const members = await seedMembers(call, advisor, { today, thisYear, organizations });
    const loans = await seedLoans(call, { creditOfficer, leader }, { today, provinceCode: options.provinceCode, pick });
    return { cases, members, loans };
  } finally {
    await app.close();
  }
}

type Call = <T>(headers: Headers, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) => Promise<T>;

/** Founding cases at every stage — four registered over this term — and consulting for existing cooperatives. */
async function seedCases(
  call: Call,
  advisor: Headers,
  context: { today: string; pick: (index: number) => OrganizationSummary; communeOf: (index: number) => string },
): Promise<number> {
  const { today } = context;
  // Where each group got to: registered (over the last year and a half), submitted, preparing, inquiry, dropped.
  const outcomes = ['registered', 'registered', 'registered', 'submitted', 'preparing', 'inquiry', 'dropped'] as const;
  let count = 0;
  for (const [index, group] of FOUNDING_GROUPS.entries()) {
    const outcome = outcomes[index] ?? 'inquiry';
    // Registered ones were opened long enough ago to have been registered 55 days later.
    const openedOn = addDays(today, outcome === 'registered' ? -(90 + index * 150) : -(20 + index * 15));
    let item = await call<AdvisoryCase>(advisor, 'POST', '/advisory-cases', {
      kind: 'founding',
      title: `Tư vấn thành lập ${group.name}`,
      openedOn,
      dueOn: addDays(openedOn, index === 4 ? 30 : 120),
      communeCode: context.communeOf(index),
      groupName: group.name,
      contactName: group.contact,
      contactPhone: `09${String(12_345_678 + index * 1_111_111).slice(0, 8)}`,
      intendedKind: group.name.startsWith('Tổ') ? 'cooperative_group' : 'cooperative',
      intendedSector: group.sector,
      foundingMembers: group.members,
    });
    count += 1;
    await call(advisor, 'POST', `/advisory-cases/${item.id}/activities`, {
      happenedOn: addDays(openedOn, 3),
      description: `Gặp nhóm sáng lập (${group.members} người), giới thiệu Luật Hợp tác xã 2023 và các bước thành lập`,
      hours: 2.5,
    });
    const steps = {
      inquiry: [],
      preparing: ['preparing'],
      submitted: ['preparing', 'submitted'],
      registered: ['preparing', 'submitted'],
      dropped: [],
    }[outcome] as string[];
    for (const [step, stage] of steps.entries()) {
      item = await call<AdvisoryCase>(advisor, 'POST', `/advisory-cases/${item.id}/stage`, {
        version: item.version,
        stage,
        on: addDays(openedOn, 10 + step * 20),
      });
    }
    if (outcome === 'dropped') {
      await call(advisor, 'POST', `/advisory-cases/${item.id}/stage`, {
        version: item.version,
        stage: 'dropped',
        on: addDays(openedOn, 20),
        reason: 'Nhóm sáng lập chưa thống nhất được vốn góp',
      });
    }
    if (outcome === 'registered') {
      const registeredOn = addDays(openedOn, 55);
      await call(advisor, 'POST', `/advisory-cases/${item.id}/register`, {
        version: item.version,
        registeredOn,
        organization: { isNewModel: true, registrationAuthority: 'Phòng Kinh tế' },
      });
    }
  }
  for (const [index, [kind, title]] of CONSULTING.entries()) {
    const organization = context.pick(index + 10);
    const openedOn = addDays(today, -(15 + index * 30));
    let item = await call<AdvisoryCase>(advisor, 'POST', '/advisory-cases', {
      kind,
      title,
      organizationId: organization.id,
      openedOn,
      // Two of them are late: the board and the dashboard show them as overdue.
      dueOn: addDays(openedOn, index < 2 ? 10 : 90),
    });
    count += 1;
    if (index >= 3) {
      item = await call<AdvisoryCase>(advisor, 'POST', `/advisory-cases/${item.id}/stage`, { version: item.version, stage: 'preparing' });
    }
    if (index === 5) {
      item = await call<AdvisoryCase>(advisor, 'POST', `/advisory-cases/${item.id}/stage`, { version: item.version, stage: 'completed' });
    }
  }
  return count;
}

/** Forty members joined over the years, two who left, dues of last year mostly paid and of this year half. */
async function seedMembers(
  call: Call,
  advisor: Headers,
  context: { today: string; thisYear: number; organizations: OrganizationSummary[] },
): Promise<number> {
  const { thisYear } = context;
  const chosen = context.organizations.filter((_, index) => index % 5 === 0).slice(0, 40);
  const memberships: Membership[] = [];
  for (const [index, organization] of chosen.entries()) {
    const joinedYear = thisYear - 6 + (index % 7);
    const joinedOn = joinedYear === thisYear ? `${thisYear}-0${1 + (index % 6)}-15` : `${joinedYear}-0${1 + (index % 9)}-10`;
    memberships.push(
      await call<Membership>(advisor, 'POST', '/memberships', {
        organizationId: organization.id,
        category: index % 6 === 5 ? 'associate' : 'official',
        joinedOn: minDay(joinedOn, context.today),
        decisionNumber: `${100 + index}/QĐ-LMHTX`,
      }),
    );
  }
  for (const membership of memberships.slice(0, 2)) {
    await call(advisor, 'PATCH', `/memberships/${membership.id}`, {
      version: membership.version,
      leftOn: `${thisYear - 1}-12-31`,
      leftReason: 'Đơn vị giải thể',
    });
  }
  const amounts = { cooperative: 1_200_000, cooperative_union: 3_000_000, cooperative_group: 300_000, enterprise: 2_000_000 };
  for (const year of [thisYear - 1, thisYear]) {
    await call(advisor, 'POST', '/membership-dues/assess', { year, amounts });
    const dues = (
      await call<{ items: { membershipId: string; amountDue: number; version: number }[] }>(
        advisor,
        'GET',
        `/membership-dues?year=${year}&pageSize=200`,
      )
    ).items;
    for (const [index, item] of dues.entries()) {
      const paysAll = year < thisYear ? index % 6 !== 0 : index % 2 === 0;
      const paysPart = !paysAll && index % 3 === 0;
      if (!paysAll && !paysPart) continue;
      await call(advisor, 'PUT', `/memberships/${item.membershipId}/dues/${year}`, {
        version: item.version,
        amountDue: item.amountDue,
        amountPaid: paysAll ? item.amountDue : Math.round(item.amountDue / 2),
        paidOn: year < thisYear ? `${year}-0${3 + (index % 6)}-20` : maxDay(`${thisYear}-01-02`, addDays(context.today, -(index % 60))),
        receiptNumber: `BL${year}-${String(index + 1).padStart(3, '0')}`,
      });
    }
  }
  return memberships.length;
}

/** A provincial fund and loans at every step: applied, appraised, approved, repaying on time, late, and paid off. */
async function seedLoans(
  call: Call,
  people: { creditOfficer: Headers; leader: Headers },
  context: { today: string; provinceCode: string; pick: (index: number) => OrganizationSummary },
): Promise<number> {
  const { creditOfficer, leader } = people;
  const { today } = context;
  const fund = await call<Fund>(creditOfficer, 'POST', '/funds', {
    name: 'Quỹ hỗ trợ phát triển hợp tác xã tỉnh',
    kind: 'provincial_budget',
    provinceCode: context.provinceCode,
    capital: 25_000_000_000,
    rules: {
      appliesFrom: addMonths(today, -36),
      lendingRateBp: 650,
      maxAmount: 2_000_000_000,
      maxTermMonths: 60,
      overdueFactorPercent: 150,
      debtGroupMinDays: [10, 30, 90, 180],
      restructuredMinGroup: 3,
      provisionBp: [0, 500, 2000, 5000, 10000],
      allocationOrder: ['overdue_interest', 'interest', 'principal'],
    },
  });
  const plans = [
    { amount: 300_000_000, months: 24, appliedMonthsAgo: 20, until: 'disbursed', pays: 'on_time' },
    { amount: 500_000_000, months: 36, appliedMonthsAgo: 14, until: 'disbursed', pays: 'on_time' },
    { amount: 200_000_000, months: 24, appliedMonthsAgo: 12, until: 'disbursed', pays: 'stopped' },
    { amount: 150_000_000, months: 12, appliedMonthsAgo: 16, until: 'disbursed', pays: 'paid_off' },
    { amount: 800_000_000, months: 48, appliedMonthsAgo: 5, until: 'disbursed', pays: 'on_time' },
    { amount: 400_000_000, months: 36, appliedMonthsAgo: 1, until: 'approved', pays: 'none' },
    { amount: 250_000_000, months: 24, appliedMonthsAgo: 1, until: 'appraising', pays: 'none' },
    { amount: 600_000_000, months: 36, appliedMonthsAgo: 0, until: 'applied', pays: 'none' },
  ] as const;
  for (const [index, plan] of plans.entries()) {
    const organization = context.pick(index + 20);
    const appliedOn = addDays(addMonths(today, -plan.appliedMonthsAgo), -5);
    const step = (url: string, headersOf: Headers, payload: object) => call<Loan | { loan: Loan }>(headersOf, 'POST', url, payload);
    const unwrap = (body: Loan | { loan: Loan }) => ('loan' in body ? body.loan : body);
    let loan = await call<Loan>(creditOfficer, 'POST', '/loans', {
      organizationId: organization.id,
      fundId: fund.id,
      requestedAmount: plan.amount,
      termMonths: plan.months,
      purpose: ['Mua máy sấy nông sản', 'Xây kho lạnh bảo quản', 'Mua giống và vật tư cho thành viên', 'Đầu tư dây chuyền sơ chế'][
        index % 4
      ],
      collateral: 'Quyền sử dụng đất và tài sản gắn liền với đất của hợp tác xã',
      documents: ['Phương án sản xuất kinh doanh', 'Báo cáo tài chính năm gần nhất'],
      appliedOn,
    });
    if (plan.until === 'applied') continue;
    loan = unwrap(
      await step(`/loans/${loan.id}/appraisal`, creditOfficer, {
        version: loan.version,
        findings: 'Phương án khả thi; dòng tiền đủ trả nợ; tài sản bảo đảm đủ giá trị',
        recommendation: 'approve',
        appraisedOn: addDays(appliedOn, 3),
      }),
    );
    if (plan.until === 'appraising') continue;
    loan = unwrap(
      await step(`/loans/${loan.id}/decision`, leader, {
        version: loan.version,
        outcome: 'approved',
        decisionNumber: `${20 + index}/QĐ-QHT`,
        decidedOn: addDays(appliedOn, 4),
      }),
    );
    if (plan.until === 'approved') continue;
    loan = unwrap(
      await step(`/loans/${loan.id}/contract`, creditOfficer, {
        version: loan.version,
        contractNumber: `${String(index + 1).padStart(2, '0')}/HĐTD-QHT`,
        signedOn: addDays(appliedOn, 5),
      }),
    );
    const disbursedOn = addDays(appliedOn, 7);
    loan = unwrap(
      await step(`/loans/${loan.id}/disbursements`, creditOfficer, { version: loan.version, disbursedOn, amount: plan.amount }),
    );

    // Pay what each due date asks, a few days after it, up to today (or stop, for the late one).
    for (let month = 1; ; month += 1) {
      const dueOn = addMonths(disbursedOn, month);
      const paidOn = addDays(dueOn, index % 3);
      // The late one stopped paying about two and a half months ago: debt group 3 by now.
      if (paidOn > today || (plan.pays === 'stopped' && paidOn > addDays(today, -75))) break;
      const state = await call<LoanState>(creditOfficer, 'GET', `/loans/${loan.id}/state?asOf=${paidOn}`);
      const amount =
        plan.pays === 'paid_off' && month === 6 ? state.payoffAmount : state.principalDue + state.interestDue + state.overdueInterest;
      if (amount <= 0) continue;
      loan = unwrap(
        await step(`/loans/${loan.id}/repayments`, creditOfficer, {
          version: loan.version,
          paidOn,
          amount,
          reference: `PT-${paidOn.replaceAll('-', '')}-${index + 1}`,
        }),
      );
      if (plan.pays === 'paid_off' && month === 6) {
        loan = unwrap(await step(`/loans/${loan.id}/close`, creditOfficer, { version: loan.version, closedOn: paidOn }));
        break;
      }
    }
  }
  for (const [index, bank] of (['agribank', 'vbsp', 'bidv', 'agribank'] as const).entries()) {
    const referredOn = addMonths(today, -(2 + index * 4));
    await call(creditOfficer, 'POST', '/bank-referrals', {
      organizationId: context.pick(index + 30).id,
      bank,
      bankBranch: 'Chi nhánh tỉnh',
      purpose: 'Vốn lưu động mùa vụ',
      amountRequested: 1_000_000_000 + index * 500_000_000,
      status: index < 2 ? 'approved' : 'referred',
      amountGranted: index < 2 ? 800_000_000 + index * 400_000_000 : null,
      referredOn,
      decidedOn: index < 2 ? addDays(referredOn, 25) : null,
    });
  }
  return plans.length;
}
