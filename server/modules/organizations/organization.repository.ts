import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Organization, OrganizationFilters, OrganizationListItem, OrganizationSummary } from '../../../contracts/organizations.ts';
import type { Db } from '../../db/database.ts';
import { dialectOf, type SearchMethod, searchTextMatches } from '../../db/dialect.ts';
import type { Database, NewOrganizationRow, OrganizationRow } from '../../db/schema.ts';
import type { ReadScope } from '../../platform/access.ts';
import { toSearchTokens } from '../../platform/search-text.ts';

type Joined = Database & { c: Database['communes']; p: Database['provinces'] };
type OrganizationQuery = SelectQueryBuilder<Joined, 'organizations' | 'c' | 'p', object>;

const SUMMARY_COLUMNS = [
  'organizations.id',
  'organizations.kind',
  'organizations.name',
  'organizations.tax_code',
  'organizations.commune_code',
  'organizations.province_code',
  'organizations.address_line',
  'organizations.status',
  'organizations.sector',
  'organizations.is_new_model',
  'organizations.registered_on',
  'organizations.archived_at',
  'organizations.version',
  'organizations.has_possible_duplicate',
  'c.name as commune_name',
  'p.name as province_name',
] as const;

/**
 * A search matching at least this many times the rows up to the page walks the list in sort
 * order, testing each row, instead of collecting every match from the search index and sorting.
 */
const ROW_CHECK_FACTOR = 20;
/**
 * A search is counted up to this many matches: beyond it the exact figure costs a scan of most of
 * the table and tells the user nothing ("more than 1,000": narrow the search). Filters alone are
 * counted exactly from their indexes.
 */
export const SEARCH_COUNT_CAP = 1000;

const SORTS: Record<OrganizationFilters['sort'], { column: 'sort_key' | 'registered_on' | 'updated_at'; direction: 'asc' | 'desc' }> = {
  name: { column: 'sort_key', direction: 'asc' },
  '-name': { column: 'sort_key', direction: 'desc' },
  registeredOn: { column: 'registered_on', direction: 'asc' },
  '-registeredOn': { column: 'registered_on', direction: 'desc' },
  updatedAt: { column: 'updated_at', direction: 'asc' },
  '-updatedAt': { column: 'updated_at', direction: 'desc' },
};

type SummaryRow = Pick<
  OrganizationRow,
  | 'id'
  | 'kind'
  | 'name'
  | 'tax_code'
  | 'commune_code'
  | 'province_code'
  | 'address_line'
  | 'status'
  | 'sector'
  | 'is_new_model'
  | 'registered_on'
  | 'archived_at'
  | 'version'
> & { commune_name: string; province_name: string };

function toSummary(row: SummaryRow): OrganizationSummary {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    taxCode: row.tax_code,
    communeCode: row.commune_code,
    communeName: row.commune_name,
    provinceCode: row.province_code,
    provinceName: row.province_name,
    addressLine: row.address_line,
    status: row.status,
    sector: row.sector,
    isNewModel: row.is_new_model === 1,
    registeredOn: row.registered_on,
    archivedAt: row.archived_at,
    version: row.version,
  };
}

