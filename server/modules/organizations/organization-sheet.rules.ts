/**
 * The columns of the organisation list, shared by the template, the export and the import, so
 * that export → edit in Excel → import is a round trip. Headers in other files are recognised
 * regardless of case, diacritics, spacing and the usual synonyms (Mã số thuế / MST / Mã số HTX).
 */
import type { AnnualFigures } from '../../../contracts/annual-reports.ts';
import type { OrganizationKind, OrganizationStatus, Sector } from '../../../contracts/organizations.ts';
import {
  type CellValue,
  cellText,
  isBlank,
  moneyUnitOf,
  type Parsed,
  parseDate,
  parseMoney,
  parseNumber,
  parseWholeNumber,
  parseYesNo,
} from '../../platform/sheets/cell-values.ts';
import { foldVietnamese } from '../../platform/search-text.ts';

export type ColumnKey =
  | 'id'
  | 'name'
  | 'kind'
  | 'taxCode'
  | 'registeredOn'
  | 'registrationAuthority'
  | 'communeCode'
  | 'communeName'
  | 'provinceName'
  | 'address'
  | 'status'
  | 'sector'
  | 'isNewModel'
  | 'charterCapital'
  | 'legalRepresentative'
  | 'chairName'
  | 'directorName'
  | 'controllerName'
  | 'phone'
  | 'email'
  | 'website'
  | 'notes'
  | 'figuresYear'
  | CountFigure
  | MoneyFigure
  | YesNoFigure
  | 'classificationScore';

const COUNT_FIGURES = [
  'officialMembers',
  'associateMembersWithCapital',
  'associateMembersWithoutCapital',
  'memberIndividuals',
  'memberHouseholds',
  'memberLegalEntities',
  'workers',
  'workersWhoAreMembers',
  'ocopProducts',
] as const;
const MONEY_FIGURES = [
  'totalAssets',
  'revenue',
  'memberServiceRevenue',
  'profitBeforeTax',
  'budgetContribution',
  'averageWorkerIncome',
  'averageMemberIncome',
] as const;
const YES_NO_FIGURES = ['isInValueChain', 'appliesTechnology'] as const;
type CountFigure = (typeof COUNT_FIGURES)[number];
type MoneyFigure = (typeof MONEY_FIGURES)[number];
type YesNoFigure = (typeof YES_NO_FIGURES)[number];
const isOneOf = <T extends string>(list: readonly T[], key: string): key is T => (list as readonly string[]).includes(key);

type ColumnDefinition = { key: ColumnKey; header: string; synonyms: string[]; width: number };

