import { sql } from 'kysely';
import type { Import, ImportEntity, ImportRow, ImportRowAction, ImportSummary } from '../../../contracts/imports.ts';
import type { Language } from '../../../contracts/messages.ts';
import type { Db } from '../../db/database.ts';
import type { ImportRowTable, ImportTable } from '../../db/schema.ts';
import type { Localized } from '../../platform/errors.ts';
import type { PreparedRow } from '../organizations/organization-import.service.ts';
import type { PreparedPersonRow } from '../organizations/person-import.service.ts';

type StoredProblems = Pick<PreparedRow, 'errors' | 'warnings' | 'changes'>;
/** What every kind of import row has: where it is in the file, what it will do, and why. */
type DecidedRow = Pick<PreparedRow, 'rowNumber' | 'targetId' | 'label' | 'errors' | 'warnings' | 'changes'> & {
  action: ImportRowAction;
  candidates: PreparedRow['candidates'];
  chosenCommuneCode: string | null;
};

export function toImportRowRecord(importId: string, row: DecidedRow): ImportRowTable {
  const { errors, warnings, changes, candidates, chosenCommuneCode, rowNumber, action, targetId, label } = row;
  return {
    import_id: importId,
    row_number: rowNumber,
    action,
    target_id: targetId,
    label: label.slice(0, 300),
    data: JSON.stringify({ ...row, errors: undefined, warnings: undefined, changes: undefined }),
    problems: JSON.stringify({ errors, warnings, changes } satisfies StoredProblems),
    candidates: candidates ? JSON.stringify(candidates) : null,
    chosen_commune_code: chosenCommuneCode,
  };
}

/** A stored row as its importer decided it: organisation rows by default, person rows on request. */
export function toPreparedRow<Row extends PreparedRow | PreparedPersonRow = PreparedRow>(record: ImportRowTable): Row {
  const data = JSON.parse(record.data) as Row;
  const problems = JSON.parse(record.problems) as StoredProblems;
  return { ...data, ...problems, action: record.action, chosenCommuneCode: record.chosen_commune_code } as Row;
}

function toImportRow(record: ImportRowTable, language: Language): ImportRow {
  const problems = JSON.parse(record.problems) as StoredProblems;
  const localize = (items: { column: string; message: Localized }[]) =>
    items.map((item) => ({ column: item.column, message: item.message[language] }));
  return {
    rowNumber: record.row_number,
    action: record.action,
    label: record.label,
    targetId: record.target_id,
    errors: localize(problems.errors),
    warnings: localize(problems.warnings),
    changes: problems.changes,
    candidates: record.candidates ? (JSON.parse(record.candidates) as ImportRow['candidates']) : null,
    chosenCommuneCode: record.chosen_commune_code,
  };
}

