import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { PassThrough, type Readable } from 'node:stream';

export type SheetColumn = { header: string; width: number; format?: 'money' | 'date' | 'text' };
export type SheetCell = string | number | boolean | Date | null | undefined;

const NUMBER_FORMATS = { money: '#,##0', date: 'dd/mm/yyyy', text: '@' } as const;

/** One style object per column, never changed after: exceljs knows an object it has seen (a WeakMap). */
const styleOf = (format: SheetColumn['format']): Partial<ExcelJS.Style> => Object.freeze(format ? { numFmt: NUMBER_FORMATS[format] } : {});

/**
 * Writes a workbook sheet after sheet, row by row, to a stream (exceljs' streaming writer: constant
 * memory for 100,000 rows). Returns the readable side at once; `addSheet` and `addRow` feed it.
 */
export function createWorkbookStream() {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'hoptac';
  return {
    stream: output as Readable,
    /** A new sheet with a bold header row (and a title row above it); commit it before the next. */
    addSheet(sheetName: string, columns: SheetColumn[], title?: string) {
      const worksheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: title ? 2 : 1 }] });
      const styles = columns.map((column) => styleOf(column.format));
      const noStyle = styleOf(undefined);
      worksheet.columns = columns.map((column, index) => ({ width: column.width, style: { ...styles[index] } }));
      if (title) worksheet.addRow([title]).commit();
      const header = worksheet.addRow(columns.map((column) => column.header));
      header.font = { bold: true };
      header.alignment = { wrapText: true, vertical: 'middle' };
      header.commit();
      return {
        /** Adds a row; dates given as YYYY-MM-DD become real Excel dates. */
        addRow(cells: SheetCell[]): void {
          const row = worksheet.addRow(
            cells.map((cell, index) =>
              columns[index]?.format === 'date' && typeof cell === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(cell)
                ? new Date(`${cell}T00:00:00Z`)
                : (cell ?? null),
            ),
          );
          // exceljs gives every cell its own copy of the column's style and works each copy out
          // again when writing (a quarter of a 100,000-row export's time); the column's own
          // object it works out once.
          row.eachCell({ includeEmpty: true }, (cell, number) => {
            cell.style = styles[number - 1] ?? noStyle;
          });
          row.commit();
        },
        commit: () => worksheet.commit(),
      };
    },
    async finish(): Promise<void> {
      await workbook.commit();
    },
  };
}

/** A workbook of one sheet, written row by row. */
export function createSheetStream(sheetName: string, columns: SheetColumn[], title?: string) {
  const workbook = createWorkbookStream();
  const sheet = workbook.addSheet(sheetName, columns, title);
  return {
    stream: workbook.stream,
    addRow: sheet.addRow,
    async finish(): Promise<void> {
      sheet.commit();
      await workbook.finish();
    },
  };
}

/** A workbook of small sheets whose rows are all known: written at once, streamed out. */
export function writeSheets(sheets: { name: string; columns: SheetColumn[]; title?: string; rows: SheetCell[][] }[]): Readable {
  const workbook = createWorkbookStream();
  for (const { name, columns, title, rows } of sheets) {
    const sheet = workbook.addSheet(name, columns, title);
    for (const row of rows) sheet.addRow(row);
    sheet.commit();
  }
  workbook.finish().catch((error: unknown) => workbook.stream.destroy(error instanceof Error ? error : new Error(String(error))));
  return workbook.stream;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Content-Disposition for a Vietnamese file name (RFC 6266 with an ASCII fallback). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^\w.-]+/g, '-');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Answers with a spreadsheet the browser saves under `fileName`, streaming as it is written. */
export function sendSpreadsheet(reply: FastifyReply, fileName: string, workbook: Readable): FastifyReply {
  return reply.type(XLSX_CONTENT_TYPE).header('content-disposition', attachmentHeader(fileName)).send(workbook);
}
