import type { AnnualFigures, ClassificationRubric } from '../../../contracts/annual-reports.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { isUniqueViolation, refreshPlannerStatistics, withIndexesRebuiltAfter } from '../../db/dialect.ts';
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
/**
 * New rows, as a share of the table's, from which building the list indexes again after the
 * write costs less than updating them row by row (at 100,000 rows a full build costs about as
 * much as 13,000 rows' updates; see withIndexesRebuiltAfter).
 */
const REBUILD_SHARE = 1 / 8;

export const staleImport = () =>
  new AppError(409, 'stale_import', {
    vi: 'Dữ liệu đã thay đổi kể từ lúc xem trước (có người vừa sửa hoặc thêm tổ chức). Không có gì được ghi; hãy xem trước lại tệp.',
    en: 'The registry changed since the preview (someone edited or added organisations). Nothing was written; preview the file again.',
  });

type BatchContext = {
  trx: Db;
  actor: Actor;
  now: string;
  band: (year: number | null, figures: AnnualFigures) => ReturnType<typeof classify>;
  /** Communes whose duplicate flags need refreshing once every batch is written. */
  touchedCommunes: Set<string>;
};

const filled = (figures: AnnualFigures | null) =>
  Object.fromEntries(Object.entries(figures ?? {}).filter(([, value]) => value !== undefined && value !== null)) as AnnualFigures;

/** Writes one batch of decided rows, with their yearly figures and audit rows. */
async function writeBatch(rows: PreparedRow[], context: BatchContext): Promise<{ created: number; updated: number }> {
  const { trx, actor, now, band, touchedCommunes } = context;
  const organizations = createOrganizationRepository(trx);
  const reports = createAnnualReportRepository(trx);
  const created: NewOrganizationRow[] = [];
  const newReports: AnnualReportTable[] = [];
  const audits: AuditRecord[] = [];
  for (const row of rows) {
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
  return { created: created.length, updated: audits.length - created.length };
}

/**
 * Writes the decided rows in one transaction: all of them, or — on any conflict — none. Rows are
 * read through the transaction, a batch at a time, so memory stays flat for big files. An import
 * that adds many rows to a small registry (a first import) builds the list indexes once at the end.
 */
export async function applyImportRows(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  batches: { read: (trx: Db) => AsyncIterable<PreparedRow[]>; creates: number },
  rubrics: ClassificationRubric[],
  onProgress: (done: number) => void,
): Promise<{ created: number; updated: number }> {
  const { db, clock } = deps;
  const band = (year: number | null, figures: AnnualFigures) =>
    classify(rubrics, year ?? 0, figures.classificationScore, figures.notRatedReason);
  try {
    const result = await inTransaction(db, async (trx) => {
      // Flags are refreshed once at the end: communes recur across batches.
      const context: BatchContext = { trx, actor, now: instantOf(clock), band, touchedCommunes: new Set() };
      const totals = { created: 0, updated: 0, done: 0 };
      const writeAll = async () => {
        for await (const rows of batches.read(trx)) {
          const written = await writeBatch(rows, context);
          totals.created += written.created;
          totals.updated += written.updated;
          totals.done += rows.length;
          onProgress(totals.done);
        }
      };
      const rowsBefore = await createOrganizationRepository(trx).countRows();
      const isBulk = batches.creates >= BULK_ROWS && batches.creates >= rowsBefore * REBUILD_SHARE;
      await (isBulk ? withIndexesRebuiltAfter(trx, 'organizations', writeAll) : writeAll());
      await refreshDuplicateFlags(trx, context.touchedCommunes);
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
