/**
 * The columns of a list of people and the positions they hold — "Danh sách cán bộ chủ chốt" as
 * offices keep it: one row per person and position, the organisation named by its tax code or
 * its name. Shared by the template and the import; headers are recognised regardless of case,
 * diacritics, spacing and the usual synonyms.
 */
import { type Gender, MIN_BIRTH_YEAR, type Position } from '../../../contracts/people.ts';
import { type CellValue, cellText, isBlank, type Parsed, parseDate, parseWholeNumber } from '../../platform/sheets/cell-values.ts';
import type { SheetColumn } from '../../platform/sheets/sheet-writer.ts';
import { foldVietnamese } from '../../platform/search-text.ts';
import type { RowProblem } from './organization-sheet.rules.ts';

export type PersonColumnKey =
  | 'fullName'
  | 'position'
  | 'organizationName'
  | 'taxCode'
  | 'organizationId'
  | 'personId'
  | 'gender'
  | 'birthYear'
  | 'phone'
  | 'email'
  | 'startedOn'
  | 'endedOn'
  | 'notes';

type PersonColumn = { key: PersonColumnKey; header: string; synonyms: string[]; width: number; format?: SheetColumn['format'] };

/** Template headers, in order; synonyms are matched after folding. */
export const PERSON_COLUMNS: PersonColumn[] = [
  { key: 'fullName', header: 'Họ và tên', synonyms: ['ho ten', 'ten nguoi', 'ho va ten can bo'], width: 26 },
  { key: 'position', header: 'Chức danh', synonyms: ['chuc vu', 'vi tri'], width: 22 },
  {
    key: 'organizationName',
    header: 'Tên tổ chức',
    synonyms: ['ten htx', 'ten hop tac xa', 'to chuc', 'don vi', 'ten don vi', 'htx'],
    width: 36,
  },
  {
    key: 'taxCode',
    header: 'Mã số thuế',
    synonyms: ['mst', 'ma so htx', 'ma so doanh nghiep', 'ma so thue to chuc'],
    width: 16,
    format: 'text',
  },
  { key: 'gender', header: 'Giới tính', synonyms: ['gioi', 'nam nu', 'nam/nu'], width: 10 },
  { key: 'birthYear', header: 'Năm sinh', synonyms: ['ngay sinh', 'sinh nam'], width: 10 },
  { key: 'phone', header: 'Điện thoại', synonyms: ['so dien thoai', 'sdt', 'dt', 'di dong'], width: 16, format: 'text' },
  { key: 'email', header: 'Email', synonyms: ['e mail', 'thu dien tu', 'dia chi email'], width: 24 },
  { key: 'startedOn', header: 'Từ ngày', synonyms: ['ngay bat dau', 'bat dau', 'ngay nhan chuc', 'tu'], width: 12, format: 'date' },
  { key: 'endedOn', header: 'Đến ngày', synonyms: ['ngay ket thuc', 'ket thuc', 'den'], width: 12, format: 'date' },
  { key: 'notes', header: 'Ghi chú', synonyms: ['ghi chu khac'], width: 30 },
  { key: 'organizationId', header: 'Mã hệ thống tổ chức (không sửa)', synonyms: ['ma he thong to chuc', 'ma he thong'], width: 38 },
  { key: 'personId', header: 'Mã hệ thống người (không sửa)', synonyms: ['ma he thong nguoi'], width: 38 },
];

const IGNORED_HEADERS = new Set(['stt', 'tt', 'so tt', 'so thu tu']);

export type PersonHeaderMatch = { column: number; key: PersonColumnKey; header: string };
export type PersonHeaderRow = { rowNumber: number; columns: PersonHeaderMatch[]; unknownHeaders: string[] };

const headerWords = (header: string) => foldVietnamese(header.replace(/\(.*?\)/g, ' '));

/** The known columns in one row of headers, or undefined when the row is not the header. */
export function matchPersonHeaders(cells: CellValue[], rowNumber: number): PersonHeaderRow | undefined {
  const columns: PersonHeaderMatch[] = [];
  const unknownHeaders: string[] = [];
  cells.forEach((cell, column) => {
    const header = cellText(cell);
    if (!header) return;
    const words = headerWords(header);
    if (IGNORED_HEADERS.has(words)) return;
    const definition = PERSON_COLUMNS.find((candidate) => headerWords(candidate.header) === words || candidate.synonyms.includes(words));
    if (definition && !columns.some((match) => match.key === definition.key)) columns.push({ column, key: definition.key, header });
    else unknownHeaders.push(header);
  });
  const has = (key: PersonColumnKey) => columns.some((match) => match.key === key);
  const namesOrganization = has('organizationName') || has('taxCode') || has('organizationId');
  // A list of our own export names the person by id; any other names a position and where.
  const namesPerson = has('personId') || (has('position') && namesOrganization);
  return has('fullName') && namesPerson ? { rowNumber, columns, unknownHeaders } : undefined;
}

/** The order matters: "Phó Giám đốc" is not the director, "Chủ tịch HĐQT kiêm Giám đốc" is the chair. */
const POSITION_WORDS: [RegExp, Position | null][] = [
  [/^pho\b/, null],
  [/dai dien (theo )?phap luat|nguoi dai dien/, 'legal_representative'],
  [/chu tich|chu nhiem|truong (ban quan tri|nhom|to)/, 'chair'],
  [/giam doc/, 'director'],
  [/ke toan/, 'accountant'],
  [/kiem soat/, 'controller'],
  [/lien he|lien lac|dau moi/, 'contact'],
];

