import type { AnnualFigures, ClassificationRubric } from '../../../contracts/annual-reports.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { isUniqueViolation, refreshPlannerStatistics } from '../../db/dialect.ts';
import type { AnnualReportTable, NewOrganizationRow } from '../../db/schema.ts';
import { type Actor, scopeOf } from '../../platform/access.ts';
import { type AuditRecord, writeAudits } from '../../platform/audit.repository.ts';
import { type Clock, instantOf } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { createAnnualReportRepository } from './annual-report.repository.ts';
import { toAnnualReportColumns } from './annual-report.service.ts';
import { classify } from './classification.rules.ts';
import { refreshDuplicateFlags } from './duplicate-flags.ts';
import type { PreparedRow } from './organization-import.service.ts';
import { snapshot, toRowValues } from './organization-values.ts';
import { createOrganizationRepository } from './organization.repository.ts';

/** Rows written at once beyond which the database's planner statistics are refreshed. */
const BULK_ROWS = 5_000;

export const staleImport = () =>
  new AppError(409, 'stale_import', {
    vi: 'Dữ liệu đã thay đổi kể từ lúc xem trước (có người vừa sửa hoặc thêm tổ chức). Không có gì được ghi; hãy xem trước lại tệp.',
    en: 'The registry changed since the preview (someone edited or added organisations). Nothing was written; preview the file again.',
  });

/**
 * Writes the decided rows in one transaction: all of them, or — on any conflict — none. Rows are
 * read through the transaction, a batch at a time, so memory stays flat for big files.
 */
export async function applyImportRows(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  readBatches: (trx: Db) => AsyncIterable<PreparedRow[]>,
  rubrics: ClassificationRubric[],
  onProgress: (done: number) => void,
): Promise<{ created: number; updated: number }> {
  const { db, clock } = deps;
  const now = instantOf(clock);
  const band = (year: number | null, figures: AnnualFigures) =>
    classify(rubrics, year ?? 0, figures.classificationScore, figures.notRatedReason);
  const filled = (figures: AnnualFigures | null) =>
    Object.fromEntries(Object.entries(figures ?? {}).filter(([, value]) => value !== undefined && value !== null)) as AnnualFigures;
  try {
    const result = await inTransaction(db, async (trx) => {
      const organizations = createOrganizationRepository(trx);
      const reports = createAnnualReportRepository(trx);
      const totals = { created: 0, updated: 0, done: 0 };
      // Flags are refreshed once at the end: communes recur across batches.
      const touchedCommunes = new Set<string>();
      for await (const rows of readBatches(trx)) {
        const created: NewOrganizationRow[] = [];
        const newReports: AnnualReportTable[] = [];
        const audits: AuditRecord[] = [];
        for (const row of rows) {
          totals.done += 1;
          if (!row.values || !row.provinceCode) continue;
          touchedCommunes.add(row.values.communeCode);
          const figures = filled(row.figures);
          const hasFigures = row.figuresYear !== null && Object.keys(figures).length > 0;
          if (row.action === 'create') {
            const id = newId();
            created.push({ id, ...toRowValues(row.values, row.provinceCode), created_at: now, updated_at: now, version: 1 });
            audits.push({
              actor,
              entityType: 'organization',
              entityId: id,
              action: 'create',
              before: null,
              after: { ...row.values },
              at: now,
            });
            if (hasFigures) {
              newReports.push({
                id: newId(),
                organization_id: id,
                year: row.figuresYear ?? 0,
                ...toAnnualReportColumns(figures, band(row.figuresYear, figures)),
                created_at: now,
                updated_at: now,
                version: 1,
              });
            }
          } else if (row.action === 'update' && row.targetId && row.targetVersion) {
            const current = await organizations.findOrganizationById(scopeOf(actor), row.targetId);
            if (current?.version !== row.targetVersion) throw staleImport();
            touchedCommunes.add(current.communeCode);
            if (
              !(await organizations.updateOrganization(row.targetId, row.targetVersion, {
                ...toRowValues(row.values, row.provinceCode),
                updated_at: now,
              }))
            )
              throw staleImport();
            audits.push({
              actor,
              entityType: 'organization',
              entityId: row.targetId,
              action: 'update',
              before: snapshot(current),
              after: { ...snapshot(current), ...row.values, provinceCode: row.provinceCode },
              at: now,
            });
            if (hasFigures && row.figuresYear) {
              const existing = await reports.findReport(row.targetId, row.figuresYear);
              const merged = { ...existing, ...figures } as AnnualFigures;
              if (existing) {
                const saved = await reports.updateReport(existing.id, existing.version, {
                  ...toAnnualReportColumns(merged, band(row.figuresYear, merged)),
                  updated_at: now,
                });
                if (!saved) throw staleImport();
              } else {
                newReports.push({
                  id: newId(),
                  organization_id: row.targetId,
                  year: row.figuresYear,
                  ...toAnnualReportColumns(merged, band(row.figuresYear, merged)),
                  created_at: now,
                  updated_at: now,
                  version: 1,
                });
              }
            }
          }
        }
        await organizations.insertOrganizations(created);
        await reports.insertReports(newReports);
        await writeAudits(trx, audits, 500);
        totals.created += created.length;
        totals.updated += audits.length - created.length;
        onProgress(totals.done);
      }
      await refreshDuplicateFlags(trx, touchedCommunes);
      return { created: totals.created, updated: totals.updated };
    });
    if (result.created + result.updated >= BULK_ROWS) {
      await refreshPlannerStatistics(db, ['organizations', 'annual_reports', 'audit_log']);
    }
    return result;
  } catch (error) {
    if (isUniqueViolation(error)) throw staleImport();
    throw error;
  }
}
