import type { SelectQueryBuilder } from 'kysely';
import type { Gender, PersonFilters, Position } from '../../../contracts/people.ts';
import type { Db } from '../../db/database.ts';
import { dialectOf, searchTextMatches } from '../../db/dialect.ts';
import type { Database, OrganizationPositionTable, PersonTable } from '../../db/schema.ts';
import type { ReadScope } from '../../platform/access.ts';
import { toSearchTokens } from '../../platform/search-text.ts';

/** A person as stored, every field; the service decides which of them leave the server. */
export type PersonRecord = {
  id: string;
  fullName: string;
  gender: Gender | null;
  birthYear: number | null;
  phone: string | null;
  email: string | null;
  notes: string | null;
  provinceCode: string;
  erasedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type PositionRecord = {
  id: string;
  personId: string;
  organizationId: string;
  organizationName: string;
  organizationProvinceCode: string;
  position: Position;
  startedOn: string | null;
  endedOn: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

type NewPersonRow = PersonTable;
type NewPositionRow = OrganizationPositionTable;

const PERSON_COLUMNS = [
  'people.id',
  'people.full_name',
  'people.gender',
  'people.birth_year',
  'people.phone',
  'people.email',
  'people.notes',
  'people.province_code',
  'people.erased_at',
  'people.created_at',
  'people.updated_at',
  'people.version',
] as const;

const POSITION_COLUMNS = [
  'op.id',
  'op.person_id',
  'op.organization_id',
  'op.position',
  'op.started_on',
  'op.ended_on',
  'op.created_at',
  'op.updated_at',
  'op.version',
  'o.name as organization_name',
  'o.province_code as organization_province_code',
] as const;

type PersonRow = Pick<
  PersonTable,
  | 'id'
  | 'full_name'
  | 'gender'
  | 'birth_year'
  | 'phone'
  | 'email'
  | 'notes'
  | 'province_code'
  | 'erased_at'
  | 'created_at'
  | 'updated_at'
  | 'version'
>;

type PositionRow = OrganizationPositionTable & { organization_name: string; organization_province_code: string };

const toPerson = (row: PersonRow): PersonRecord => ({
  id: row.id,
  fullName: row.full_name,
  gender: row.gender,
  birthYear: row.birth_year,
  phone: row.phone,
  email: row.email,
  notes: row.notes,
  provinceCode: row.province_code,
  erasedAt: row.erased_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  version: row.version,
});

const toPosition = (row: PositionRow): PositionRecord => ({
  id: row.id,
  personId: row.person_id,
  organizationId: row.organization_id,
  organizationName: row.organization_name,
  organizationProvinceCode: row.organization_province_code,
  position: row.position,
  startedOn: row.started_on,
  endedOn: row.ended_on,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  version: row.version,
});

/**
 * A province user sees the people their province keeps and those holding a position (now or
 * before) in one of its organisations; a cooperative only those who hold or held one with it.
 */
function withinScope<Q extends SelectQueryBuilder<Database, 'people', object>>(query: Q, scope: ReadScope): Q {
  let scoped = query;
  if (scope.organizationId) {
    const organizationId = scope.organizationId;
    scoped = scoped.where('people.id', 'in', (eb) =>
      eb.selectFrom('organization_positions as sp').select('sp.person_id').where('sp.organization_id', '=', organizationId),
    ) as Q;
  }
  if (scope.provinceCode) {
    const provinceCode = scope.provinceCode;
    scoped = scoped.where((eb) =>
      eb.or([
        eb('people.province_code', '=', provinceCode),
        eb(
          'people.id',
          'in',
          eb
            .selectFrom('organization_positions as sp')
            .innerJoin('organizations as so', 'so.id', 'sp.organization_id')
            .select('sp.person_id')
            .where('so.province_code', '=', provinceCode),
        ),
      ]),
    ) as Q;
  }
  return scoped;
}

export type PeopleQuery = Omit<PersonFilters, 'page' | 'pageSize'> & {
  page: number;
  pageSize: number;
  /** The calendar date "current" is about. */
  today: string;
};

export function createPersonRepository(db: Db) {
  const kind = dialectOf(db);

  /** Positions in the organisations the scope sees, with the organisation's name. */
  function positionsInScope(scope: ReadScope) {
    let query = db
      .selectFrom('organization_positions as op')
      .innerJoin('organizations as o', 'o.id', 'op.organization_id')
      .select(POSITION_COLUMNS);
    if (scope.provinceCode) query = query.where('o.province_code', '=', scope.provinceCode);
    if (scope.organizationId) query = query.where('o.id', '=', scope.organizationId);
    return query;
  }

  function filtered(scope: ReadScope, filters: PeopleQuery) {
    let query = withinScope(db.selectFrom('people').where('people.erased_at', 'is', null), scope);
    const { organizationId, position, current, today } = filters;
    if (organizationId !== undefined || position !== undefined || current !== undefined) {
      // The position filters look only at organisations in scope: a filter must not reveal positions held elsewhere.
      query = query.where('people.id', 'in', (eb) => {
        let held = eb
          .selectFrom('organization_positions as fp')
          .innerJoin('organizations as fo', 'fo.id', 'fp.organization_id')
          .select('fp.person_id');
        if (scope.provinceCode) held = held.where('fo.province_code', '=', scope.provinceCode);
        if (scope.organizationId) held = held.where('fo.id', '=', scope.organizationId);
        if (organizationId !== undefined) held = held.where('fp.organization_id', '=', organizationId);
        if (position !== undefined) held = held.where('fp.position', '=', position);
        if (current !== undefined) {
          held = held.where((inner) => {
            const isCurrent = inner.and([
              inner.or([inner('fp.started_on', 'is', null), inner('fp.started_on', '<=', today)]),
              inner.or([inner('fp.ended_on', 'is', null), inner('fp.ended_on', '>=', today)]),
            ]);
            return current ? isCurrent : inner.not(isCurrent);
          });
        }
        return held;
      });
    }
    const tokens = toSearchTokens(filters.q);
    if (tokens.length > 0) query = query.where(searchTextMatches(kind, 'people', tokens));
    return query;
  }

  return {
    async findPeople(scope: ReadScope, filters: PeopleQuery): Promise<{ people: PersonRecord[]; total: number }> {
      const offset = (filters.page - 1) * filters.pageSize;
      const rows = await filtered(scope, filters)
        .select(PERSON_COLUMNS)
        .orderBy('people.sort_key')
        .orderBy('people.id')
        .limit(filters.pageSize)
        .offset(offset)
        .execute();
      // A page that is not full is the last one: it tells the total without counting.
      const isLastPage = rows.length < filters.pageSize && (rows.length > 0 || offset === 0);
      const total = isLastPage
        ? offset + rows.length
        : Number(
            (
              await filtered(scope, filters)
                .select((eb) => eb.fn.countAll<number>().as('total'))
                .executeTakeFirstOrThrow()
            ).total,
          );
      return { people: rows.map(toPerson), total };
    },

    async findPersonById(scope: ReadScope, id: string): Promise<PersonRecord | undefined> {
      const row = await withinScope(db.selectFrom('people').where('people.id', '=', id), scope)
        .select(PERSON_COLUMNS)
        .executeTakeFirst();
      return row && toPerson(row);
    },

    async findPeopleByIds(scope: ReadScope, ids: readonly string[]): Promise<PersonRecord[]> {
      if (ids.length === 0) return [];
      const rows = await withinScope(db.selectFrom('people').where('people.id', 'in', [...ids]), scope)
        .select(PERSON_COLUMNS)
        .execute();
      return rows.map(toPerson);
    },

    /** Positions in organisations the scope sees, by the people who hold them, one organisation, or one id. */
    async findPositions(
      scope: ReadScope,
      where: { personIds?: readonly string[]; organizationId?: string; id?: string },
    ): Promise<PositionRecord[]> {
      let query = positionsInScope(scope);
      if (where.personIds) {
        if (where.personIds.length === 0) return [];
        query = query.where('op.person_id', 'in', [...where.personIds]);
      }
      if (where.organizationId) query = query.where('op.organization_id', '=', where.organizationId);
      if (where.id) query = query.where('op.id', '=', where.id);
      const rows = await query.orderBy('op.started_on').orderBy('op.id').execute();
      return rows.map(toPosition);
    },

    /** Every position a person holds or held, in any province: a data-subject export lists all that is kept. */
    async findEveryPositionOfPerson(personId: string): Promise<PositionRecord[]> {
      const rows = await db
        .selectFrom('organization_positions as op')
        .innerJoin('organizations as o', 'o.id', 'op.organization_id')
        .select(POSITION_COLUMNS)
        .where('op.person_id', '=', personId)
        .orderBy('op.started_on')
        .orderBy('op.id')
        .execute();
      return rows.map(toPosition);
    },

    async insertPerson(row: NewPersonRow): Promise<void> {
      await db.insertInto('people').values(row).execute();
    },

    /** Saves only if nobody saved since `version`; false means someone else did. */
    async updatePerson(id: string, version: number, changes: Partial<Omit<NewPersonRow, 'id' | 'version'>>): Promise<boolean> {
      const result = await db
        .updateTable('people')
        .set({ ...changes, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** A merged duplicate's people now work for the organisation it was folded into. */
    async movePositions(fromOrganizationId: string, toOrganizationId: string): Promise<number> {
      const result = await db
        .updateTable('organization_positions')
        .set({ organization_id: toOrganizationId })
        .where('organization_id', '=', fromOrganizationId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async insertPosition(row: NewPositionRow): Promise<void> {
      await db.insertInto('organization_positions').values(row).execute();
    },

    async updatePosition(
      id: string,
      version: number,
      changes: Partial<Pick<NewPositionRow, 'position' | 'started_on' | 'ended_on' | 'updated_at'>>,
    ): Promise<boolean> {
      const result = await db
        .updateTable('organization_positions')
        .set({ ...changes, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

export type PersonRepository = ReturnType<typeof createPersonRepository>;
