import { type Kysely, type Migration, Migrator } from 'kysely';
import * as platformAndRegistry from './migrations/20261128T1200-platform-and-registry.ts';
import * as liveListIndexes from './migrations/20261128T1400-live-list-indexes.ts';
import * as annualReports from './migrations/20261128T1500-annual-reports.ts';
import * as people from './migrations/20261128T1600-people.ts';
import * as importsAndJobs from './migrations/20261128T1700-imports-and-jobs.ts';
import * as advisoryMembership from './migrations/20261128T1900-advisory-membership.ts';
import * as finance from './migrations/20261128T2000-finance.ts';
import * as duplicateFlags from './migrations/20261128T2100-duplicate-flags.ts';
import * as dataVersions from './migrations/20261128T2200-data-versions.ts';
import * as loanAttachments from './migrations/20261129T0530-loan-attachments.ts';
import * as accessVersion from './migrations/20261207T0100-access-version.ts';
import type { Database } from './schema.ts';

/** Every migration, in order. Listed explicitly so that bundlers and tsx see them all. */
const MIGRATIONS: Record<string, Migration> = {
  '20261128T1200-platform-and-registry': platformAndRegistry,
  '20261128T1400-live-list-indexes': liveListIndexes,
  '20261128T1500-annual-reports': annualReports,
  '20261128T1600-people': people,
  '20261128T1700-imports-and-jobs': importsAndJobs,
  '20261128T1900-advisory-membership': advisoryMembership,
  '20261128T2000-finance': finance,
  '20261128T2100-duplicate-flags': duplicateFlags,
  '20261128T2200-data-versions': dataVersions,
  '20261129T0530-loan-attachments': loanAttachments,
  '20261207T0100-access-version': accessVersion,
};

export const SCHEMA_VERSION = Object.keys(MIGRATIONS).at(-1) ?? 'none';

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  // Modules are built side by side, so a migration can land after one with a later timestamp;
  // each one depends only on those before it in time, never on a later one.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS }, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

export async function currentSchemaVersion(db: Kysely<Database>): Promise<string> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const applied = (await migrator.getMigrations()).filter((migration) => migration.executedAt);
  return applied.at(-1)?.name ?? 'none';
}