/** Template and export headers, in order; synonyms are matched after folding. */
export const ORGANIZATION_COLUMNS: ColumnDefinition[] = [
  {
    key: 'name',
    header: 'Tên tổ chức',
    synonyms: ['ten', 'ten htx', 'ten hop tac xa', 'ten don vi', 'ten to chuc', 'ten tht', 'ten doanh nghiep', 'ten co so'],
    width: 40,
  },
  { key: 'kind', header: 'Loại hình', synonyms: ['loai', 'loai hinh to chuc', 'hinh thuc'], width: 18 },
  {
    key: 'taxCode',
    header: 'Mã số thuế',
    synonyms: ['mst', 'ma so htx', 'ma so', 'ma so doanh nghiep', 'ma so dang ky', 'ma so thue htx', 'ma htx'],
    width: 16,
  },
  {
    key: 'registeredOn',
    header: 'Ngày đăng ký',
    synonyms: ['ngay thanh lap', 'ngay cap', 'ngay cap gcn', 'ngay dang ky lan dau'],
    width: 14,
  },
  { key: 'registrationAuthority', header: 'Cơ quan đăng ký', synonyms: ['noi cap', 'co quan cap'], width: 24 },
  { key: 'communeCode', header: 'Mã xã', synonyms: ['ma xa phuong', 'ma don vi hanh chinh'], width: 8 },
  { key: 'communeName', header: 'Xã, phường', synonyms: ['xa', 'xa phuong', 'phuong xa', 'xa phuong dac khu'], width: 22 },
  { key: 'provinceName', header: 'Tỉnh, thành phố', synonyms: ['tinh', 'tinh thanh pho', 'thanh pho'], width: 18 },
  { key: 'address', header: 'Địa chỉ', synonyms: ['dia chi tru so', 'tru so', 'dia chi tru so chinh', 'dia chi so nha thon'], width: 40 },
  { key: 'status', header: 'Tình trạng', synonyms: ['tinh trang hoat dong', 'trang thai'], width: 18 },
  {
    key: 'sector',
    header: 'Ngành chính',
    synonyms: ['nganh nghe chinh', 'nganh nghe', 'linh vuc', 'nganh', 'linh vuc hoat dong', 'nganh nghe kinh doanh chinh'],
    width: 22,
  },
  { key: 'isNewModel', header: 'HTX kiểu mới', synonyms: ['kieu moi', 'htx kieu moi co khong'], width: 12 },
  { key: 'charterCapital', header: 'Vốn điều lệ (đồng)', synonyms: ['von dieu le'], width: 18 },
  {
    key: 'legalRepresentative',
    header: 'Người đại diện theo pháp luật',
    synonyms: ['nguoi dai dien', 'dai dien phap luat', 'nguoi dai dien phap luat'],
    width: 24,
  },
  { key: 'chairName', header: 'Chủ tịch HĐQT', synonyms: ['chu tich', 'chu tich hoi dong quan tri', 'chu tich hdqt'], width: 22 },
  { key: 'directorName', header: 'Giám đốc', synonyms: ['giam doc dieu hanh'], width: 22 },
  { key: 'controllerName', header: 'Kiểm soát viên', synonyms: ['kiem soat', 'truong ban kiem soat', 'ban kiem soat'], width: 22 },
  { key: 'phone', header: 'Điện thoại', synonyms: ['so dien thoai', 'dt', 'sdt'], width: 16 },
  { key: 'email', header: 'Email', synonyms: ['thu dien tu', 'e mail'], width: 24 },
  { key: 'website', header: 'Website', synonyms: ['trang web'], width: 20 },
  { key: 'notes', header: 'Ghi chú', synonyms: ['ghi chu khac'], width: 30 },
  { key: 'figuresYear', header: 'Năm số liệu', synonyms: ['nam', 'nam bao cao'], width: 10 },
  {
    key: 'officialMembers',
    header: 'Số thành viên',
    synonyms: ['thanh vien', 'so thanh vien chinh thuc', 'tong so thanh vien', 'thanh vien chinh thuc'],
    width: 12,
  },
  { key: 'associateMembersWithCapital', header: 'Thành viên liên kết góp vốn', synonyms: ['tv lien ket gop von'], width: 12 },
  {
    key: 'associateMembersWithoutCapital',
    header: 'Thành viên liên kết không góp vốn',
    synonyms: ['tv lien ket khong gop von'],
    width: 12,
  },
  { key: 'memberIndividuals', header: 'Thành viên là cá nhân', synonyms: ['ca nhan'], width: 12 },
  { key: 'memberHouseholds', header: 'Thành viên là hộ gia đình', synonyms: ['ho gia dinh'], width: 12 },
  { key: 'memberLegalEntities', header: 'Thành viên là pháp nhân', synonyms: ['phap nhan'], width: 12 },
  { key: 'workers', header: 'Số lao động', synonyms: ['lao dong', 'so lao dong thuong xuyen', 'lao dong thuong xuyen'], width: 12 },
  { key: 'workersWhoAreMembers', header: 'Lao động là thành viên', synonyms: ['trong do lao dong la thanh vien'], width: 12 },
  { key: 'totalAssets', header: 'Tổng tài sản (đồng)', synonyms: ['tai san', 'tong tai san'], width: 18 },
  { key: 'revenue', header: 'Doanh thu (đồng)', synonyms: ['doanh thu', 'tong doanh thu'], width: 18 },
  { key: 'memberServiceRevenue', header: 'Doanh thu dịch vụ thành viên (đồng)', synonyms: ['doanh thu dich vu cho thanh vien'], width: 18 },
  { key: 'profitBeforeTax', header: 'Lợi nhuận trước thuế (đồng)', synonyms: ['loi nhuan', 'lai', 'loi nhuan truoc thue'], width: 18 },
  { key: 'budgetContribution', header: 'Nộp ngân sách (đồng)', synonyms: ['nop ngan sach nha nuoc', 'nop ngan sach'], width: 18 },
  {
    key: 'averageWorkerIncome',
    header: 'Thu nhập bình quân lao động (đồng/tháng)',
    synonyms: ['thu nhap binh quan lao dong', 'thu nhap lao dong'],
    width: 18,
  },
  {
    key: 'averageMemberIncome',
    header: 'Thu nhập bình quân thành viên (đồng/tháng)',
    synonyms: ['thu nhap binh quan thanh vien', 'thu nhap thanh vien'],
    width: 18,
  },
  { key: 'isInValueChain', header: 'Tham gia chuỗi giá trị', synonyms: ['chuoi gia tri', 'lien ket chuoi gia tri'], width: 12 },
  { key: 'ocopProducts', header: 'Số sản phẩm OCOP', synonyms: ['san pham ocop', 'ocop'], width: 10 },
  {
    key: 'appliesTechnology',
    header: 'Ứng dụng công nghệ cao / chuyển đổi số',
    synonyms: ['ung dung cong nghe cao', 'chuyen doi so', 'cong nghe cao'],
    width: 14,
  },
  { key: 'classificationScore', header: 'Điểm phân loại', synonyms: ['diem danh gia', 'tong diem'], width: 10 },
  { key: 'id', header: 'Mã hệ thống (không sửa)', synonyms: ['ma he thong', 'id'], width: 38 },
];

