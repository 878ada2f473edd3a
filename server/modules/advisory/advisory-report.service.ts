import type { Readable } from 'node:stream';
import type {
  AdvisoryKind,
  AdvisoryStage,
  AdvisoryStats,
  advisoryExportQuerySchema,
  advisoryReportExportQuerySchema,
  advisoryStatsQuerySchema,
  FoundedStats,
  foundedStatsQuerySchema,
  Term,
} from '../../../contracts/advisory.ts';
import type { Db } from '../../db/database.ts';
import { type Actor, scopeOf } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { createSheetStream, writeSheets } from '../../platform/sheets/sheet-writer.ts';
import { KIND_LABELS as ORGANIZATION_KIND_LABELS, SECTOR_LABELS } from '../organizations/organization-sheet.rules.ts';
import { calendarDateInVietnam } from '../organizations/person.rules.ts';
import { createAdvisoryCaseRepository } from './advisory-case.repository.ts';
import { createAdvisoryLogRepository } from './advisory-log.repository.ts';
import { createAdvisoryStatsRepository, type FoundedGroup } from './advisory-stats.repository.ts';
import { canSeeCaseContact } from './advisory.policy.ts';
import { isOverdue, periodOf, termOf } from './advisory.rules.ts';

export const KIND_LABELS: Record<AdvisoryKind, string> = {
  founding: 'Tư vấn thành lập',
  reorganization: 'Tổ chức lại theo Luật HTX 2023',
  business_plan: 'Phương án sản xuất kinh doanh',
  accounting: 'Kế toán',
  governance: 'Quản trị',
  digital_transformation: 'Chuyển đổi số',
  value_chain: 'Chuỗi giá trị',
  legal: 'Pháp lý',
  dissolution: 'Giải thể',
  other: 'Khác',
};

export const STAGE_LABELS: Record<AdvisoryStage, string> = {
  inquiry: 'Tiếp nhận',
  preparing: 'Chuẩn bị điều lệ, hồ sơ',
  submitted: 'Đã nộp hồ sơ',
  registered: 'Đã đăng ký',
  completed: 'Hoàn thành',
  dropped: 'Dừng',
};

const EXPORT_COLUMNS = [
  { header: 'Mã hệ thống', width: 38 },
  { header: 'Tên hồ sơ', width: 40 },
  { header: 'Loại tư vấn', width: 24 },
  { header: 'Giai đoạn', width: 20 },
  { header: 'Tổ chức', width: 36 },
  { header: 'Nhóm sáng lập', width: 30 },
  { header: 'Ngành dự kiến', width: 18 },
  { header: 'Số thành viên sáng lập', width: 12 },
  { header: 'Người liên hệ', width: 22 },
  { header: 'Điện thoại', width: 16, format: 'text' as const },
  { header: 'Xã, phường', width: 22 },
  { header: 'Tỉnh, thành phố', width: 18 },
  { header: 'Cán bộ phụ trách', width: 24 },
  { header: 'Ngày tiếp nhận', width: 14, format: 'date' as const },
  { header: 'Hạn xử lý', width: 14, format: 'date' as const },
  { header: 'Ngày kết thúc', width: 14, format: 'date' as const },
  { header: 'Quá hạn', width: 10 },
  { header: 'Số giờ', width: 10 },
  { header: 'Ngày đăng ký', width: 14, format: 'date' as const },
  { header: 'Lý do dừng', width: 30 },
];

type StatsQuery = ReturnType<typeof advisoryStatsQuerySchema.parse>;
type ReportQuery = ReturnType<typeof advisoryReportExportQuerySchema.parse>;
type ExportQuery = ReturnType<typeof advisoryExportQuerySchema.parse>;
type FoundedQuery = ReturnType<typeof foundedStatsQuerySchema.parse>;
type Counts = AdvisoryStats['totals'];

const emptyCounts = (): Counts => ({ opened: 0, closed: 0, registered: 0, completed: 0, dropped: 0 });
const foundedCount = (groups: FoundedGroup[]) => ({
  total: groups.reduce((sum, group) => sum + group.count, 0),
  newModel: groups.reduce((sum, group) => sum + (group.isNewModel ? group.count : 0), 0),
});
const yearOf = (group: FoundedGroup) => Number(group.foundedOn.slice(0, 4));
const inTerm = (term: Term) => (group: FoundedGroup) => yearOf(group) >= term.firstYear && yearOf(group) <= term.lastYear;

function countBy<K extends string>(groups: FoundedGroup[], keyOf: (group: FoundedGroup) => K) {
  const byKey = new Map<K, FoundedGroup[]>();
  for (const group of groups) byKey.set(keyOf(group), [...(byKey.get(keyOf(group)) ?? []), group]);
  return [...byKey.entries()].map(([key, members]) => ({ key, members, ...foundedCount(members) })).sort((a, b) => b.total - a.total);
}

