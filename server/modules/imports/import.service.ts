import type { FastifyBaseLogger } from 'fastify';
import type { Import, ImportEntity, ImportListItem, importListQuerySchema, ImportRow } from '../../../contracts/imports.ts';
import type { z } from 'zod';
import type { Language } from '../../../contracts/messages.ts';
import type { Db } from '../../db/database.ts';
import { type Actor, assertAllowed } from '../../platform/access.ts';
import { type Clock, instantOf } from '../../platform/clock.ts';
import { AppError, type Localized, notFound } from '../../platform/errors.ts';
import { createFileRepository } from '../../platform/files.repository.ts';
import { newId } from '../../platform/ids.ts';
import { createJobRepository } from '../../platform/jobs.repository.ts';
import { checkSheetFile } from '../../platform/sheets/file-checks.ts';
import { readSheetRows } from '../../platform/sheets/sheet-reader.ts';
import type { AnnualReportService } from '../organizations/annual-report.service.ts';
import type { OrganizationImporter, PreparedRow } from '../organizations/organization-import.service.ts';
import type { PersonImporter, PreparedPersonRow } from '../organizations/person-import.service.ts';
import { canImport, canSeeImport } from './import.policy.ts';
import { createImportRepository, type StoredImport, toImport, toImportRowRecord, toPreparedRow } from './import.repository.ts';

const IMPORT = { vi: 'lần nhập dữ liệu', en: 'Import' };

type ImportListFilters = z.output<typeof importListQuerySchema>;

const notReady = () =>
  new AppError(409, 'import_not_ready', {
    vi: 'Lần nhập này không ở trạng thái chờ xác nhận.',
    en: 'This import is not waiting for confirmation.',
  });
const choicesNeeded = (count: number) =>
  new AppError(409, 'choices_needed', {
    vi: `Còn ${count} dòng cần chọn xã, phường trước khi nhập.`,
    en: `${count} rows still need a commune chosen before importing.`,
  });
const errorsPresent = (count: number) =>
  new AppError(409, 'errors_present', {
    vi: `Có ${count} dòng lỗi. Hãy sửa tệp và tải lên lại, hoặc chọn bỏ qua các dòng lỗi.`,
    en: `${count} rows have errors. Fix the file and upload it again, or choose to leave those rows out.`,
  });
const invalidChoice = () =>
  new AppError(400, 'invalid_choice', {
    vi: 'Xã đã chọn không nằm trong các xã được đề xuất.',
    en: 'The commune chosen is not one of those offered.',
  });
/** Work reports progress every few seconds; silence this long means the process running it stopped. */
const SILENCE_BEFORE_GIVING_UP_MS = 2 * 60 * 1000;
const interrupted: Localized = {
  vi: 'Việc xử lý bị gián đoạn (hệ thống đã khởi động lại); không có gì được ghi. Hãy tải tệp lên lại.',
  en: 'Processing was interrupted (the system restarted); nothing was written. Upload the file again.',
};

const unexpectedFailure: Localized = {
  vi: 'Đã có lỗi hệ thống khi xử lý tệp; không có gì được ghi.',
  en: 'A server error occurred while processing the file; nothing was written.',
};

