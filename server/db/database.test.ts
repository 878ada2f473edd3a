import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../testing/test-database.ts';
import { type DatabaseHandle, openDatabase } from './database.ts';

describe.runIf(TEST_DATABASE_URL)('a PostgreSQL connection lost while idle', () => {
  let testDatabase: TestDatabase;
  let database: DatabaseHandle;

  beforeAll(async () => {
    testDatabase = await createTestDatabase('postgres');
    database = openDatabase(testDatabase.target);
  });
  afterAll(async () => {
    await database.close();
    await testDatabase.drop();
  });

  it('does not bring hoptac down: the next query opens a new connection', async () => {
    const before = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db);
    const pid = before.rows[0]?.pid;
    // What a PostgreSQL restart or an administrator does to the pool's idle connection.
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query('select pg_terminate_backend($1)', [pid]);
    await admin.end();
    await new Promise((resolve) => setTimeout(resolve, 200));

    const after = await sql<{ answer: number }>`select 42 as answer`.execute(database.db);
    expect(after.rows[0]?.answer).toBe(42);
  });
});
