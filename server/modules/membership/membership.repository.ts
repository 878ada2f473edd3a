import type { Insertable } from 'kysely';
import type { Membership, MembershipExportFilters, MembershipFilters } from '../../../contracts/membership.ts';
import type { OrganizationKind } from '../../../contracts/organizations.ts';
import type { Db } from '../../db/database.ts';
import { dialectOf, searchTextMatches } from '../../db/dialect.ts';
import type { MembershipTable, OrganizationTable } from '../../db/schema.ts';
import type { ReadScope } from '../../platform/access.ts';
import { toSearchTokens } from '../../platform/search-text.ts';
import { isMemberOn } from './membership.rules.ts';

export type NewMembershipRow = Insertable<MembershipTable>;
export type MembershipRecord = Omit<Membership, 'isCurrent'>;

const COLUMNS = [
  'memberships.id',
  'memberships.organization_id',
  'memberships.category',
  'memberships.joined_on',
  'memberships.left_on',
  'memberships.left_reason',
  'memberships.decision_number',
  'memberships.notes',
  'memberships.created_at',
  'memberships.updated_at',
  'memberships.version',
  'organizations.name as organization_name',
  'organizations.kind as organization_kind',
  'organizations.tax_code as organization_tax_code',
  'organizations.commune_code as organization_commune_code',
  'organizations.province_code as organization_province_code',
  'c.name as commune_name',
] as const;

type Row = MembershipTable & {
  organization_name: string;
  organization_kind: OrganizationTable['kind'];
  organization_tax_code: string | null;
  organization_commune_code: string;
  organization_province_code: string;
  commune_name: string;
};

const toMembership = (row: Row): MembershipRecord => ({
  id: row.id,
  organization: {
    id: row.organization_id,
    name: row.organization_name,
    kind: row.organization_kind,
    taxCode: row.organization_tax_code,
    communeCode: row.organization_commune_code,
    communeName: row.commune_name,
    provinceCode: row.organization_province_code,
  },
  category: row.category,
  joinedOn: row.joined_on,
  leftOn: row.left_on,
  leftReason: row.left_reason,
  decisionNumber: row.decision_number,
  notes: row.notes,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  version: row.version,
});

export const withCurrent = (record: MembershipRecord, today: string): Membership => ({ ...record, isCurrent: isMemberOn(record, today) });

