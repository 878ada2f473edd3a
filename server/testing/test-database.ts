import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import type { DatabaseTarget } from '../config.ts';

/**
 * Route tests run once per database: always on SQLite, and on PostgreSQL when
 * TEST_DATABASE_URL names a server (each test file gets a database of its own, dropped after).
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

export type TestDatabase = { kind: DatabaseTarget['kind']; target: DatabaseTarget; drop: () => Promise<void> };

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(kind: DatabaseTarget['kind']): Promise<TestDatabase> {
  if (kind === 'sqlite') return { kind, target: { kind: 'sqlite', file: ':memory:' }, drop: async () => {} };
  const name = `hoptac_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`create database ${name}`));
  const url = new URL(TEST_DATABASE_URL ?? '');
  url.pathname = `/${name}`;
  return {
    kind,
    target: { kind: 'postgres', url: url.toString() },
    drop: () => withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

export const testedDatabases: DatabaseTarget['kind'][] = TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

if (!TEST_DATABASE_URL && !process.env.HOPTAC_PG_NOTICE_SHOWN) {
  process.env.HOPTAC_PG_NOTICE_SHOWN = '1';
  console.warn('TEST_DATABASE_URL is not set: route tests run on SQLite only; the PostgreSQL half is skipped.');
}

/** Declares the same suite for every tested database. */
export function describeEachDatabase(title: string, suite: (kind: DatabaseTarget['kind']) => void): void {
  for (const kind of testedDatabases) describe(`${title} [${kind}]`, () => suite(kind));
}