/** "2026" → "Năm 2026", "2026-Q1" → "Quý 1/2026", "2026-03" → "Tháng 3/2026": as the reports page reads them. */
function periodText(period: string): string {
  const quarter = /^(\d{4})-Q(\d)$/.exec(period);
  if (quarter) return `Quý ${quarter[2]}/${quarter[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `Tháng ${Number(month[2])}/${month[1]}`;
  return `Năm ${period}`;
}

const COUNT_COLUMNS = [
  { header: 'Số tổ chức thành lập', width: 14 },
  { header: 'Trong đó HTX kiểu mới', width: 14 },
];

/** The counts reports need and the Excel list of cases. */
export function createAdvisoryReportService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const stats = createAdvisoryStatsRepository(db);
  const cases = createAdvisoryCaseRepository(db);
  const log = createAdvisoryLogRepository(db);
  const today = () => calendarDateInVietnam(clock.now());

  const service = {
    /** Cases opened and closed per period and kind, and how many are open (and overdue) now. */
    async countCases(actor: Actor, query: StatsQuery): Promise<AdvisoryStats> {
      const scope = scopeOf(actor);
      const from = query.from ?? `${(query.to ?? today()).slice(0, 4)}-01-01`;
      const to = query.to ?? `${from.slice(0, 4)}-12-31`;
      const period = { from, to, provinceCode: query.provinceCode };
      const rows = new Map<string, AdvisoryStats['rows'][number]>();
      const totals = emptyCounts();
      const rowOf = (day: string, kind: AdvisoryKind) => {
        const key = `${periodOf(day, query.groupBy)}|${kind}`;
        const row = rows.get(key) ?? { period: periodOf(day, query.groupBy), kind, ...emptyCounts() };
        rows.set(key, row);
        return row;
      };
      for (const opened of await stats.countOpenedByDay(scope, period)) {
        rowOf(opened.day, opened.kind).opened += opened.count;
        totals.opened += opened.count;
      }
      for (const closed of await stats.countClosedByDay(scope, period)) {
        const row = rowOf(closed.day, closed.kind);
        row.closed += closed.count;
        totals.closed += closed.count;
        if (closed.stage === 'registered' || closed.stage === 'completed' || closed.stage === 'dropped') {
          row[closed.stage] += closed.count;
          totals[closed.stage] += closed.count;
        }
      }
      const now = await stats.countOpen(scope, today(), query.provinceCode);
      return {
        from,
        to,
        groupBy: query.groupBy,
        rows: [...rows.values()].sort((a, b) => a.period.localeCompare(b.period) || a.kind.localeCompare(b.kind)),
        totals,
        openNow: now.open,
        overdueNow: now.overdue,
      };
    },

    /**
     * Organisations founded with support: per year, per term (five calendar years from the
     * term's first, see `termOf`), and within the detailed term by sector, kind and commune.
     */
    async countFounded(actor: Actor, query: FoundedQuery): Promise<FoundedStats> {
      const groups = await stats.countFounded(scopeOf(actor), query.provinceCode);
      const year = query.year ?? Number(today().slice(0, 4));
      const term = termOf(query.term ?? year);
      const terms = new Map<number, Term>([[term.startYear, term]]);
      for (const group of groups) terms.set(termOf(yearOf(group)).startYear, termOf(yearOf(group)));
      const ofTerm = groups.filter(inTerm(term));
      return {
        year,
        term,
        thisYear: foundedCount(groups.filter((group) => yearOf(group) === year)),
        thisTerm: foundedCount(ofTerm),
        byYear: countBy(groups, (group) => String(yearOf(group)))
          .map(({ key, total, newModel }) => ({ year: Number(key), total, newModel }))
          .sort((a, b) => a.year - b.year),
        byTerm: [...terms.values()]
          .sort((a, b) => a.startYear - b.startYear)
          .map((each) => ({ ...each, ...foundedCount(groups.filter(inTerm(each))) })),
        bySector: countBy(ofTerm, (group) => group.sector).map(({ key, total, newModel }) => ({ key, total, newModel })),
        byKind: countBy(ofTerm, (group) => group.kind).map(({ key, total, newModel }) => ({ key, total, newModel })),
        byCommune: countBy(ofTerm, (group) => group.communeCode).map(({ key, members, total, newModel }) => ({
          key,
          label: members[0]?.communeName ?? key,
          provinceCode: members[0]?.provinceCode ?? '',
          total,
          newModel,
        })),
      };
    },

    /** The filtered list of cases as .xlsx, streamed; the contact phone only for those who may see it. */
    /** The reports page as a workbook: a summary sheet, then each of its tables on a sheet of its own. */
    async exportReport(actor: Actor, query: ReportQuery): Promise<{ fileName: string; stream: Readable }> {
      const year = query.year ?? Number(today().slice(0, 4));
      const [founded, cases] = await Promise.all([
        service.countFounded(actor, { year, provinceCode: query.provinceCode }),
        service.countCases(actor, { from: `${year}-01-01`, to: `${year}-12-31`, groupBy: query.groupBy, provinceCode: query.provinceCode }),
      ]);
      const term = founded.term.label;
      return {
        fileName: `bao-cao-tu-van-thanh-lap-${year}.xlsx`,
        stream: writeSheets([
          {
            name: 'Tổng hợp',
            title: `Tư vấn, hỗ trợ thành lập HTX năm ${year} (lập ngày ${today().split('-').reverse().join('/')})`,
            columns: [
              { header: 'Chỉ tiêu', width: 52 },
              { header: 'Số lượng', width: 14 },
            ],
            rows: [
              [`Tổ chức thành lập với sự hỗ trợ của Liên minh, năm ${year}`, founded.thisYear.total],
              [`  trong đó HTX kiểu mới`, founded.thisYear.newModel],
              [`Tổ chức thành lập với sự hỗ trợ của Liên minh, nhiệm kỳ ${term}`, founded.thisTerm.total],
              [`  trong đó HTX kiểu mới`, founded.thisTerm.newModel],
              [`Hồ sơ tư vấn tiếp nhận trong năm ${year}`, cases.totals.opened],
              [`Hồ sơ kết thúc trong năm ${year}`, cases.totals.closed],
              [`  đã đăng ký thành lập`, cases.totals.registered],
              [`  hoàn thành`, cases.totals.completed],
              [`  dừng`, cases.totals.dropped],
              ['Hồ sơ đang mở hiện nay', cases.openNow],
              ['  trong đó quá hạn', cases.overdueNow],
            ],
          },
          {
            name: 'Hồ sơ theo kỳ',
            title: `Hồ sơ tư vấn năm ${year} theo kỳ và loại tư vấn`,
            columns: [
              { header: 'Kỳ', width: 16 },
              { header: 'Loại tư vấn', width: 30 },
              { header: 'Tiếp nhận', width: 12 },
              { header: 'Kết thúc', width: 12 },
              { header: 'Đã đăng ký', width: 12 },
              { header: 'Hoàn thành', width: 12 },
              { header: 'Dừng', width: 12 },
            ],
            rows: cases.rows.map((row) => [
              periodText(row.period),
              KIND_LABELS[row.kind],
              row.opened,
              row.closed,
              row.registered,
              row.completed,
              row.dropped,
            ]),
          },
          {
            name: 'Thành lập theo năm',
            title: 'Tổ chức thành lập với sự hỗ trợ của Liên minh, theo năm',
            columns: [{ header: 'Năm', width: 10 }, ...COUNT_COLUMNS],
            rows: founded.byYear.map((row) => [String(row.year), row.total, row.newModel]),
          },
          {
            name: 'Theo nhiệm kỳ',
            title: 'Tổ chức thành lập với sự hỗ trợ của Liên minh, theo nhiệm kỳ',
            columns: [{ header: 'Nhiệm kỳ', width: 14 }, ...COUNT_COLUMNS],
            rows: founded.byTerm.map((row) => [row.label, row.total, row.newModel]),
          },
          {
            name: 'Theo ngành',
            title: `Thành lập trong nhiệm kỳ ${term}, theo ngành`,
            columns: [{ header: 'Ngành', width: 30 }, ...COUNT_COLUMNS],
            rows: founded.bySector.map((row) => [SECTOR_LABELS[row.key], row.total, row.newModel]),
          },
          {
            name: 'Theo loại hình',
            title: `Thành lập trong nhiệm kỳ ${term}, theo loại hình`,
            columns: [{ header: 'Loại hình', width: 24 }, ...COUNT_COLUMNS],
            rows: founded.byKind.map((row) => [ORGANIZATION_KIND_LABELS[row.key], row.total, row.newModel]),
          },
          {
            name: 'Theo xã',
            title: `Thành lập trong nhiệm kỳ ${term}, theo xã, phường`,
            columns: [{ header: 'Xã, phường', width: 30 }, ...COUNT_COLUMNS],
            rows: founded.byCommune.map((row) => [row.label, row.total, row.newModel]),
          },
        ]),
      };
    },

    exportCases(actor: Actor, query: ExportQuery): Readable {
      const { sort: _sort, ...filters } = query;
      const day = today();
      const showPhone = canSeeCaseContact(actor);
      const sheet = createSheetStream('Hồ sơ tư vấn', EXPORT_COLUMNS);
      (async () => {
        for await (const batch of cases.streamCases(scopeOf(actor), filters, day)) {
          const hours = await log.sumHours(batch.map((item) => item.id));
          for (const item of batch) {
            sheet.addRow([
              item.id,
              item.title,
              KIND_LABELS[item.kind],
              STAGE_LABELS[item.stage],
              item.organization?.name ?? null,
              item.groupName,
              item.intendedSector ? SECTOR_LABELS[item.intendedSector] : null,
              item.foundingMembers,
              item.contactName,
              showPhone ? item.contactPhone : null,
              item.communeName,
              item.provinceName,
              item.assignedOfficer.name,
              item.openedOn,
              item.dueOn,
              item.closedOn,
              isOverdue(item.stage, item.dueOn, day) ? 'Có' : null,
              hours.get(item.id) ?? 0,
              item.registeredOn,
              item.droppedReason,
            ]);
          }
        }
        await sheet.finish();
      })().catch((error: unknown) => sheet.stream.destroy(error instanceof Error ? error : new Error(String(error))));
      return sheet.stream;
    },
  };
  return service;
}

export type AdvisoryReportService = ReturnType<typeof createAdvisoryReportService>;