export function createMembershipRepository(db: Db) {
  const kind = dialectOf(db);

  /** Memberships of the organisations the scope sees: a province's, or a cooperative's own. */
  function scoped(scope: ReadScope) {
    let query = db.selectFrom('memberships').innerJoin('organizations', 'organizations.id', 'memberships.organization_id');
    if (scope.provinceCode) query = query.where('organizations.province_code', '=', scope.provinceCode);
    if (scope.organizationId) query = query.where('organizations.id', '=', scope.organizationId);
    return query;
  }

  const withNames = (query: ReturnType<typeof scoped>) =>
    query.innerJoin('communes as c', 'c.code', 'organizations.commune_code').select(COLUMNS);

  function filtered(scope: ReadScope, filters: Partial<MembershipFilters>, today: string) {
    let query = scoped(scope);
    if (filters.category) query = query.where('memberships.category', '=', filters.category);
    if (filters.kind) query = query.where('organizations.kind', '=', filters.kind);
    if (filters.organizationId) query = query.where('organizations.id', '=', filters.organizationId);
    if (filters.provinceCode) query = query.where('organizations.province_code', '=', filters.provinceCode);
    if (filters.communeCode) query = query.where('organizations.commune_code', '=', filters.communeCode);
    if (filters.joinedYear) {
      query = query
        .where('memberships.joined_on', '>=', `${filters.joinedYear}-01-01`)
        .where('memberships.joined_on', '<=', `${filters.joinedYear}-12-31`);
    }
    if (filters.isCurrent !== undefined) {
      query = filters.isCurrent
        ? query
            .where('memberships.joined_on', '<=', today)
            .where((eb) => eb.or([eb('memberships.left_on', 'is', null), eb('memberships.left_on', '>=', today)]))
        : query.where((eb) => eb.or([eb('memberships.joined_on', '>', today), eb('memberships.left_on', '<', today)]));
    }
    const tokens = toSearchTokens(filters.q);
    if (tokens.length > 0) query = query.where(searchTextMatches(kind, 'organizations', tokens));
    return query;
  }

  return {
    async findMemberships(
      scope: ReadScope,
      filters: MembershipFilters,
      today: string,
    ): Promise<{ items: MembershipRecord[]; total: number }> {
      const base = filtered(scope, filters, today);
      const direction = filters.sort.startsWith('-') ? 'desc' : 'asc';
      const column = filters.sort.endsWith('joinedOn') ? 'memberships.joined_on' : 'organizations.sort_key';
      const rows = await withNames(base)
        .orderBy(column, direction)
        .orderBy('memberships.id', direction)
        .limit(filters.pageSize)
        .offset((filters.page - 1) * filters.pageSize)
        .execute();
      const total = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      return { items: (rows as Row[]).map(toMembership), total: Number(total.total) };
    },

    /** Every membership the filters select, in name order, a batch at a time (keyset paging). */
    async *streamMemberships(
      scope: ReadScope,
      filters: MembershipExportFilters,
      today: string,
      batchSize = 1000,
    ): AsyncGenerator<MembershipRecord[]> {
      let after: { sortKey: string; id: string } | undefined;
      for (;;) {
        let query = filtered(scope, filters, today);
        if (after) {
          const last = after;
          query = query.where((eb) => eb(eb.refTuple('organizations.sort_key', 'memberships.id'), '>', eb.tuple(last.sortKey, last.id)));
        }
        const rows = (await withNames(query)
          .select('organizations.sort_key')
          .orderBy('organizations.sort_key')
          .orderBy('memberships.id')
          .limit(batchSize)
          .execute()) as (Row & { sort_key: string })[];
        if (rows.length === 0) return;
        yield rows.map(toMembership);
        const last = rows.at(-1);
        if (!last || rows.length < batchSize) return;
        after = { sortKey: last.sort_key, id: last.id };
      }
    },

    async findMembershipById(scope: ReadScope, id: string): Promise<MembershipRecord | undefined> {
      const row = await withNames(scoped(scope).where('memberships.id', '=', id)).executeTakeFirst();
      return row && toMembership(row as Row);
    },

    async findMembershipsByIds(scope: ReadScope, ids: string[]): Promise<MembershipRecord[]> {
      if (ids.length === 0) return [];
      const rows = await withNames(scoped(scope).where('memberships.id', 'in', ids)).execute();
      return (rows as Row[]).map(toMembership);
    },

    /** Every membership period of one organisation, oldest first. */
    async findMembershipsOf(scope: ReadScope, organizationId: string): Promise<MembershipRecord[]> {
      const rows = await withNames(scoped(scope).where('organizations.id', '=', organizationId))
        .orderBy('memberships.joined_on')
        .orderBy('memberships.id')
        .execute();
      return (rows as Row[]).map(toMembership);
    },

    /** Joined and left per day and kind of organisation, for member development per year. */
    async countJoinedAndLeft(scope: ReadScope, fromDate: string, provinceCode?: string) {
      const byDay = async (column: 'joined_on' | 'left_on') => {
        let query = scoped(scope).where(`memberships.${column}`, '>=', fromDate);
        if (provinceCode) query = query.where('organizations.province_code', '=', provinceCode);
        const rows = await query
          .select((eb) => [`memberships.${column} as day`, 'organizations.kind', eb.fn.countAll<number>().as('count')])
          .groupBy([`memberships.${column}`, 'organizations.kind'])
          .execute();
        return rows.flatMap((row) =>
          row.day ? [{ day: String(row.day), kind: row.kind as OrganizationKind, count: Number(row.count) }] : [],
        );
      };
      return { joined: await byDay('joined_on'), left: await byDay('left_on') };
    },

    /** Members on a day, by kind of organisation and category. */
    async countMembersOn(scope: ReadScope, day: string, provinceCode?: string) {
      let query = scoped(scope)
        .where('memberships.joined_on', '<=', day)
        .where((eb) => eb.or([eb('memberships.left_on', 'is', null), eb('memberships.left_on', '>=', day)]));
      if (provinceCode) query = query.where('organizations.province_code', '=', provinceCode);
      const rows = await query
        .select((eb) => ['organizations.kind', 'memberships.category', eb.fn.countAll<number>().as('count')])
        .groupBy(['organizations.kind', 'memberships.category'])
        .execute();
      return rows.map((row) => ({ kind: row.kind, category: row.category, count: Number(row.count) }));
    },

    async insertMembership(row: NewMembershipRow): Promise<void> {
      await db.insertInto('memberships').values(row).execute();
    },

    /** Saves only if nobody saved since `version`; false means someone else did. */
    async updateMembership(id: string, version: number, changes: Partial<NewMembershipRow>): Promise<boolean> {
      const result = await db
        .updateTable('memberships')
        .set({ ...changes, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