export const POSITION_LABELS: Record<Position, string> = {
  legal_representative: 'Người đại diện theo pháp luật',
  chair: 'Chủ tịch HĐQT',
  director: 'Giám đốc',
  accountant: 'Kế toán',
  controller: 'Kiểm soát viên',
  contact: 'Người liên hệ',
};

export function parsePosition(value: CellValue): Position | undefined {
  const folded = foldVietnamese(cellText(value));
  return POSITION_WORDS.find(([pattern]) => pattern.test(folded))?.[1] ?? undefined;
}

export function parseGender(value: CellValue): Parsed<Gender | null> {
  const folded = foldVietnamese(cellText(value));
  if (folded === '') return { ok: true, value: null };
  if (folded === 'nam' || folded === 'm' || folded === 'male') return { ok: true, value: 'male' };
  if (folded === 'nu' || folded === 'f' || folded === 'female') return { ok: true, value: 'female' };
  return {
    ok: false,
    problem: { vi: `Giới tính "${cellText(value)}": hãy ghi Nam hoặc Nữ`, en: `Gender "${cellText(value)}": write Nam or Nữ` },
  };
}

/** A year, or a birth date (dd/mm/yyyy or an Excel date) of which only the year is kept. */
export function parseBirthYear(value: CellValue, thisYear: number): Parsed<number | null> {
  const text = cellText(value);
  const asYear = /^\d{4}$/.test(text) ? parseWholeNumber(value) : undefined;
  const year = asYear?.ok ? asYear.value : undefined;
  let found = year;
  if (found === undefined) {
    const date = parseDate(value);
    if (!date.ok) return { ok: false, problem: { vi: `Năm sinh "${text}" không đọc được`, en: `Birth year "${text}" cannot be read` } };
    found = date.value ? Number(date.value.slice(0, 4)) : null;
  }
  if (found !== null && (found < MIN_BIRTH_YEAR || found > thisYear - 15)) {
    return { ok: false, problem: { vi: `Năm sinh ${found} không hợp lý`, en: `Birth year ${found} is not plausible` } };
  }
  return { ok: true, value: found };
}

/** What one data row says, before the organisation and the person are looked up. */
export type ParsedPersonRow = {
  values: Partial<Record<PersonColumnKey, string | number | null>>;
  errors: RowProblem[];
};

const TOTAL_ROW = /^(tong cong|tong so|cong|tong)$/;

/** Rows that are not people: blank rows, totals, and group headings with nothing but a name. */
export function isPersonDataRow(cells: CellValue[], header: PersonHeaderRow): boolean {
  const nameColumn = header.columns.find((match) => match.key === 'fullName')?.column ?? -1;
  const name = foldVietnamese(cellText(cells[nameColumn] ?? null));
  if (!name || TOTAL_ROW.test(name)) return false;
  return header.columns.filter((match) => !isBlank(cells[match.column] ?? null)).length >= 2;
}

export function parsePersonRow(cells: CellValue[], header: PersonHeaderRow, formulaColumns: number[], thisYear: number): ParsedPersonRow {
  const row: ParsedPersonRow = { values: {}, errors: [] };
  const problem = (match: PersonHeaderMatch, message: RowProblem['message']) => row.errors.push({ column: match.header, message });
  for (const match of header.columns) {
    const cell = cells[match.column] ?? null;
    if (formulaColumns.includes(match.column)) {
      problem(match, {
        vi: 'Ô chứa công thức: hãy dán dạng giá trị (Paste Special → Values)',
        en: 'The cell holds a formula: paste it as values',
      });
      continue;
    }
    if (isBlank(cell)) continue;
    const take = <T extends string | number | null>(parsed: Parsed<T>): T | undefined => {
      if (parsed.ok) return parsed.value;
      problem(match, parsed.problem);
      return undefined;
    };
    switch (match.key) {
      case 'position': {
        const position = parsePosition(cell);
        if (position) row.values.position = position;
        else
          problem(match, {
            vi: `Chức danh "${cellText(cell)}" không thuộc các chức danh được theo dõi (${Object.values(POSITION_LABELS).join(', ')})`,
            en: `Position "${cellText(cell)}" is not one of those kept (chair, director, accountant, controller, legal representative, contact)`,
          });
        break;
      }
      case 'gender':
        row.values.gender = take(parseGender(cell));
        break;
      case 'birthYear':
        row.values.birthYear = take(parseBirthYear(cell, thisYear));
        break;
      case 'startedOn':
      case 'endedOn':
        row.values[match.key] = take(parseDate(cell));
        break;
      case 'taxCode':
        row.values.taxCode = cellText(cell).replace(/\s/g, '');
        break;
      default:
        row.values[match.key] = cellText(cell);
    }
  }
  const { startedOn, endedOn } = row.values;
  if (typeof startedOn === 'string' && typeof endedOn === 'string' && endedOn < startedOn) {
    row.errors.push({ column: 'Đến ngày', message: { vi: 'Đến ngày trước Từ ngày', en: 'The end is before the start' } });
  }
  return row;
}
