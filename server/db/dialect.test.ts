import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../testing/test-database.ts';
import { type DatabaseHandle, openDatabase } from './database.ts';
import { isUniqueViolation, withIndexesRebuiltAfter } from './dialect.ts';

describeEachDatabase('a bulk write with the read-only indexes set aside', (kind) => {
  let testDatabase: TestDatabase;
  let database: DatabaseHandle;

  beforeAll(async () => {
    testDatabase = await createTestDatabase(kind);
    database = openDatabase(testDatabase.target);
    await sql`create table parcels (id integer primary key, code text not null, area integer not null)`.execute(database.db);
    await sql`create unique index parcels_code on parcels (code)`.execute(database.db);
    await sql`create index parcels_area on parcels (area, id) where area > 0`.execute(database.db);
  });
  afterAll(async () => {
    await database.close();
    await testDatabase.drop();
  });

  /** The table's indexes, by name, as the database lists them. */
  async function indexesOfParcels(): Promise<string[]> {
    const { rows } =
      kind === 'postgres'
        ? await sql<{ name: string }>`select indexname as name from pg_indexes where tablename = 'parcels' order by 1`.execute(database.db)
        : await sql<{ name: string }>`select name from pragma_index_list('parcels') order by 1`.execute(database.db);
    return rows.map((row) => row.name);
  }
  it('writes every row and ends with the same indexes, built over the new rows', async () => {
    const before = await indexesOfParcels();
    expect(before).toContain('parcels_area');
    await database.db.transaction().execute((trx) =>
      withIndexesRebuiltAfter(trx, 'parcels', async () => {
        for (let id = 1; id <= 300; id += 1)
          await sql`insert into parcels (id, code, area) values (${id}, ${`P${id}`}, ${id})`.execute(trx);
      }),
    );
    expect(await indexesOfParcels()).toEqual(before);
    const { rows } = await sql<{ count: number | string }>`select count(*) as count from parcels where area > 290`.execute(database.db);
    expect(Number(rows[0]?.count)).toBe(10);
  });

  it('keeps checking unique codes while the write runs, and a failed write leaves table and indexes as they were', async () => {
    const before = await indexesOfParcels();
    const failed = database.db.transaction().execute((trx) =>
      withIndexesRebuiltAfter(trx, 'parcels', async () => {
        await sql`insert into parcels (id, code, area) values (1001, 'Q1', 7)`.execute(trx);
        await sql`insert into parcels (id, code, area) values (1002, 'P5', 7)`.execute(trx);
      }),
    );
    await expect(failed).rejects.toSatisfy(isUniqueViolation);
    expect(await indexesOfParcels()).toEqual(before);
    const { rows } = await sql<{ count: number | string }>`select count(*) as count from parcels`.execute(database.db);
    expect(Number(rows[0]?.count)).toBe(300);
  });

  it('refuses to run outside a transaction, where a failure would lose the indexes', async () => {
    await expect(withIndexesRebuiltAfter(database.db, 'parcels', async () => undefined)).rejects.toThrow(/transaction/);
  });
});