const IGNORED_HEADERS = new Set(['stt', 'tt', 'so tt', 'so thu tu']);

/** "Doanh thu 2024 (triệu đồng)" → words "doanh thu", year 2024, unit 1 000 000. */
function readHeader(header: string): { words: string; year?: number; unit: number } {
  const withoutUnit = header.replace(/\(.*?\)/g, ' ');
  const yearMatch = withoutUnit.match(/\b(19|20)\d{2}\b/);
  const words = foldVietnamese(withoutUnit.replace(/\b(19|20)\d{2}\b/, ' '));
  return { words, year: yearMatch ? Number(yearMatch[0]) : undefined, unit: moneyUnitOf(header) };
}

export type HeaderMatch = { column: number; key: ColumnKey; header: string; unit: number; year?: number };

export type HeaderRow = { rowNumber: number; columns: HeaderMatch[]; unknownHeaders: string[] };

/** The known columns in one row of headers, or undefined when the row is not the header. */
export function matchHeaders(cells: CellValue[], rowNumber: number): HeaderRow | undefined {
  const columns: HeaderMatch[] = [];
  const unknownHeaders: string[] = [];
  cells.forEach((cell, column) => {
    const header = cellText(cell);
    if (!header) return;
    const { words, year, unit } = readHeader(header);
    if (IGNORED_HEADERS.has(words)) return;
    const definition = ORGANIZATION_COLUMNS.find(
      (candidate) => foldVietnamese(candidate.header.replace(/\(.*?\)/g, '')) === words || candidate.synonyms.includes(words),
    );
    if (definition && !columns.some((match) => match.key === definition.key))
      columns.push({ column, key: definition.key, header, unit, year });
    else unknownHeaders.push(header);
  });
  const hasIdentity = columns.some((match) => match.key === 'name');
  return hasIdentity && columns.length >= 2 ? { rowNumber, columns, unknownHeaders } : undefined;
}

const KIND_WORDS: [RegExp, OrganizationKind][] = [
  [/^(lien hiep|lh)\b/, 'cooperative_union'],
  [/^(to hop tac|tht)\b/, 'cooperative_group'],
  [/^(hop tac xa|htx)\b/, 'cooperative'],
  [/^(doanh nghiep|dn|cong ty|cty)\b/, 'enterprise'],
];

export function parseKind(value: CellValue, name: string): OrganizationKind | undefined {
  const folded = foldVietnamese(cellText(value) || name);
  return KIND_WORDS.find(([pattern]) => pattern.test(folded))?.[1] ?? (cellText(value) ? undefined : 'cooperative');
}

const STATUS_WORDS: [RegExp, OrganizationStatus][] = [
  [/tam ngung/, 'suspended'],
  [/dang (lam thu tuc )?giai the/, 'dissolving'],
  [/giai the/, 'dissolved'],
  [/ngung hoat dong|khong hoat dong/, 'inactive'],
  [/thu hoi/, 'revoked'],
  [/pha san/, 'bankrupt'],
  [/hoat dong/, 'active'],
];

export function parseStatus(value: CellValue): OrganizationStatus | undefined {
  const folded = foldVietnamese(cellText(value));
  if (!folded) return 'active';
  return STATUS_WORDS.find(([pattern]) => pattern.test(folded))?.[1];
}

const SECTOR_WORDS: [RegExp, Sector][] = [
  [/tin dung|quy tin dung/, 'credit'],
  [/van tai|xe buyt|taxi/, 'transport'],
  [/xay dung/, 'construction'],
  [/moi truong|ve sinh|nuoc sach/, 'environment'],
  [/nha o/, 'housing'],
  [/cong nghiep|thu cong|tieu thu|ttcn|lang nghe|may tre|gom/, 'industry_handicraft'],
  [/nong|lam|ngu|thuy san|chan nuoi|trong trot|rau|che|lua|cay/, 'agriculture'],
  [/thuong mai|dich vu|du lich/, 'trade_services'],
  [/khac/, 'other'],
];

