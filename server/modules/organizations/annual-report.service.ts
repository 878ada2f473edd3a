import type {
  AnnualFigures,
  AnnualReport,
  BandDistribution,
  ClassificationRubric,
  SaveAnnualReport,
} from '../../../contracts/annual-reports.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import type { AnnualReportTable } from '../../db/schema.ts';
import { type Actor, assertAllowed, scopeOf } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.repository.ts';
import { type Clock, instantOf } from '../../platform/clock.ts';
import { AppError, badRequest, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { createAnnualReportRepository, FIGURE_COLUMNS } from './annual-report.repository.ts';
import { inconsistentFigures } from './annual-report.rules.ts';
import { classify } from './classification.rules.ts';
import { canSaveAnnualReport } from './organization.policy.ts';
import type { OrganizationService } from './organization.service.ts';

const ENTITY = 'annual_report';

const archivedOrganization = () =>
  new AppError(409, 'archived', { vi: 'Tổ chức đã lưu trữ, không nhập số liệu mới.', en: 'The organisation is archived; no new figures.' });

const futureYear = (year: number) =>
  badRequest({ vi: `Chưa thể nhập số liệu cho năm ${year}.`, en: `Figures for ${year} cannot be entered yet.` }, [
    { field: 'year', message: { vi: 'Năm chưa đến', en: 'A future year' } },
  ]);

const toFlag = (value: boolean | null | undefined): 0 | 1 | null => (value === null || value === undefined ? null : value ? 1 : 0);

export function toAnnualReportColumns(figures: AnnualFigures, band: AnnualReportTable['classification_band']) {
  const columns = Object.fromEntries(
    Object.entries(FIGURE_COLUMNS).map(([field, column]) => [column, figures[field as keyof typeof FIGURE_COLUMNS] ?? null]),
  ) as Pick<AnnualReportTable, (typeof FIGURE_COLUMNS)[keyof typeof FIGURE_COLUMNS]>;
  return {
    ...columns,
    is_in_value_chain: toFlag(figures.isInValueChain),
    applies_technology: toFlag(figures.appliesTechnology),
    classification_band: band,
    not_rated_reason: figures.notRatedReason ?? null,
    notes: figures.notes ?? null,
  };
}

function snapshot(report: AnnualReport | undefined): Record<string, unknown> | null {
  if (!report) return null;
  const { id, organizationId, updatedAt, version, ...figures } = report;
  return figures;
}

export function createAnnualReportService(deps: { db: Db; organizations: Pick<OrganizationService, 'getOrganization'>; clock: Clock }) {
  const { db, organizations, clock } = deps;
  const reports = createAnnualReportRepository(db);
  let rubricCache: ClassificationRubric[] | undefined;
  const rubrics = async () => {
    rubricCache ??= await reports.findRubrics();
    return rubricCache;
  };

  return {
    async findReports(actor: Actor, organizationId: string): Promise<AnnualReport[]> {
      await organizations.getOrganization(actor, organizationId);
      return reports.findReports(organizationId);
    },

    findRubrics: rubrics,

    /** Creates the year's record or changes it (naming the version read); returns it and whether it is new. */
    async saveReport(
      actor: Actor,
      organizationId: string,
      year: number,
      input: SaveAnnualReport,
    ): Promise<{ report: AnnualReport; isNew: boolean }> {
      const organization = await organizations.getOrganization(actor, organizationId);
      assertAllowed(canSaveAnnualReport(actor, organization));
      if (organization.archivedAt) throw archivedOrganization();
      if (year > clock.now().getFullYear()) throw futureYear(year);
      const { version, ...figures } = input;
      const errors = inconsistentFigures(figures);
      if (errors.length > 0)
        throw badRequest(
          { vi: 'Số liệu chưa khớp nhau, hãy kiểm tra các ô được đánh dấu.', en: 'Some figures contradict each other.' },
          errors,
        );
      const band = classify(await rubrics(), year, figures.classificationScore, figures.notRatedReason);
      const now = instantOf(clock);
      const existing = await reports.findReport(organizationId, year);
      if (existing && existing.version !== version) throw versionConflict();
      if (!existing && version !== undefined) throw versionConflict();
      try {
        return await inTransaction(db, async (trx) => {
          const repository = createAnnualReportRepository(trx);
          const id = existing?.id ?? newId();
          if (existing) {
            if (!(await repository.updateReport(id, existing.version, { ...toAnnualReportColumns(figures, band), updated_at: now })))
              throw versionConflict();
          } else {
            await repository.insertReport({
              id,
              organization_id: organizationId,
              year,
              ...toAnnualReportColumns(figures, band),
              created_at: now,
              updated_at: now,
              version: 1,
            });
          }
          const saved = await repository.findReport(organizationId, year);
          if (!saved) throw versionConflict();
          await writeAudit(trx, {
            actor,
            entityType: ENTITY,
            entityId: id,
            action: existing ? 'update' : 'create',
            before: snapshot(existing),
            after: snapshot(saved),
            at: now,
          });
          return { report: saved, isNew: !existing };
        });
      } catch (error) {
        // Two people entering the same new year at once: the second is told, not overwritten.
        if (isUniqueViolation(error)) throw versionConflict();
        throw error;
      }
    },

    async countBands(actor: Actor, year: number, provinceCode?: string): Promise<BandDistribution> {
      return reports.countBands(scopeOf(actor), year, provinceCode);
    },
  };
}

export type AnnualReportService = ReturnType<typeof createAnnualReportService>;