export function createImportRepository(db: Db) {
  return {
    async insertImport(row: ImportTable): Promise<void> {
      await db.insertInto('imports').values(row).execute();
    },

    async findImport(id: string) {
      return db
        .selectFrom('imports')
        .innerJoin('jobs', 'jobs.id', 'imports.job_id')
        .selectAll('imports')
        .select([
          'jobs.status as job_status',
          'jobs.done as job_done',
          'jobs.total as job_total',
          'jobs.message as job_message',
          'jobs.updated_at as job_updated_at',
        ])
        .where('imports.id', '=', id)
        .executeTakeFirst();
    },

    async updateImport(id: string, changes: Partial<ImportTable>, expectedVersion?: number): Promise<boolean> {
      let query = db
        .updateTable('imports')
        .set({ ...changes, version: sql`version + 1` })
        .where('id', '=', id);
      if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
      return Number((await query.executeTakeFirst()).numUpdatedRows) === 1;
    },

    /** Earlier imports, newest first; `createdBy` null for everyone's. */
    async findImports(filter: {
      createdBy: string | null;
      entity?: ImportEntity;
      status?: Import['status'];
      page: number;
      pageSize: number;
    }) {
      let query = db.selectFrom('imports').leftJoin('users', 'users.id', 'imports.created_by');
      if (filter.createdBy !== null) query = query.where('imports.created_by', '=', filter.createdBy);
      if (filter.entity) query = query.where('imports.entity', '=', filter.entity);
      if (filter.status) query = query.where('imports.status', '=', filter.status);
      const rows = await query
        .select([
          'imports.id',
          'imports.entity',
          'imports.file_name',
          'imports.status',
          'imports.summary',
          'imports.error',
          'imports.created_at',
          'users.display_name as created_by_name',
        ])
        .orderBy('imports.created_at', 'desc')
        .orderBy('imports.id', 'desc')
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize)
        .execute();
      const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      return { rows, total: Number(total) };
    },

    async insertRows(rows: ImportRowTable[]): Promise<void> {
      for (let start = 0; start < rows.length; start += 200) {
        await db
          .insertInto('import_rows')
          .values(rows.slice(start, start + 200))
          .execute();
      }
    },

    async replaceRow(row: ImportRowTable): Promise<void> {
      await db
        .updateTable('import_rows')
        .set(row)
        .where('import_id', '=', row.import_id)
        .where('row_number', '=', row.row_number)
        .execute();
    },

    async findRow(importId: string, rowNumber: number): Promise<ImportRowTable | undefined> {
      return db
        .selectFrom('import_rows')
        .selectAll()
        .where('import_id', '=', importId)
        .where('row_number', '=', rowNumber)
        .executeTakeFirst();
    },

    async findRowView(importId: string, rowNumber: number, language: Language): Promise<ImportRow | undefined> {
      const row = await this.findRow(importId, rowNumber);
      return row && toImportRow(row, language);
    },

    async findRowsPage(
      importId: string,
      filter: { action?: ImportRowAction; hasWarnings?: boolean; page: number; pageSize: number },
      language: Language,
    ) {
      let query = db.selectFrom('import_rows').where('import_id', '=', importId);
      if (filter.action) query = query.where('action', '=', filter.action);
      if (filter.hasWarnings) query = query.where('problems', 'not like', '%"warnings":[]%');
      const rows = await query
        .selectAll()
        .orderBy('row_number')
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize)
        .execute();
      const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      return { items: rows.map((row) => toImportRow(row, language)), total: Number(total) };
    },

    /** Every row in order, a batch at a time, for the commit and the report. */
    async *streamRows(importId: string, batchSize = 2000): AsyncGenerator<ImportRowTable[]> {
      let after = 0;
      for (;;) {
        const rows = await db
          .selectFrom('import_rows')
          .selectAll()
          .where('import_id', '=', importId)
          .where('row_number', '>', after)
          .orderBy('row_number')
          .limit(batchSize)
          .execute();
        if (rows.length === 0) return;
        yield rows;
        after = rows.at(-1)?.row_number ?? after;
      }
    },

    async summarize(importId: string): Promise<ImportSummary> {
      const rows = await db
        .selectFrom('import_rows')
        .select((eb) => ['action', eb.fn.countAll<number>().as('count')])
        .where('import_id', '=', importId)
        .groupBy('action')
        .execute();
      const warnings = await db
        .selectFrom('import_rows')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('import_id', '=', importId)
        .where('problems', 'not like', '%"warnings":[]%')
        .executeTakeFirstOrThrow();
      const count = (action: ImportRowAction) => Number(rows.find((row) => row.action === action)?.count ?? 0);
      return {
        rows: rows.reduce((sum, row) => sum + Number(row.count), 0),
        create: count('create'),
        update: count('update'),
        unchanged: count('unchanged'),
        error: count('error'),
        choose: count('choose'),
        warnings: Number(warnings.count),
      };
    },
  };
}

export type ImportRepository = ReturnType<typeof createImportRepository>;
export type StoredImport = NonNullable<Awaited<ReturnType<ImportRepository['findImport']>>>;

export function toImport(stored: StoredImport, language: Language): Import {
  const error = stored.error ? (JSON.parse(stored.error) as Localized)[language] : null;
  return {
    id: stored.id,
    entity: stored.entity,
    fileName: stored.file_name,
    status: stored.status,
    job: { id: stored.job_id, status: stored.job_status, done: stored.job_done, total: stored.job_total, message: stored.job_message },
    header: stored.header ? JSON.parse(stored.header) : null,
    summary: stored.summary ? JSON.parse(stored.summary) : null,
    error,
    createdAt: stored.created_at,
    version: stored.version,
  };
}
