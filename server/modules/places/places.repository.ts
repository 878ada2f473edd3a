import { type Kysely, sql } from 'kysely';
import type { Commune, Province } from '../../../contracts/places.ts';
import { dialectOf } from '../../db/dialect.ts';
import type { CommuneTable, Database, OldCommuneTable, OldProvinceTable, ProvinceTable } from '../../db/schema.ts';

export type CommuneSearch = { tokens: string[]; provinceCode?: string; codes?: string[]; limit: number };

export function createPlacesRepository(db: Kysely<Database>) {
  return {
    async findProvinces(): Promise<Province[]> {
      const rows = await db.selectFrom('provinces').select(['code', 'name', 'full_name', 'type']).orderBy('sort_key').execute();
      return rows.map((row) => ({ code: row.code, name: row.name, fullName: row.full_name, type: row.type }));
    },

    async findCommunes(search: CommuneSearch): Promise<Commune[]> {
      let query = db
        .selectFrom('communes')
        .innerJoin('provinces', 'provinces.code', 'communes.province_code')
        .select(['communes.code', 'communes.name', 'communes.type', 'communes.province_code', 'provinces.name as province_name']);
      if (search.provinceCode) query = query.where('communes.province_code', '=', search.provinceCode);
      if (search.codes) query = query.where('communes.code', 'in', search.codes);
      for (const token of search.tokens) query = query.where('communes.search_text', 'like', `%${token}%`);
      const rows = await query.orderBy('provinces.sort_key').orderBy('communes.sort_key').limit(search.limit).execute();
      return rows.map((row) => ({
        code: row.code,
        name: row.name,
        type: row.type,
        provinceCode: row.province_code,
        provinceName: row.province_name,
      }));
    },

    async findCommune(code: string): Promise<{ code: string; provinceCode: string } | undefined> {
      const row = await db.selectFrom('communes').select(['code', 'province_code']).where('code', '=', code).executeTakeFirst();
      return row && { code: row.code, provinceCode: row.province_code };
    },

    /** Every commune's province, for work on many rows at once. */
    async findCommuneProvinces(): Promise<Map<string, string>> {
      const rows = await db.selectFrom('communes').select(['code', 'province_code']).execute();
      return new Map(rows.map((row) => [row.code, row.province_code]));
    },

    /** Every unit, old and new, for reading addresses in bulk (about 14,000 small rows). */
    async findAllUnits() {
      return {
        provinces: await db.selectFrom('provinces').selectAll().execute(),
        communes: await db.selectFrom('communes').selectAll().execute(),
        oldProvinces: await db.selectFrom('old_provinces').selectAll().execute(),
        oldCommunes: await db.selectFrom('old_communes').selectAll().execute(),
      };
    },

    async countUnits(): Promise<{ provinces: number; communes: number; oldCommunes: number }> {
      const count = async (table: 'provinces' | 'communes' | 'old_communes') =>
        Number((await db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
      return { provinces: await count('provinces'), communes: await count('communes'), oldCommunes: await count('old_communes') };
    },

    /** Loads the official units in one transaction; used on a database that has none yet. */
    async insertUnits(units: {
      provinces: ProvinceTable[];
      communes: CommuneTable[];
      oldProvinces: OldProvinceTable[];
      oldCommunes: OldCommuneTable[];
    }): Promise<void> {
      const batch = dialectOf(db) === 'sqlite' ? 500 : 2000;
      await db.transaction().execute(async (trx) => {
        const insertAll = async <T extends keyof Database>(table: T, rows: Database[T][]) => {
          for (let start = 0; start < rows.length; start += batch) {
            // Kysely cannot type a table chosen at run time; the rows are typed by the caller.
            await trx
              .insertInto(table)
              .values(rows.slice(start, start + batch) as never)
              .execute();
          }
        };
        await insertAll('provinces', units.provinces);
        await insertAll('communes', units.communes);
        await insertAll('old_provinces', units.oldProvinces);
        await insertAll('old_communes', units.oldCommunes);
      });
    },
  };
}

export type PlacesRepository = ReturnType<typeof createPlacesRepository>;
