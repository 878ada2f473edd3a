import type { Insertable } from 'kysely';
import {
  type AdvisoryCaseFilters,
  type AdvisoryCaseSummary,
  type AdvisoryStage,
  CLOSED_ADVISORY_STAGES,
  OPEN_ADVISORY_STAGES,
  type advisoryCaseSortKeys,
} from '../../../contracts/advisory.ts';
import type { Db } from '../../db/database.ts';
import { dialectOf, searchTextMatches } from '../../db/dialect.ts';
import type { AdvisoryCaseTable, OrganizationTable } from '../../db/schema.ts';
import type { ReadScope } from '../../platform/access.ts';
import { toSearchTokens } from '../../platform/search-text.ts';

export type NewCaseRow = Insertable<AdvisoryCaseTable>;

/** A case as stored, with the names the screens show; the service decides what leaves the server. */
export type CaseRecord = Omit<AdvisoryCaseSummary, 'isOverdue'> & {
  description: string | null;
  contactName: string | null;
  contactPhone: string | null;
  intendedKind: AdvisoryCaseTable['intended_kind'];
  intendedSector: AdvisoryCaseTable['intended_sector'];
  foundingMembers: number | null;
  droppedReason: string | null;
  registeredOn: string | null;
  createdAt: string;
  updatedAt: string;
};

const COLUMNS = [
  'advisory_cases.id',
  'advisory_cases.kind',
  'advisory_cases.title',
  'advisory_cases.stage',
  'advisory_cases.description',
  'advisory_cases.opened_on',
  'advisory_cases.due_on',
  'advisory_cases.closed_on',
  'advisory_cases.assigned_officer_id',
  'advisory_cases.organization_id',
  'advisory_cases.commune_code',
  'advisory_cases.province_code',
  'advisory_cases.group_name',
  'advisory_cases.contact_name',
  'advisory_cases.contact_phone',
  'advisory_cases.intended_kind',
  'advisory_cases.intended_sector',
  'advisory_cases.founding_members',
  'advisory_cases.dropped_reason',
  'advisory_cases.registered_on',
  'advisory_cases.created_at',
  'advisory_cases.updated_at',
  'advisory_cases.version',
  'c.name as commune_name',
  'p.name as province_name',
  'u.display_name as officer_name',
  'o.name as organization_name',
  'o.kind as organization_kind',
  'o.is_new_model as organization_is_new_model',
  'o.founded_with_support_on as organization_founded_on',
] as const;

type Row = Omit<AdvisoryCaseTable, 'search_text'> & {
  commune_name: string;
  province_name: string;
  officer_name: string;
  organization_name: string | null;
  organization_kind: OrganizationTable['kind'] | null;
  organization_is_new_model: 0 | 1 | null;
  organization_founded_on: string | null;
};

const toCase = (row: Row): CaseRecord => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  stage: row.stage,
  description: row.description,
  openedOn: row.opened_on,
  dueOn: row.due_on,
  closedOn: row.closed_on,
  assignedOfficer: { id: row.assigned_officer_id, name: row.officer_name },
  organization:
    row.organization_id && row.organization_name && row.organization_kind
      ? {
          id: row.organization_id,
          name: row.organization_name,
          kind: row.organization_kind,
          isNewModel: row.organization_is_new_model === 1,
          foundedWithSupportOn: row.organization_founded_on,
        }
      : null,
  groupName: row.group_name,
  communeCode: row.commune_code,
  communeName: row.commune_name,
  provinceCode: row.province_code,
  provinceName: row.province_name,
  contactName: row.contact_name,
  contactPhone: row.contact_phone,
  intendedKind: row.intended_kind,
  intendedSector: row.intended_sector,
  foundingMembers: row.founding_members,
  droppedReason: row.dropped_reason,
  registeredOn: row.registered_on,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  version: row.version,
});