export function createImportService(deps: {
  db: Db;
  importer: OrganizationImporter;
  personImporter: PersonImporter;
  annualReports: Pick<AnnualReportService, 'findRubrics'>;
  clock: Clock;
  log: FastifyBaseLogger;
}) {
  const { db, importer, clock, log } = deps;
  const imports = createImportRepository(db);
  const jobs = createJobRepository(db);
  const files = createFileRepository(db);

  async function getVisible(actor: Actor, id: string): Promise<StoredImport> {
    assertAllowed(canImport(actor));
    const stored = await imports.findImport(id);
    if (!stored || !canSeeImport(actor, stored.created_by)) throw notFound(IMPORT);
    const isUnderWay = stored.status === 'previewing' || stored.status === 'committing';
    if (isUnderWay && clock.now().getTime() - Date.parse(stored.job_updated_at) > SILENCE_BEFORE_GIVING_UP_MS) {
      // A crash rolls the commit back, so "nothing was written" is true; say so instead of spinning forever.
      const now = instantOf(clock);
      await jobs.updateJob(stored.job_id, { status: 'failed', message: 'interrupted' }, now);
      await imports.updateImport(id, { status: 'failed', error: JSON.stringify(interrupted), updated_at: now });
      return getVisible(actor, id);
    }
    return stored;
  }

  /** Runs work after the response: failures are recorded on the import, never lost in a log only. */
  function inBackground(importId: string, jobId: string, work: () => Promise<void>): void {
    setImmediate(() => {
      work().catch(async (error: unknown) => {
        const detail = error instanceof AppError ? error.detail : unexpectedFailure;
        if (!(error instanceof AppError)) log.error({ err: error, importId }, 'import failed');
        const now = instantOf(clock);
        await jobs.updateJob(jobId, { status: 'failed', message: error instanceof AppError ? error.code : 'server_error' }, now);
        await imports.updateImport(importId, { status: 'failed', error: JSON.stringify(detail), updated_at: now });
      });
    });
  }

  async function preview(
    actor: Actor,
    target: { importId: string; jobId: string; entity: ImportEntity },
    content: Buffer,
    format: 'xlsx' | 'csv',
    defaultYear: number,
  ) {
    const { importId, jobId } = target;
    await jobs.updateJob(jobId, { status: 'running' }, instantOf(clock));
    const handlers = {
      onRows: (rows: (PreparedRow | PreparedPersonRow)[]) => imports.insertRows(rows.map((row) => toImportRowRecord(importId, row))),
      onProgress: (rowsRead: number) => jobs.updateJob(jobId, { done: rowsRead }, instantOf(clock)),
    };
    const sheetRows = readSheetRows(content, format);
    const header =
      target.entity === 'people'
        ? await deps.personImporter.prepareRows(actor, sheetRows, handlers)
        : await importer.prepareRows(actor, sheetRows, { ...handlers, defaultYear });
    const summary = await imports.summarize(importId);
    const now = instantOf(clock);
    await imports.updateImport(importId, {
      status: 'ready',
      header: JSON.stringify(header),
      summary: JSON.stringify(summary),
      updated_at: now,
    });
    await jobs.updateJob(jobId, { status: 'done', done: summary.rows, total: summary.rows }, now);
  }

  return {
    /** Checks the file, keeps it, and starts the preview; nothing in the registry changes. */
    async startImport(
      actor: Actor,
      upload: { entity: ImportEntity; fileName: string; content: Buffer; defaultYear?: number },
      language: Language,
    ): Promise<Import> {
      assertAllowed(canImport(actor));
      const format = checkSheetFile(upload.content, upload.fileName);
      const now = instantOf(clock);
      const job = await jobs.createJob('import-preview', actor.userId, now);
      const fileId = await files.insertFile({
        name: upload.fileName,
        contentType: format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
        content: upload.content,
        createdBy: actor.userId,
        now,
      });
      const id = newId();
      await imports.insertImport({
        id,
        entity: upload.entity,
        file_id: fileId,
        file_name: upload.fileName,
        status: 'previewing',
        job_id: job.id,
        created_by: actor.userId,
        actor_province_code: actor.provinceCode,
        header: null,
        summary: null,
        error: null,
        created_at: now,
        updated_at: now,
        version: 1,
      });
      const defaultYear = upload.defaultYear ?? clock.now().getFullYear() - 1;
      inBackground(id, job.id, () =>
        preview(actor, { importId: id, jobId: job.id, entity: upload.entity }, upload.content, format, defaultYear),
      );
      return toImport(await getVisible(actor, id), language);
    },

    /** The caller's earlier imports (an administrator's: everyone's), newest first. */
    async findImports(actor: Actor, filter: ImportListFilters, language: Language): Promise<{ items: ImportListItem[]; total: number }> {
      assertAllowed(canImport(actor));
      const { rows, total } = await imports.findImports({ ...filter, createdBy: actor.role === 'admin' ? null : actor.userId });
      return {
        total,
        items: rows.map((row) => ({
          id: row.id,
          entity: row.entity,
          fileName: row.file_name,
          status: row.status,
          summary: row.summary ? JSON.parse(row.summary) : null,
          error: row.error ? (JSON.parse(row.error) as Localized)[language] : null,
          createdAt: row.created_at,
          createdByName: row.created_by_name,
        })),
      };
    },

    async getImport(actor: Actor, id: string, language: Language): Promise<Import> {
      return toImport(await getVisible(actor, id), language);
    },

    async findRows(actor: Actor, id: string, filter: Parameters<typeof imports.findRowsPage>[1], language: Language) {
      await getVisible(actor, id);
      return imports.findRowsPage(id, filter, language);
    },

    /** The user's answer for a row whose commune was split or ambiguous. */
    async chooseCommune(actor: Actor, id: string, rowNumber: number, communeCode: string, language: Language): Promise<ImportRow> {
      const stored = await getVisible(actor, id);
      if (stored.status !== 'ready') throw notReady();
      if (stored.entity !== 'organizations') throw invalidChoice();
      const record = await imports.findRow(id, rowNumber);
      if (!record) throw notFound({ vi: `dòng ${rowNumber}`, en: `Row ${rowNumber}` });
      const row = toPreparedRow(record);
      const allowed = row.candidates?.some((candidate) => candidate.code === communeCode) ?? true;
      if (!allowed) throw invalidChoice();
      const decided = await importer.reconsiderRow(actor, row, communeCode, new Map());
      await imports.replaceRow(toImportRowRecord(id, decided));
      await imports.updateImport(id, { summary: JSON.stringify(await imports.summarize(id)), updated_at: instantOf(clock) });
      const view = await imports.findRowView(id, rowNumber, language);
      if (!view) throw notFound({ vi: `dòng ${rowNumber}`, en: `Row ${rowNumber}` });
      return view;
    },

    /** Writes the previewed rows, all or none, as a background job whose progress the web shows. */
    async commitImport(
      actor: Actor,
      id: string,
      input: { version: number; skipRowsWithErrors: boolean },
      language: Language,
    ): Promise<Import> {
      const stored = await getVisible(actor, id);
      if (stored.status !== 'ready') throw notReady();
      const summary = await imports.summarize(id);
      if (summary.choose > 0) throw choicesNeeded(summary.choose);
      if (summary.error > 0 && !input.skipRowsWithErrors) throw errorsPresent(summary.error);
      const now = instantOf(clock);
      const job = await jobs.createJob('import-commit', actor.userId, now);
      if (!(await imports.updateImport(id, { status: 'committing', job_id: job.id, updated_at: now }, input.version))) {
        throw new AppError(409, 'version_conflict', {
          vi: 'Lần nhập này vừa được xác nhận ở nơi khác.',
          en: 'This import was just confirmed elsewhere.',
        });
      }
      await jobs.updateJob(job.id, { status: 'running', total: summary.create + summary.update }, now);
      inBackground(id, job.id, async () => {
        const onProgress = (done: number) => void jobs.updateJob(job.id, { done }, instantOf(clock)).catch(() => undefined);
        async function* decidedRows<Row extends PreparedRow | PreparedPersonRow>(trx: Db) {
          for await (const records of createImportRepository(trx).streamRows(id)) {
            yield records
              .filter((record) => record.action === 'create' || record.action === 'update')
              .map((record) => toPreparedRow<Row>(record));
          }
        }
        const result =
          stored.entity === 'people'
            ? await deps.personImporter.applyRows(actor, decidedRows<PreparedPersonRow>, onProgress)
            : await importer.applyRows(
                actor,
                { read: decidedRows<PreparedRow>, creates: summary.create },
                await deps.annualReports.findRubrics(),
                onProgress,
              );
        const finished = instantOf(clock);
        await imports.updateImport(id, { status: 'committed', summary: JSON.stringify({ ...summary, ...result }), updated_at: finished });
        await jobs.updateJob(job.id, { status: 'done', done: result.created + result.updated }, finished);
      });
      return toImport(await getVisible(actor, id), language);
    },

    streamRows: (id: string) => imports.streamRows(id),
    getVisible,
  };
}

export type ImportService = ReturnType<typeof createImportService>;
