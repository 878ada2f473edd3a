import { type Insertable, sql } from 'kysely';
import type { Dues, DuesFilters } from '../../../contracts/membership.ts';
import type { OrganizationKind } from '../../../contracts/organizations.ts';
import type { Db } from '../../db/database.ts';
import { dialectOf, searchTextMatches } from '../../db/dialect.ts';
import type { MembershipDuesTable, OrganizationTable } from '../../db/schema.ts';
import type { ReadScope } from '../../platform/access.ts';
import { toSearchTokens } from '../../platform/search-text.ts';
import { duesStatusOf } from './membership.rules.ts';

export type NewDuesRow = Insertable<MembershipDuesTable>;

type Row = MembershipDuesTable & { organization_name: string; organization_kind: OrganizationTable['kind'] };

const toDues = (row: Row): Dues => ({
  id: row.id,
  membershipId: row.membership_id,
  organizationId: row.organization_id,
  organizationName: row.organization_name,
  organizationKind: row.organization_kind,
  provinceCode: row.province_code,
  year: row.year,
  amountDue: row.amount_due,
  amountPaid: row.amount_paid,
  outstanding: row.amount_due - row.amount_paid,
  status: duesStatusOf(row.amount_due, row.amount_paid),
  paidOn: row.paid_on,
  receiptNumber: row.receipt_number,
  notes: row.notes,
  updatedAt: row.updated_at,
  version: row.version,
});

const OUTSTANDING = sql<number>`sum(membership_dues.amount_due - membership_dues.amount_paid)`;

/** Members of the Alliance during a year: joined by its end, not left before its start. */
const memberDuring = (year: number) => ({ yearEnd: `${year}-12-31`, yearStart: `${year}-01-01` });

