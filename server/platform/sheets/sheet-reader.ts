import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import type { CellValue } from './cell-values.ts';
import { badFile, SHEET_LIMITS, type SheetFormat } from './file-checks.ts';
import { openZipEntry, readZipDirectory, type ZipEntry } from './zip-directory.ts';

/** One row of the first worksheet: its number as Excel shows it and its cells from column A. */
export type SheetRow = { rowNumber: number; cells: CellValue[]; formulaColumns: number[] };

type ExcelCell = ExcelJS.CellValue;

function toCellValue(value: ExcelCell): { value: CellValue; isFormula: boolean } {
  if (value === null || value === undefined) return { value: null, isFormula: false };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) {
    return { value, isFormula: false };
  }
  if ('formula' in value || 'sharedFormula' in value) return { value: null, isFormula: true };
  if ('richText' in value) return { value: value.richText.map((part) => part.text).join(''), isFormula: false };
  if ('text' in value) return { value: String(value.text), isFormula: false };
  if ('error' in value) return { value: null, isFormula: false };
  return { value: null, isFormula: false };
}

const tooManyRows = () =>
  badFile({
    vi: `Tệp có hơn ${SHEET_LIMITS.maxRows.toLocaleString('vi-VN')} dòng; hãy chia thành nhiều tệp.`,
    en: `The file has more than ${SHEET_LIMITS.maxRows.toLocaleString('en-US')} rows; split it into several files.`,
  });

/**
 * The parts of ExcelJS's streaming reader that hoptac drives itself. Its own pass reads the ZIP
 * front to back and now and then loses an entry (exceljs#3064: "reading 'sheets'"), which turned a
 * good upload into "damaged" about once in 300 reads. Opening entries through the central
 * directory reads rels, workbook, shared strings and styles first, then streams only the sheet.
 */
type WorkbookParts = {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(rows: Readable, sheetNumber: string): Iterable<{ value: AsyncIterable<ExcelJS.Row> }>;
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { rId: string }[] };
};

/** The first sheet in tab order, not the first in the archive. */
function firstSheetPath(parts: WorkbookParts, entries: ZipEntry[]): string | undefined {
  const relationId = parts.model?.sheets?.[0]?.rId;
  const target = parts.workbookRels?.find((relation) => relation.Id === relationId)?.Target;
  if (target) return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  return entries
    .map((entry) => entry.name)
    .filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))[0];
}

async function openFirstWorksheet(content: Buffer): Promise<AsyncIterable<ExcelJS.Row> | undefined> {
  const entries = readZipDirectory(content) ?? [];
  const open = (name: string) => {
    const entry = entries.find((candidate) => candidate.name === name);
    return entry && openZipEntry(content, entry);
  };
  const parts = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as WorkbookParts;
  const rels = open('xl/_rels/workbook.xml.rels');
  if (rels) await parts._parseRels(rels);
  const workbook = open('xl/workbook.xml');
  if (workbook) await parts._parseWorkbook(workbook);
  const sharedStrings = open('xl/sharedStrings.xml');
  if (sharedStrings) for await (const _ of parts._parseSharedStrings(sharedStrings));
  const styles = open('xl/styles.xml');
  if (styles) await parts._parseStyles(styles);
  const sheetPath = firstSheetPath(parts, entries);
  const sheet = sheetPath && open(sheetPath);
  if (!sheet) return undefined;
  const sheetNumber = /(\d+)\.xml$/.exec(sheetPath)?.[1] ?? '1';
  for (const event of parts._parseWorksheet(sheet, sheetNumber)) return event.value;
  return undefined;
}

async function* readXlsx(content: Buffer): AsyncGenerator<SheetRow> {
  try {
    const worksheet = await openFirstWorksheet(content);
    if (!worksheet) return;
    for await (const row of worksheet) {
      if (row.number > SHEET_LIMITS.maxRows + 50) throw tooManyRows();
      const cells: CellValue[] = [];
      const formulaColumns: number[] = [];
      const values = row.values as ExcelCell[];
      for (let column = 1; column < values.length; column += 1) {
        const cell = toCellValue(values[column]);
        cells.push(cell.value);
        if (cell.isFormula) formulaColumns.push(column - 1);
      }
      yield { rowNumber: row.number, cells, formulaColumns };
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'AppError') throw error;
    throw badFile({ vi: 'Không đọc được tệp .xlsx: tệp bị hỏng.', en: 'The .xlsx file could not be read: it is damaged.' });
  }
}

function decodeText(content: Buffer): string {
  const text = content.toString('utf8');
  // Excel on Windows writes CSV in Windows-1258 or -1252 for Vietnamese: the replacement character betrays it.
  if (text.includes('\ufffd')) {
    throw badFile({
      vi: 'Tệp CSV không ở mã UTF-8. Trong Excel hãy chọn "Lưu thành" → "CSV UTF-8".',
      en: 'The CSV file is not UTF-8. In Excel choose "Save as" → "CSV UTF-8".',
    });
  }
  return text.replace(/^\ufeff/, '');
}

async function* readCsv(content: Buffer): AsyncGenerator<SheetRow> {
  const text = decodeText(content);
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const parser = Readable.from([text]).pipe(parseCsv({ delimiter, relax_column_count: true, skip_empty_lines: false }));
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      if (rowNumber > SHEET_LIMITS.maxRows + 50) throw tooManyRows();
      yield { rowNumber, cells: record, formulaColumns: [] };
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'AppError') throw error;
    throw badFile({ vi: `Tệp CSV sai định dạng ở dòng ${rowNumber + 1}.`, en: `The CSV file is malformed at line ${rowNumber + 1}.` });
  }
}

export function readSheetRows(content: Buffer, format: SheetFormat): AsyncGenerator<SheetRow> {
  return format === 'xlsx' ? readXlsx(content) : readCsv(content);
}