export function parseSector(value: CellValue): Sector | undefined {
  const folded = foldVietnamese(cellText(value));
  return SECTOR_WORDS.find(([pattern]) => pattern.test(folded))?.[1];
}

export type RowProblem = { column: string; message: { vi: string; en: string } };

/** What one data row says, before places and existing organisations are looked up. */
export type ParsedOrganizationRow = {
  values: Partial<Record<ColumnKey, unknown>>;
  figures: AnnualFigures;
  figuresYear?: number;
  errors: RowProblem[];
  warnings: RowProblem[];
};

const TOTAL_ROW = /^(tong cong|tong so|cong|tong)$/;
const GROUP_HEADING = /^([ivxlc]+|[a-z]|\d+)[.)]\s/;

/** Rows that are not organisations: blank, group headings ("I. HTX NÔNG NGHIỆP") and totals. */
export function isDataRow(cells: CellValue[], header: HeaderRow): boolean {
  const nameColumn = header.columns.find((match) => match.key === 'name')?.column ?? -1;
  const name = foldVietnamese(cellText(cells[nameColumn] ?? null));
  if (!name || TOTAL_ROW.test(name)) return false;
  const filled = header.columns.filter((match) => !isBlank(cells[match.column] ?? null)).length;
  return !(filled <= 1 && GROUP_HEADING.test(`${name} `) && !/^(htx|hop tac xa|to hop tac|tht)\b/.test(name));
}

export function parseOrganizationRow(
  cells: CellValue[],
  header: HeaderRow,
  formulaColumns: number[],
  defaultYear: number,
): ParsedOrganizationRow {
  const row: ParsedOrganizationRow = { values: {}, figures: {}, errors: [], warnings: [] };
  const problem = (match: HeaderMatch, message: { vi: string; en: string }) => row.errors.push({ column: match.header, message });
  const take = <T>(match: HeaderMatch, parsed: Parsed<T>): T | undefined => {
    if (parsed.ok) return parsed.value;
    problem(match, parsed.problem);
    return undefined;
  };
  const name = cellText(cells[header.columns.find((match) => match.key === 'name')?.column ?? -1] ?? null);

  for (const match of header.columns) {
    const cell = cells[match.column] ?? null;
    if (formulaColumns.includes(match.column)) {
      problem(match, {
        vi: 'Ô chứa công thức: hãy dán dạng giá trị (Paste Special → Values)',
        en: 'The cell holds a formula: paste it as values',
      });
      continue;
    }
    if (match.year) row.figuresYear ??= match.year;
    if (isBlank(cell) && match.key !== 'kind' && match.key !== 'status') continue;
    switch (match.key) {
      case 'kind': {
        const kind = parseKind(cell, name);
        if (kind) row.values.kind = kind;
        else problem(match, { vi: `Loại hình "${cellText(cell)}" không rõ`, en: `Unknown kind "${cellText(cell)}"` });
        break;
      }
      case 'status': {
        const status = parseStatus(cell);
        if (status) row.values.status = status;
        else problem(match, { vi: `Tình trạng "${cellText(cell)}" không rõ`, en: `Unknown status "${cellText(cell)}"` });
        break;
      }
      case 'sector': {
        const sector = parseSector(cell);
        if (sector) row.values.sector = sector;
        else {
          row.values.sector = 'other';
          row.warnings.push({
            column: match.header,
            message: { vi: `Ngành "${cellText(cell)}" không rõ, ghi là Khác`, en: `Sector "${cellText(cell)}" unknown, recorded as Other` },
          });
        }
        break;
      }
      case 'registeredOn':
        row.values.registeredOn = take(match, parseDate(cell));
        break;
      case 'isNewModel':
        row.values.isNewModel = take(match, parseYesNo(cell));
        break;
      case 'charterCapital':
        row.values.charterCapital = take(match, parseMoney(cell, match.unit));
        break;
      case 'figuresYear': {
        const year = take(match, parseWholeNumber(cell));
        if (year) row.figuresYear = year;
        break;
      }
      case 'classificationScore': {
        const score = take(match, parseNumber(cell));
        if (score !== undefined && score !== null && (score < 0 || score > 100))
          problem(match, { vi: 'Điểm từ 0 đến 100', en: 'A score is 0 to 100' });
        else row.figures.classificationScore = score;
        break;
      }
      case 'taxCode':
        row.values.taxCode = cellText(cell).replace(/\s/g, '');
        break;
      default:
        if (isOneOf(COUNT_FIGURES, match.key)) row.figures[match.key] = take(match, parseWholeNumber(cell));
        else if (isOneOf(MONEY_FIGURES, match.key)) row.figures[match.key] = take(match, parseMoney(cell, match.unit));
        else if (isOneOf(YES_NO_FIGURES, match.key)) row.figures[match.key] = take(match, parseYesNo(cell));
        else row.values[match.key] = cellText(cell);
    }
  }
  // "HTX kiểu mới" written in the notes, as offices do, counts as the flag.
  if (row.values.isNewModel === undefined && /kieu moi/.test(foldVietnamese(String(row.values.notes ?? '')))) row.values.isNewModel = true;
  if (Object.values(row.figures).some((value) => value !== undefined && value !== null)) row.figuresYear ??= defaultYear;
  return row;
}