const SORTS: Record<(typeof advisoryCaseSortKeys)[number], { column: 'due_on' | 'opened_on' | 'updated_at'; direction: 'asc' | 'desc' }> = {
  dueOn: { column: 'due_on', direction: 'asc' },
  '-dueOn': { column: 'due_on', direction: 'desc' },
  openedOn: { column: 'opened_on', direction: 'asc' },
  '-openedOn': { column: 'opened_on', direction: 'desc' },
  updatedAt: { column: 'updated_at', direction: 'asc' },
  '-updatedAt': { column: 'updated_at', direction: 'desc' },
};

export type CaseFilters = Partial<AdvisoryCaseFilters> & { stages?: readonly AdvisoryStage[] };

export function createAdvisoryCaseRepository(db: Db) {
  const kind = dialectOf(db);

  /** The scope first: a province officer never reads another province's cases, a cooperative only its own. */
  function scoped(scope: ReadScope) {
    let query = db.selectFrom('advisory_cases');
    if (scope.provinceCode) query = query.where('advisory_cases.province_code', '=', scope.provinceCode);
    if (scope.organizationId) query = query.where('advisory_cases.organization_id', '=', scope.organizationId);
    return query;
  }

  function filtered(scope: ReadScope, filters: CaseFilters, today: string) {
    let query = scoped(scope);
    if (filters.kind) query = query.where('advisory_cases.kind', '=', filters.kind);
    if (filters.stage) query = query.where('advisory_cases.stage', '=', filters.stage);
    if (filters.stages) query = query.where('advisory_cases.stage', 'in', [...filters.stages]);
    if (filters.isOpen !== undefined) {
      query = query.where('advisory_cases.stage', 'in', filters.isOpen ? [...OPEN_ADVISORY_STAGES] : [...CLOSED_ADVISORY_STAGES]);
    }
    if (filters.overdue !== undefined) {
      query = filters.overdue
        ? query.where('advisory_cases.stage', 'in', [...OPEN_ADVISORY_STAGES]).where('advisory_cases.due_on', '<', today)
        : query.where((eb) =>
            eb.or([eb('advisory_cases.stage', 'in', [...CLOSED_ADVISORY_STAGES]), eb('advisory_cases.due_on', '>=', today)]),
          );
    }
    if (filters.officerId) query = query.where('advisory_cases.assigned_officer_id', '=', filters.officerId);
    if (filters.organizationId) query = query.where('advisory_cases.organization_id', '=', filters.organizationId);
    if (filters.provinceCode) query = query.where('advisory_cases.province_code', '=', filters.provinceCode);
    if (filters.communeCode) query = query.where('advisory_cases.commune_code', '=', filters.communeCode);
    if (filters.openedFrom) query = query.where('advisory_cases.opened_on', '>=', filters.openedFrom);
    if (filters.openedTo) query = query.where('advisory_cases.opened_on', '<=', filters.openedTo);
    if (filters.closedFrom) query = query.where('advisory_cases.closed_on', '>=', filters.closedFrom);
    if (filters.closedTo) query = query.where('advisory_cases.closed_on', '<=', filters.closedTo);
    const tokens = toSearchTokens(filters.q);
    if (tokens.length > 0) query = query.where(searchTextMatches(kind, 'advisory_cases', tokens));
    return query;
  }

  const withNames = (query: ReturnType<typeof scoped>) =>
    query
      .innerJoin('communes as c', 'c.code', 'advisory_cases.commune_code')
      .innerJoin('provinces as p', 'p.code', 'advisory_cases.province_code')
      .innerJoin('users as u', 'u.id', 'advisory_cases.assigned_officer_id')
      .leftJoin('organizations as o', 'o.id', 'advisory_cases.organization_id')
      .select(COLUMNS);

  const countOf = async (query: ReturnType<typeof scoped>): Promise<number> =>
    Number((await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()).total);

  return {
    async findCases(
      scope: ReadScope,
      filters: CaseFilters & { sort: keyof typeof SORTS; page: number; pageSize: number },
      today: string,
    ): Promise<{ items: CaseRecord[]; total: number }> {
      const sort = SORTS[filters.sort];
      const base = filtered(scope, filters, today);
      const rows = await withNames(base)
        .orderBy(`advisory_cases.${sort.column}`, sort.direction)
        .orderBy('advisory_cases.id', sort.direction)
        .limit(filters.pageSize)
        .offset((filters.page - 1) * filters.pageSize)
        .execute();
      return { items: (rows as Row[]).map(toCase), total: await countOf(base) };
    },

    /** A board column: how many cases are in a stage and the first `limit` of them. */
    async findColumn(scope: ReadScope, filters: CaseFilters, stage: AdvisoryStage, today: string, limit: number) {
      const base = filtered(scope, { ...filters, stage }, today);
      const isOpen = (OPEN_ADVISORY_STAGES as readonly string[]).includes(stage);
      const rows = await withNames(base)
        .orderBy(isOpen ? 'advisory_cases.due_on' : 'advisory_cases.closed_on', isOpen ? 'asc' : 'desc')
        .orderBy('advisory_cases.id')
        .limit(limit)
        .execute();
      return { count: await countOf(base), cards: (rows as Row[]).map(toCase) };
    },

    /** Every case the filters select, by opening date, a batch at a time (keyset paging). */
    async *streamCases(scope: ReadScope, filters: CaseFilters, today: string, batchSize = 500): AsyncGenerator<CaseRecord[]> {
      let after: { openedOn: string; id: string } | undefined;
      for (;;) {
        let query = filtered(scope, filters, today);
        if (after) {
          const last = after;
          query = query.where((eb) =>
            eb(eb.refTuple('advisory_cases.opened_on', 'advisory_cases.id'), '>', eb.tuple(last.openedOn, last.id)),
          );
        }
        const rows = (await withNames(query)
          .orderBy('advisory_cases.opened_on')
          .orderBy('advisory_cases.id')
          .limit(batchSize)
          .execute()) as Row[];
        if (rows.length === 0) return;
        yield rows.map(toCase);
        const last = rows.at(-1);
        if (!last || rows.length < batchSize) return;
        after = { openedOn: last.opened_on, id: last.id };
      }
    },

    async findCaseById(scope: ReadScope, id: string): Promise<CaseRecord | undefined> {
      const row = await withNames(scoped(scope).where('advisory_cases.id', '=', id)).executeTakeFirst();
      return row && toCase(row as Row);
    },

    /** A user who may be assigned cases: their role, province and whether the account is active. */
    async findOfficer(id: string) {
      const row = await db
        .selectFrom('users')
        .select(['id', 'display_name', 'role', 'province_code', 'is_active'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row && { id: row.id, name: row.display_name, role: row.role, provinceCode: row.province_code, isActive: row.is_active === 1 };
    },

    /** Active admins and staff of the province and national ones (all of them when `provinceCode` is null), by name. */
    async findOfficers(provinceCode: string | null): Promise<{ id: string; name: string }[]> {
      let query = db.selectFrom('users').select(['id', 'display_name']).where('is_active', '=', 1).where('role', 'in', ['admin', 'staff']);
      if (provinceCode !== null) {
        query = query.where((eb) => eb.or([eb('province_code', '=', provinceCode), eb('province_code', 'is', null)]));
      }
      const rows = await query.orderBy('display_name').orderBy('id').limit(500).execute();
      return rows.map((row) => ({ id: row.id, name: row.display_name }));
    },

    async findCommune(code: string): Promise<{ code: string; provinceCode: string } | undefined> {
      const row = await db.selectFrom('communes').select(['code', 'province_code']).where('code', '=', code).executeTakeFirst();
      return row && { code: row.code, provinceCode: row.province_code };
    },

    async insertCase(row: NewCaseRow): Promise<void> {
      await db.insertInto('advisory_cases').values(row).execute();
    },

    /** Saves only if nobody saved since `version`; false means someone else did. */
    async updateCase(id: string, version: number, changes: Partial<NewCaseRow>): Promise<boolean> {
      const result = await db
        .updateTable('advisory_cases')
        .set({ ...changes, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

export type AdvisoryCaseRepository = ReturnType<typeof createAdvisoryCaseRepository>;