export function createDuesRepository(db: Db) {
  const kind = dialectOf(db);

  /** Dues of the organisations the scope sees. */
  function scoped(scope: ReadScope) {
    let query = db
      .selectFrom('membership_dues')
      .innerJoin('memberships', 'memberships.id', 'membership_dues.membership_id')
      .innerJoin('organizations', 'organizations.id', 'membership_dues.organization_id');
    if (scope.provinceCode) query = query.where('organizations.province_code', '=', scope.provinceCode);
    if (scope.organizationId) query = query.where('organizations.id', '=', scope.organizationId);
    return query;
  }

  const withNames = (query: ReturnType<typeof scoped>) =>
    query.selectAll('membership_dues').select(['organizations.name as organization_name', 'organizations.kind as organization_kind']);

  function filtered(scope: ReadScope, filters: Omit<DuesFilters, 'page' | 'pageSize'>) {
    let query = scoped(scope).where('membership_dues.year', '=', filters.year);
    if (filters.status === 'paid') query = query.whereRef('membership_dues.amount_paid', '>=', 'membership_dues.amount_due');
    if (filters.status === 'partial') {
      query = query.where('membership_dues.amount_paid', '>', 0).whereRef('membership_dues.amount_paid', '<', 'membership_dues.amount_due');
    }
    if (filters.status === 'unpaid') query = query.where('membership_dues.amount_paid', '=', 0).where('membership_dues.amount_due', '>', 0);
    if (filters.kind) query = query.where('organizations.kind', '=', filters.kind);
    if (filters.provinceCode) query = query.where('organizations.province_code', '=', filters.provinceCode);
    if (filters.communeCode) query = query.where('organizations.commune_code', '=', filters.communeCode);
    if (filters.membershipIds) {
      if (filters.membershipIds.length === 0) return query.where(sql<boolean>`1 = 0`);
      query = query.where('membership_dues.membership_id', 'in', filters.membershipIds);
    }
    const tokens = toSearchTokens(filters.q);
    if (tokens.length > 0) query = query.where(searchTextMatches(kind, 'organizations', tokens));
    return query;
  }

  /** Memberships lasting into `year` that owe dues of that year or before. */
  function behind(scope: ReadScope, year: number, filters: { kind?: OrganizationKind; provinceCode?: string }) {
    const { yearEnd, yearStart } = memberDuring(year);
    let query = scoped(scope)
      .where('membership_dues.year', '<=', year)
      .where('memberships.joined_on', '<=', yearEnd)
      .where((eb) => eb.or([eb('memberships.left_on', 'is', null), eb('memberships.left_on', '>=', yearStart)]));
    if (filters.kind) query = query.where('organizations.kind', '=', filters.kind);
    if (filters.provinceCode) query = query.where('organizations.province_code', '=', filters.provinceCode);
    return query.groupBy('memberships.id').having(OUTSTANDING, '>', 0);
  }

  async function findDuesOf(membershipIds: string[]): Promise<Dues[]> {
    if (membershipIds.length === 0) return [];
    const rows = await withNames(
      db
        .selectFrom('membership_dues')
        .innerJoin('memberships', 'memberships.id', 'membership_dues.membership_id')
        .innerJoin('organizations', 'organizations.id', 'membership_dues.organization_id')
        .where('membership_dues.membership_id', 'in', membershipIds),
    )
      .orderBy('membership_dues.year', 'desc')
      .execute();
    return (rows as Row[]).map(toDues);
  }

  return {
    async findDues(scope: ReadScope, filters: DuesFilters): Promise<{ items: Dues[]; total: number }> {
      const base = filtered(scope, filters);
      const rows = await withNames(base)
        .orderBy('organizations.sort_key')
        .orderBy('membership_dues.id')
        .limit(filters.pageSize)
        .offset((filters.page - 1) * filters.pageSize)
        .execute();
      const total = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      return { items: (rows as Row[]).map(toDues), total: Number(total.total) };
    },

    /** Every row the filters select, in name order, a batch at a time (keyset paging). */
    async *streamDues(scope: ReadScope, filters: Omit<DuesFilters, 'page' | 'pageSize'>, batchSize = 1000): AsyncGenerator<Dues[]> {
      let after: { sortKey: string; id: string } | undefined;
      for (;;) {
        let query = filtered(scope, filters);
        if (after) {
          const last = after;
          query = query.where((eb) =>
            eb(eb.refTuple('organizations.sort_key', 'membership_dues.id'), '>', eb.tuple(last.sortKey, last.id)),
          );
        }
        const rows = (await withNames(query)
          .select('organizations.sort_key')
          .orderBy('organizations.sort_key')
          .orderBy('membership_dues.id')
          .limit(batchSize)
          .execute()) as (Row & { sort_key: string })[];
        if (rows.length === 0) return;
        yield rows.map(toDues);
        const last = rows.at(-1);
        if (!last || rows.length < batchSize) return;
        after = { sortKey: last.sort_key, id: last.id };
      }
    },

    findDuesOf,

    async findDuesRecord(membershipId: string, year: number): Promise<Dues | undefined> {
      const rows = await findDuesOf([membershipId]);
      return rows.find((row) => row.year === year);
    },

    /** Who already holds a receipt number in a province and year. */
    async findReceiptHolder(provinceCode: string, year: number, receiptNumber: string) {
      return db
        .selectFrom('membership_dues')
        .innerJoin('organizations', 'organizations.id', 'membership_dues.organization_id')
        .select(['membership_dues.id', 'membership_dues.membership_id', 'organizations.name'])
        .where('membership_dues.province_code', '=', provinceCode)
        .where('membership_dues.year', '=', year)
        .where('membership_dues.receipt_number', '=', receiptNumber)
        .executeTakeFirst();
    },

    /** A page of members behind with dues as of `year`, in name order, with what each owes per year. */
    async findBehind(
      scope: ReadScope,
      year: number,
      filters: { kind?: OrganizationKind; provinceCode?: string; page: number; pageSize: number },
    ) {
      const groups = behind(scope, year, filters);
      const page = await groups
        .select(['memberships.id', sql<string>`min(organizations.sort_key)`.as('sort_key')])
        .orderBy(sql`min(organizations.sort_key)`)
        .orderBy('memberships.id')
        .limit(filters.pageSize)
        .offset((filters.page - 1) * filters.pageSize)
        .execute();
      const totals = await db
        .selectFrom(groups.select(['memberships.id', OUTSTANDING.as('outstanding')]).as('owing'))
        .select((eb) => [eb.fn.countAll<number>().as('members'), eb.fn.sum<number>('owing.outstanding').as('outstanding')])
        .executeTakeFirstOrThrow();
      const ids = page.map((row) => row.id);
      const years =
        ids.length === 0
          ? []
          : await db
              .selectFrom('membership_dues')
              .select(['membership_id', 'year', 'paid_on', sql<number>`amount_due - amount_paid`.as('outstanding')])
              .where('membership_id', 'in', ids)
              .where('year', '<=', year)
              .orderBy('year')
              .execute();
      return {
        ids,
        years: years.map((row) => ({
          membershipId: row.membership_id,
          year: row.year,
          paidOn: row.paid_on,
          outstanding: Number(row.outstanding),
        })),
        total: Number(totals.members),
        totalOutstanding: Number(totals.outstanding ?? 0),
      };
    },

    /** The dues of a year: how much was due and paid, and how many members owe any up to it. */
    async sumYear(scope: ReadScope, year: number, provinceCode?: string) {
      let query = scoped(scope).where('membership_dues.year', '=', year);
      if (provinceCode) query = query.where('organizations.province_code', '=', provinceCode);
      const sums = await query
        .select((eb) => [
          eb.fn.sum<number>('membership_dues.amount_due').as('due'),
          eb.fn.sum<number>('membership_dues.amount_paid').as('paid'),
        ])
        .executeTakeFirstOrThrow();
      const owing = await db
        .selectFrom(behind(scope, year, { provinceCode }).select('memberships.id').as('owing'))
        .select((eb) => eb.fn.countAll<number>().as('members'))
        .executeTakeFirstOrThrow();
      return { due: Number(sums.due ?? 0), paid: Number(sums.paid ?? 0), membersBehind: Number(owing.members) };
    },

    /** Memberships lasting into `year` in a province (or all), with their kind and whether the year's dues are set. */
    async findMembersToAssess(scope: ReadScope, year: number, provinceCode: string | null) {
      const { yearEnd, yearStart } = memberDuring(year);
      let query = db
        .selectFrom('memberships')
        .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
        .leftJoin('membership_dues as d', (join) => join.onRef('d.membership_id', '=', 'memberships.id').on('d.year', '=', year))
        .select(['memberships.id', 'memberships.organization_id', 'organizations.kind', 'organizations.province_code', 'd.id as dues_id'])
        .where('memberships.joined_on', '<=', yearEnd)
        .where((eb) => eb.or([eb('memberships.left_on', 'is', null), eb('memberships.left_on', '>=', yearStart)]));
      if (scope.provinceCode) query = query.where('organizations.province_code', '=', scope.provinceCode);
      if (provinceCode) query = query.where('organizations.province_code', '=', provinceCode);
      return query.execute();
    },

    async insertDues(rows: NewDuesRow[]): Promise<void> {
      const batch = 500;
      for (let start = 0; start < rows.length; start += batch) {
        await db
          .insertInto('membership_dues')
          .values(rows.slice(start, start + batch))
          .execute();
      }
    },

    async updateDues(id: string, version: number, changes: Partial<NewDuesRow>): Promise<boolean> {
      const result = await db
        .updateTable('membership_dues')
        .set({ ...changes, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