/** The words written into Excel for each value; the import reads them back (see the *_WORDS above). */
export const KIND_LABELS: Record<OrganizationKind, string> = {
  cooperative: 'Hợp tác xã',
  cooperative_union: 'Liên hiệp hợp tác xã',
  cooperative_group: 'Tổ hợp tác',
  enterprise: 'Doanh nghiệp',
};
export const STATUS_LABELS: Record<OrganizationStatus, string> = {
  active: 'Đang hoạt động',
  suspended: 'Tạm ngừng kinh doanh',
  dissolving: 'Đang giải thể',
  dissolved: 'Đã giải thể',
  inactive: 'Ngừng hoạt động (chưa giải thể)',
  revoked: 'Bị thu hồi giấy chứng nhận',
  bankrupt: 'Phá sản',
};
export const SECTOR_LABELS: Record<Sector, string> = {
  agriculture: 'Nông nghiệp',
  industry_handicraft: 'Công nghiệp – tiểu thủ công nghiệp',
  construction: 'Xây dựng',
  trade_services: 'Thương mại – dịch vụ',
  transport: 'Vận tải',
  credit: 'Tín dụng',
  environment: 'Môi trường',
  housing: 'Nhà ở',
  other: 'Khác',
};

const MONEY_COLUMNS = new Set<ColumnKey>(['charterCapital', ...MONEY_FIGURES]);

export function sheetFormatOf(key: ColumnKey): 'money' | 'date' | 'text' | undefined {
  if (MONEY_COLUMNS.has(key)) return 'money';
  if (key === 'registeredOn') return 'date';
  if (key === 'taxCode' || key === 'communeCode' || key === 'phone') return 'text';
  return undefined;
}

type ExportedOrganization = {
  id: string;
  name: string;
  kind: OrganizationKind;
  taxCode: string | null;
  registeredOn: string | null;
  registrationAuthority: string | null;
  communeCode: string;
  communeName: string;
  provinceName: string;
  addressLine: string | null;
  status: OrganizationStatus;
  sector: Sector;
  isNewModel: boolean;
  charterCapital: number | null;
  legalRepresentative: string | null;
  chairName: string | null;
  directorName: string | null;
  controllerName: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  notes: string | null;
};

/** One exported row, in the order of ORGANIZATION_COLUMNS (or of `keys`), figures of `year` beside. */
export function toSheetCells(
  organization: ExportedOrganization,
  figures: (AnnualFigures & { year?: number }) | undefined,
  keys: ColumnKey[] = ORGANIZATION_COLUMNS.map((column) => column.key),
): (string | number | null)[] {
  const yesNo = (value: boolean | null | undefined) => (value === null || value === undefined ? null : value ? 'Có' : 'Không');
  return keys.map((key) => {
    switch (key) {
      case 'kind':
        return KIND_LABELS[organization.kind];
      case 'status':
        return STATUS_LABELS[organization.status];
      case 'sector':
        return SECTOR_LABELS[organization.sector];
      case 'isNewModel':
        return yesNo(organization.isNewModel);
      case 'address':
        return organization.addressLine;
      case 'figuresYear':
        return figures?.year ?? null;
      case 'classificationScore':
        return figures?.classificationScore ?? null;
      default:
        if (isOneOf(YES_NO_FIGURES, key)) return yesNo(figures?.[key]);
        if (isOneOf(COUNT_FIGURES, key) || isOneOf(MONEY_FIGURES, key)) return figures?.[key] ?? null;
        return (organization[key as keyof ExportedOrganization] as string | number | null | undefined) ?? null;
    }
  });
}

/** The columns of the yearly-figures sheet: who, which year, and every figure. */
export const ANNUAL_FIGURE_SHEET_KEYS: ColumnKey[] = [
  'name',
  'taxCode',
  'communeCode',
  'figuresYear',
  ...COUNT_FIGURES,
  ...MONEY_FIGURES,
  ...YES_NO_FIGURES,
  'classificationScore',
  'id',
];
