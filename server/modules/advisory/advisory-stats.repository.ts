import type { AdvisoryKind, AdvisoryStage } from '../../../contracts/advisory.ts';
import { OPEN_ADVISORY_STAGES } from '../../../contracts/advisory.ts';
import type { OrganizationKind, Sector } from '../../../contracts/organizations.ts';
import type { Db } from '../../db/database.ts';
import type { ReadScope } from '../../platform/access.ts';

type Period = { from: string; to: string; provinceCode?: string };

export type FoundedGroup = {
  foundedOn: string;
  sector: Sector;
  kind: OrganizationKind;
  communeCode: string;
  communeName: string;
  provinceCode: string;
  isNewModel: boolean;
  count: number;
};

/**
 * Counts for reports, grouped by day in SQL (the same on both databases) and folded into
 * months, quarters, years and terms by the service: a province has a few hundred cases a year.
 */
export function createAdvisoryStatsRepository(db: Db) {
  function scopedCases(scope: ReadScope, provinceCode?: string) {
    let query = db.selectFrom('advisory_cases');
    if (scope.provinceCode) query = query.where('advisory_cases.province_code', '=', scope.provinceCode);
    if (scope.organizationId) query = query.where('advisory_cases.organization_id', '=', scope.organizationId);
    if (provinceCode) query = query.where('advisory_cases.province_code', '=', provinceCode);
    return query;
  }

  return {
    async countOpenedByDay(scope: ReadScope, period: Period): Promise<{ day: string; kind: AdvisoryKind; count: number }[]> {
      const rows = await scopedCases(scope, period.provinceCode)
        .select((eb) => ['advisory_cases.opened_on as day', 'advisory_cases.kind', eb.fn.countAll<number>().as('count')])
        .where('advisory_cases.opened_on', '>=', period.from)
        .where('advisory_cases.opened_on', '<=', period.to)
        .groupBy(['advisory_cases.opened_on', 'advisory_cases.kind'])
        .execute();
      return rows.map((row) => ({ day: row.day, kind: row.kind, count: Number(row.count) }));
    },

    async countClosedByDay(
      scope: ReadScope,
      period: Period,
    ): Promise<{ day: string; kind: AdvisoryKind; stage: AdvisoryStage; count: number }[]> {
      const rows = await scopedCases(scope, period.provinceCode)
        .select((eb) => [
          'advisory_cases.closed_on as day',
          'advisory_cases.kind',
          'advisory_cases.stage',
          eb.fn.countAll<number>().as('count'),
        ])
        .where('advisory_cases.closed_on', '>=', period.from)
        .where('advisory_cases.closed_on', '<=', period.to)
        .groupBy(['advisory_cases.closed_on', 'advisory_cases.kind', 'advisory_cases.stage'])
        .execute();
      return rows.flatMap((row) => (row.day ? [{ day: row.day, kind: row.kind, stage: row.stage, count: Number(row.count) }] : []));
    },

    /** Cases open now, and how many of them are past their due date. */
    async countOpen(scope: ReadScope, today: string, provinceCode?: string): Promise<{ open: number; overdue: number }> {
      const open = scopedCases(scope, provinceCode).where('advisory_cases.stage', 'in', [...OPEN_ADVISORY_STAGES]);
      const count = async (query: typeof open) =>
        Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      return { open: await count(open), overdue: await count(open.where('advisory_cases.due_on', '<', today)) };
    },

    /** Organisations founded with the Alliance's support, grouped by date, sector, kind, commune and new model; merged duplicates left out. */
    async countFounded(scope: ReadScope, provinceCode?: string): Promise<FoundedGroup[]> {
      let query = db
        .selectFrom('organizations')
        .innerJoin('communes as c', 'c.code', 'organizations.commune_code')
        .where('organizations.founded_with_support_on', 'is not', null)
        .where('organizations.merged_into_id', 'is', null);
      if (scope.provinceCode) query = query.where('organizations.province_code', '=', scope.provinceCode);
      if (scope.organizationId) query = query.where('organizations.id', '=', scope.organizationId);
      if (provinceCode) query = query.where('organizations.province_code', '=', provinceCode);
      const rows = await query
        .select((eb) => [
          'organizations.founded_with_support_on as founded_on',
          'organizations.sector',
          'organizations.kind',
          'organizations.commune_code',
          'c.name as commune_name',
          'organizations.province_code',
          'organizations.is_new_model',
          eb.fn.countAll<number>().as('count'),
        ])
        .groupBy([
          'organizations.founded_with_support_on',
          'organizations.sector',
          'organizations.kind',
          'organizations.commune_code',
          'c.name',
          'organizations.province_code',
          'organizations.is_new_model',
        ])
        .execute();
      return rows.flatMap((row) =>
        row.founded_on
          ? [
              {
                foundedOn: row.founded_on,
                sector: row.sector,
                kind: row.kind,
                communeCode: row.commune_code,
                communeName: row.commune_name,
                provinceCode: row.province_code,
                isNewModel: row.is_new_model === 1,
                count: Number(row.count),
              },
            ]
          : [],
      );
    },
  };
}