function toOrganization(row: OrganizationRow & { commune_name: string; province_name: string }): Organization {
  // Not `{ ...toSummary(row), … }`: V8 builds that literal slowly (about 35 µs a row, 4 s of a
  // 100,000-row export); adding the fields to the summary takes 1.5 µs.
  return Object.assign(toSummary(row), {
    shortName: row.short_name,
    foreignName: row.foreign_name,
    registrationAuthority: row.registration_authority,
    observedStatus: row.observed_status,
    observedOn: row.observed_on,
    vsicCodes: row.vsic_codes,
    charterCapital: row.charter_capital,
    legalRepresentative: row.legal_representative,
    chairName: row.chair_name,
    directorName: row.director_name,
    controllerName: row.controller_name,
    phone: row.phone,
    email: row.email,
    website: row.website,
    notes: row.notes,
    archivedReason: row.archived_reason,
    foundedWithSupportOn: row.founded_with_support_on,
    addressAsImported: row.address_as_imported,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/** The scope is applied to every read: a province officer cannot see another province by accident. */
function withinScope<Q extends SelectQueryBuilder<Database, 'organizations', object>>(query: Q, scope: ReadScope): Q {
  let scoped = query;
  if (scope.provinceCode) scoped = scoped.where('organizations.province_code', '=', scope.provinceCode) as Q;
  if (scope.organizationId) scoped = scoped.where('organizations.id', '=', scope.organizationId) as Q;
  return scoped;
}

type FigureFilters = Pick<OrganizationFilters, 'hasFigures' | 'revenueMin' | 'revenueMax' | 'band'>;

/** "Revenue 2025 above X", "band Khá in 2024", "no figures for 2025": conditions on the year's record. */
function withFigureFilters<Q extends SelectQueryBuilder<Database, 'organizations', object>>(
  query: Q,
  year: number,
  filters: FigureFilters,
): Q {
  const report = (eb: ExpressionBuilder<Database, 'organizations'>) =>
    eb.selectFrom('annual_reports as r').select('r.id').whereRef('r.organization_id', '=', 'organizations.id').where('r.year', '=', year);
  if (filters.hasFigures === false) return query.where((eb) => eb.not(eb.exists(report(eb)))) as Q;
  const needsReport = filters.hasFigures || filters.revenueMin !== undefined || filters.revenueMax !== undefined || filters.band;
  if (!needsReport) return query;
  return query.where((eb) => {
    let subquery = report(eb);
    if (filters.revenueMin !== undefined) subquery = subquery.where('r.revenue', '>=', filters.revenueMin);
    if (filters.revenueMax !== undefined) subquery = subquery.where('r.revenue', '<=', filters.revenueMax);
    if (filters.band) subquery = subquery.where('r.classification_band', '=', filters.band);
    return eb.exists(subquery);
  }) as Q;
}

export type OrganizationCounts = {
  total: number;
  newModel: number;
  byKind: { key: string; count: number }[];
  byStatus: { key: string; count: number }[];
  bySector: { key: string; count: number }[];
  byPlace: { key: string; label: string; count: number }[];
};

export function createOrganizationRepository(db: Db) {
  const kind = dialectOf(db);

  function filtered(
    scope: ReadScope,
    filters: Omit<OrganizationFilters, 'sort' | 'page' | 'pageSize'>,
    searchMethod: SearchMethod = 'index',
  ) {
    let query = withinScope(db.selectFrom('organizations'), scope);
    query = filters.archived
      ? query.where('organizations.archived_at', 'is not', null)
      : query.where('organizations.archived_at', 'is', null);
    if (filters.kind) query = query.where('organizations.kind', '=', filters.kind);
    if (filters.status) query = query.where('organizations.status', '=', filters.status);
    if (filters.sector) query = query.where('organizations.sector', '=', filters.sector);
    if (filters.provinceCode) query = query.where('organizations.province_code', '=', filters.provinceCode);
    if (filters.communeCode) query = query.where('organizations.commune_code', '=', filters.communeCode);
    if (filters.isNewModel !== undefined) query = query.where('organizations.is_new_model', '=', filters.isNewModel ? 1 : 0);
    if (filters.foundedWithSupport !== undefined) {
      query = query.where('organizations.founded_with_support_on', filters.foundedWithSupport ? 'is not' : 'is', null);
    }
    if (filters.foundedYear !== undefined) {
      query = query
        .where('organizations.founded_with_support_on', '>=', `${filters.foundedYear}-01-01`)
        .where('organizations.founded_with_support_on', '<=', `${filters.foundedYear}-12-31`);
    }
    if (filters.figuresYear !== undefined) query = withFigureFilters(query, filters.figuresYear, filters);
    const tokens = toSearchTokens(filters.q);
    if (tokens.length > 0) query = query.where(searchTextMatches(kind, 'organizations', tokens, searchMethod));
    return query;
  }

  const countOf = async (query: ReturnType<typeof filtered>): Promise<number> =>
    Number((await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()).total);

  const countUpTo = async (query: ReturnType<typeof filtered>, cap: number): Promise<number> => {
    const matched = query
      .select('organizations.id')
      .limit(cap + 1)
      .as('matched');
    return Number(
      (
        await db
          .selectFrom(matched)
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .executeTakeFirstOrThrow()
      ).total,
    );
  };

  const joinPlaces = (query: ReturnType<typeof filtered>): OrganizationQuery =>
    query
      .innerJoin('communes as c', 'c.code', 'organizations.commune_code')
      .innerJoin('provinces as p', 'p.code', 'organizations.province_code') as unknown as OrganizationQuery;

  return {
    async findOrganizations(
      scope: ReadScope,
      filters: OrganizationFilters,
    ): Promise<{ items: OrganizationListItem[]; total: number; totalIsExact: boolean }> {
      const sort = SORTS[filters.sort];
      const offset = (filters.page - 1) * filters.pageSize;
      // A search is counted first: how many rows match decides how its page is best found.
      const searchCount = toSearchTokens(filters.q).length > 0 ? await countUpTo(filtered(scope, filters), SEARCH_COUNT_CAP) : undefined;
      const totalIsExact = searchCount === undefined || searchCount <= SEARCH_COUNT_CAP;
      const searchTotal = searchCount === undefined ? undefined : Math.min(searchCount, SEARCH_COUNT_CAP);
      if (searchTotal !== undefined && searchTotal <= offset) return { items: [], total: searchTotal, totalIsExact };
      const isCommonSearch = searchTotal !== undefined && searchTotal >= (offset + filters.pageSize) * ROW_CHECK_FACTOR;
      const base = filtered(scope, filters, isCommonSearch ? 'rowCheck' : 'index');
      // The page's ids come from a narrow list index alone; only those rows are then read and joined.
      const pageIds = base
        .select('organizations.id')
        .orderBy(`organizations.${sort.column}`, sort.direction)
        .orderBy('organizations.id', sort.direction)
        .limit(filters.pageSize)
        .offset(offset);
      const rows = await joinPlaces(db.selectFrom('organizations').where('organizations.id', 'in', pageIds))
        .select(SUMMARY_COLUMNS)
        .orderBy(`organizations.${sort.column}`, sort.direction)
        .orderBy('organizations.id', sort.direction)
        .execute();
      // A page that is not full is the last one: it tells the total without counting.
      const isLastPage = rows.length < filters.pageSize && (rows.length > 0 || offset === 0);
      const total = searchTotal ?? (isLastPage ? offset + rows.length : await countOf(base));
      const items = (rows as (SummaryRow & { has_possible_duplicate: number })[]).map((row) => ({
        ...toSummary(row),
        hasPossibleDuplicate: row.has_possible_duplicate === 1 && !row.archived_at,
      }));
      return { items, total, totalIsExact };
    },

    /** Every organisation the filters select, in name order, a batch at a time (keyset paging: no deep OFFSET). */
    async *streamOrganizations(
      scope: ReadScope,
      filters: Omit<OrganizationFilters, 'sort' | 'page' | 'pageSize'>,
      batchSize = 1000,
    ): AsyncGenerator<Organization[]> {
      let after: { sortKey: string; id: string } | undefined;
      for (;;) {
        let query = joinPlaces(filtered(scope, filters));
        if (after) {
          const last = after;
          // A row-value comparison, which both databases answer from the (sort_key) index; an OR would scan.
          query = query.where((eb) => eb(eb.refTuple('organizations.sort_key', 'organizations.id'), '>', eb.tuple(last.sortKey, last.id)));
        }
        const rows = (await query
          .selectAll('organizations')
          .select(['c.name as commune_name', 'p.name as province_name'])
          .orderBy('organizations.sort_key')
          .orderBy('organizations.id')
          .limit(batchSize)
          .execute()) as (OrganizationRow & { commune_name: string; province_name: string })[];
        if (rows.length === 0) return;
        yield rows.map(toOrganization);
        const last = rows.at(-1);
        if (!last || rows.length < batchSize) return;
        after = { sortKey: last.sort_key, id: last.id };
      }
    },

    async findOrganizationById(scope: ReadScope, id: string): Promise<Organization | undefined> {
      const row = await joinPlaces(withinScope(db.selectFrom('organizations'), scope).where('organizations.id', '=', id))
        .selectAll('organizations')
        .select(['c.name as commune_name', 'p.name as province_name'])
        .executeTakeFirst();
      return row && toOrganization(row as OrganizationRow & { commune_name: string; province_name: string });
    },

    /** Live organisations an import row may stand for: by id, tax code, or (name) in a commune. */
    async findForMatching(scope: ReadScope, keys: { ids: string[]; taxCodes: string[]; communeCodes: string[] }): Promise<Organization[]> {
      if (keys.ids.length + keys.taxCodes.length + keys.communeCodes.length === 0) return [];
      const query = withinScope(db.selectFrom('organizations'), scope)
        .where('organizations.archived_at', 'is', null)
        .where((eb) =>
          eb.or([
            ...(keys.ids.length ? [eb('organizations.id', 'in', keys.ids)] : []),
            ...(keys.taxCodes.length ? [eb('organizations.tax_code', 'in', keys.taxCodes)] : []),
            ...(keys.communeCodes.length ? [eb('organizations.commune_code', 'in', keys.communeCodes)] : []),
          ]),
        );
      const rows = await joinPlaces(query)
        .selectAll('organizations')
        .select(['c.name as commune_name', 'p.name as province_name'])
        .execute();
      return rows.map((row) => toOrganization(row as OrganizationRow & { commune_name: string; province_name: string }));
    },

    /** Names of the live organisations in some communes (or all the scope's), for spotting duplicates. */
    async findNames(scope: ReadScope, where: { communeCodes?: string[]; provinceCode?: string }) {
      let query = withinScope(db.selectFrom('organizations'), scope).where('organizations.archived_at', 'is', null);
      if (where.communeCodes) {
        if (where.communeCodes.length === 0) return [];
        query = query.where('organizations.commune_code', 'in', where.communeCodes);
      }
      if (where.provinceCode) query = query.where('organizations.province_code', '=', where.provinceCode);
      return query
        .select([
          'organizations.id',
          'organizations.name',
          'organizations.commune_code',
          'organizations.tax_code',
          'organizations.province_code',
          'organizations.has_possible_duplicate',
        ])
        .execute();
    },

    /** Sets the near-namesake flag; `ids` are split by the flag's new value. */
    async setDuplicateFlags(flagged: string[], cleared: string[]): Promise<void> {
      for (const [ids, value] of [
        [flagged, 1],
        [cleared, 0],
      ] as const) {
        for (let start = 0; start < ids.length; start += 500) {
          await db
            .updateTable('organizations')
            .set({ has_possible_duplicate: value })
            .where('id', 'in', ids.slice(start, start + 500))
            .execute();
        }
      }
    },

    async findSummariesByIds(scope: ReadScope, ids: string[]): Promise<OrganizationSummary[]> {
      if (ids.length === 0) return [];
      const rows = await joinPlaces(withinScope(db.selectFrom('organizations'), scope).where('organizations.id', 'in', ids))
        .select(SUMMARY_COLUMNS)
        .execute();
      return (rows as SummaryRow[]).map(toSummary);
    },

    /** The organisations merged into this one, and those merged into them. */
    async findMergedIds(id: string): Promise<string[]> {
      const found: string[] = [];
      let frontier = [id];
      while (frontier.length > 0 && found.length < 1000) {
        const rows = await db.selectFrom('organizations').select('id').where('merged_into_id', 'in', frontier).execute();
        frontier = rows.map((row) => row.id).filter((next) => !found.includes(next));
        found.push(...frontier);
      }
      return found;
    },

    /** Gives the survivor the duplicate's yearly figures for the years it has none of; returns those years. */
    async moveAnnualReports(fromId: string, toId: string): Promise<number[]> {
      const taken = (await db.selectFrom('annual_reports').select('year').where('organization_id', '=', toId).execute()).map(
        (row) => row.year,
      );
      let query = db.updateTable('annual_reports').set({ organization_id: toId }).where('organization_id', '=', fromId);
      if (taken.length > 0) query = query.where('year', 'not in', taken);
      await query.execute();
      const moved = await db.selectFrom('annual_reports').select('year').where('organization_id', '=', toId).execute();
      return moved.map((row) => row.year).filter((year) => !taken.includes(year));
    },

    /**
     * The services an organisation received follow it into the record it is merged into: its
     * advisory cases, loans and bank referrals always; its Alliance membership (and dues) only when
     * the survivor has none, since two membership histories of one body cannot be told apart.
     */
    async moveServiceRecords(
      fromId: string,
      toId: string,
    ): Promise<{ casesMoved: number; loansMoved: number; referralsMoved: number; membershipsMoved: number }> {
      const moved = async (query: { executeTakeFirst(): Promise<{ numUpdatedRows: bigint }> }) =>
        Number((await query.executeTakeFirst()).numUpdatedRows);
      const cases = await moved(db.updateTable('advisory_cases').set({ organization_id: toId }).where('organization_id', '=', fromId));
      const loans = await moved(db.updateTable('loans').set({ organization_id: toId }).where('organization_id', '=', fromId));
      const referrals = await moved(db.updateTable('bank_referrals').set({ organization_id: toId }).where('organization_id', '=', fromId));
      const survivorIsMember = await db.selectFrom('memberships').select('id').where('organization_id', '=', toId).executeTakeFirst();
      let memberships = 0;
      if (!survivorIsMember) {
        memberships = await moved(db.updateTable('memberships').set({ organization_id: toId }).where('organization_id', '=', fromId));
        await db.updateTable('membership_dues').set({ organization_id: toId }).where('organization_id', '=', fromId).execute();
      }
      return { casesMoved: cases, loansMoved: loans, referralsMoved: referrals, membershipsMoved: memberships };
    },

    /** Who holds these tax codes anywhere (uniqueness is national, visibility is not). */
    async findTaxCodeHolders(taxCodes: string[]): Promise<{ taxCode: string; id: string; name: string; provinceCode: string }[]> {
      if (taxCodes.length === 0) return [];
      const rows = await db
        .selectFrom('organizations')
        .select(['tax_code', 'id', 'name', 'province_code'])
        .where('tax_code', 'in', taxCodes)
        .where('archived_at', 'is', null)
        .execute();
      return rows.map((row) => ({ taxCode: row.tax_code ?? '', id: row.id, name: row.name, provinceCode: row.province_code }));
    },

    /** The live organisation holding a tax code, whoever may see it: uniqueness is national. */
    async findLiveByTaxCode(taxCode: string): Promise<{ id: string; name: string; provinceCode: string } | undefined> {
      const row = await db
        .selectFrom('organizations')
        .select(['id', 'name', 'province_code'])
        .where('tax_code', '=', taxCode)
        .where('archived_at', 'is', null)
        .executeTakeFirst();
      return row && { id: row.id, name: row.name, provinceCode: row.province_code };
    },

    /** Every row of the table, archived and merged ones too: what its indexes hold. */
    async countRows(): Promise<number> {
      const row = await db
        .selectFrom('organizations')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    async insertOrganization(row: NewOrganizationRow): Promise<void> {
      await db.insertInto('organizations').values(row).execute();
    },

    async insertOrganizations(rows: NewOrganizationRow[]): Promise<void> {
      // SQLite binds at most 32,766 parameters a statement; 35 columns × 200 rows stays well below.
      const batch = kind === 'sqlite' ? 200 : 500;
      for (let start = 0; start < rows.length; start += batch) {
        await db
          .insertInto('organizations')
          .values(rows.slice(start, start + batch))
          .execute();
      }
    },

    /** Saves only if nobody saved since `version`; false means someone else did. */
    async updateOrganization(id: string, version: number, changes: Partial<NewOrganizationRow>): Promise<boolean> {
      const result = await db
        .updateTable('organizations')
        .set({ ...changes, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async countOrganizations(scope: ReadScope, provinceCode: string | undefined): Promise<OrganizationCounts> {
      const live = () => {
        let query = withinScope(db.selectFrom('organizations'), scope).where('organizations.archived_at', 'is', null);
        if (provinceCode) query = query.where('organizations.province_code', '=', provinceCode);
        return query;
      };
      const countBy = async (column: 'kind' | 'status' | 'sector') => {
        const rows = await live()
          .select([
            `organizations.${column} as key`,
            (eb: ExpressionBuilder<Database, 'organizations'>) => eb.fn.countAll<number>().as('count'),
          ])
          .groupBy(`organizations.${column}`)
          .execute();
        return rows.map((row) => ({ key: String(row.key), count: Number(row.count) })).sort((a, b) => b.count - a.count);
      };
      const totals = await live()
        .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.sum<number>('organizations.is_new_model').as('new_model')])
        .executeTakeFirstOrThrow();
      const byProvince = !scope.provinceCode && !provinceCode;
      const byPlace = byProvince
        ? await live()
            .innerJoin('provinces as p', 'p.code', 'organizations.province_code')
            .select(['p.code as key', 'p.name as label', sql<number>`count(*)`.as('count')])
            .groupBy(['p.code', 'p.name'])
            .orderBy(sql`count(*)`, 'desc')
            .execute()
        : await live()
            .innerJoin('communes as c', 'c.code', 'organizations.commune_code')
            .select(['c.code as key', 'c.name as label', sql<number>`count(*)`.as('count')])
            .groupBy(['c.code', 'c.name'])
            .orderBy(sql`count(*)`, 'desc')
            .limit(15)
            .execute();
      return {
        total: Number(totals.total),
        newModel: Number(totals.new_model ?? 0),
        byKind: await countBy('kind'),
        byStatus: await countBy('status'),
        bySector: await countBy('sector'),
        byPlace: byPlace.map((row) => ({ key: row.key, label: row.label, count: Number(row.count) })),
      };
    },
  };
}

export type OrganizationRepository = ReturnType<typeof createOrganizationRepository>;
