import { sql } from 'kysely';
import {
  type AnnualReport,
  type BandDistribution,
  type ClassificationRubric,
  classificationBands,
} from '../../../contracts/annual-reports.ts';
import type { Db } from '../../db/database.ts';
import type { AnnualReportTable } from '../../db/schema.ts';
import type { ReadScope } from '../../platform/access.ts';

/** The JSON field ↔ column pairs of the yearly figures; one list keeps the two in step. */
export const FIGURE_COLUMNS = {
  officialMembers: 'official_members',
  associateMembersWithCapital: 'associate_members_with_capital',
  associateMembersWithoutCapital: 'associate_members_without_capital',
  memberIndividuals: 'member_individuals',
  memberHouseholds: 'member_households',
  memberLegalEntities: 'member_legal_entities',
  workers: 'workers',
  workersWhoAreMembers: 'workers_who_are_members',
  charterCapital: 'charter_capital',
  totalAssets: 'total_assets',
  revenue: 'revenue',
  memberServiceRevenue: 'member_service_revenue',
  profitBeforeTax: 'profit_before_tax',
  budgetContribution: 'budget_contribution',
  averageWorkerIncome: 'average_worker_income',
  averageMemberIncome: 'average_member_income',
  ocopProducts: 'ocop_products',
  classificationScore: 'classification_score',
} as const satisfies Record<string, keyof AnnualReportTable>;

export type FigureField = keyof typeof FIGURE_COLUMNS;
export type AnnualReportRow = AnnualReportTable;

const flag = (value: 0 | 1 | null): boolean | null => (value === null ? null : value === 1);

export function toAnnualReport(row: AnnualReportRow): AnnualReport {
  const figures = Object.fromEntries(Object.entries(FIGURE_COLUMNS).map(([field, column]) => [field, row[column]])) as Record<
    FigureField,
    number | null
  >;
  return {
    id: row.id,
    organizationId: row.organization_id,
    year: row.year,
    ...figures,
    isInValueChain: flag(row.is_in_value_chain),
    appliesTechnology: flag(row.applies_technology),
    classificationBand: row.classification_band,
    notRatedReason: row.not_rated_reason,
    notes: row.notes,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export function createAnnualReportRepository(db: Db) {
  return {
    async findReports(organizationId: string): Promise<AnnualReport[]> {
      const rows = await db
        .selectFrom('annual_reports')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .orderBy('year')
        .execute();
      return rows.map(toAnnualReport);
    },

    async findReport(organizationId: string, year: number): Promise<AnnualReport | undefined> {
      const row = await db
        .selectFrom('annual_reports')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('year', '=', year)
        .executeTakeFirst();
      return row && toAnnualReport(row);
    },

    async findReportsOfYear(organizationIds: string[], year: number): Promise<AnnualReport[]> {
      if (organizationIds.length === 0) return [];
      const rows = await db
        .selectFrom('annual_reports')
        .selectAll()
        .where('organization_id', 'in', organizationIds)
        .where('year', '=', year)
        .execute();
      return rows.map(toAnnualReport);
    },

    async insertReports(rows: AnnualReportRow[]): Promise<void> {
      for (let start = 0; start < rows.length; start += 200) {
        await db
          .insertInto('annual_reports')
          .values(rows.slice(start, start + 200))
          .execute();
      }
    },

    async insertReport(row: AnnualReportRow): Promise<void> {
      await db.insertInto('annual_reports').values(row).execute();
    },

    async updateReport(id: string, version: number, changes: Partial<AnnualReportRow>): Promise<boolean> {
      const result = await db
        .updateTable('annual_reports')
        .set({ ...changes, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async findRubrics(): Promise<ClassificationRubric[]> {
      const rows = await db.selectFrom('classification_rubrics').selectAll().orderBy('applies_from_year').execute();
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        appliesFromYear: row.applies_from_year,
        bands: JSON.parse(row.bands) as ClassificationRubric['bands'],
        criteria: JSON.parse(row.criteria) as ClassificationRubric['criteria'],
      }));
    },

    /** Live organisations of the scope in a year: how many rated, in which band, not rated, without figures. */
    async countBands(scope: ReadScope, year: number, provinceCode?: string): Promise<BandDistribution> {
      let organizations = db.selectFrom('organizations').where('organizations.archived_at', 'is', null);
      if (scope.provinceCode) organizations = organizations.where('organizations.province_code', '=', scope.provinceCode);
      if (scope.organizationId) organizations = organizations.where('organizations.id', '=', scope.organizationId);
      if (provinceCode) organizations = organizations.where('organizations.province_code', '=', provinceCode);
      const bucket = sql<string>`case when r.id is null then 'none' when r.classification_band is not null then r.classification_band
        when r.not_rated_reason is not null then 'not_rated' else 'unscored' end`;
      const rows = await organizations
        .leftJoin('annual_reports as r', (join) => join.onRef('r.organization_id', '=', 'organizations.id').on('r.year', '=', year))
        .select((eb) => [bucket.as('bucket'), eb.fn.countAll<number>().as('count')])
        .groupBy(bucket)
        .execute();
      const counts = new Map(rows.map((row) => [row.bucket, Number(row.count)]));
      const byBand = classificationBands.map((band) => ({ band, count: counts.get(band) ?? 0 }));
      const distribution: BandDistribution = {
        year,
        rated: byBand.reduce((sum, item) => sum + item.count, 0),
        notRated: counts.get('not_rated') ?? 0,
        unscored: counts.get('unscored') ?? 0,
        withoutFigures: counts.get('none') ?? 0,
        byBand,
      };
      return distribution;
    },
  };
}

export type AnnualReportRepository = ReturnType<typeof createAnnualReportRepository>;
