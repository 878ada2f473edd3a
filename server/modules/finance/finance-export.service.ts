import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/access.ts';
import { type SheetColumn, writeSheets } from '../../platform/sheets/sheet-writer.ts';
import type { LoanLedgerService } from './loan-ledger.service.ts';
import type { PortfolioService } from './portfolio.service.ts';

const SECTOR_LABELS: Record<string, string> = {
  agriculture: 'Nông nghiệp',
  industry_handicraft: 'Công nghiệp – TTCN',
  construction: 'Xây dựng',
  trade_services: 'Thương mại – dịch vụ',
  transport: 'Vận tải',
  credit: 'Tín dụng',
  environment: 'Môi trường',
  housing: 'Nhà ở',
  other: 'Khác',
};

const ENTRY_LABELS = { disbursement: 'Giải ngân', repayment: 'Thu nợ', write_off: 'Xử lý rủi ro' } as const;

const PORTFOLIO_COLUMNS: SheetColumn[] = [
  { header: 'Số hợp đồng', width: 18, format: 'text' },
  { header: 'Tổ chức vay', width: 40 },
  { header: 'Xã, phường', width: 22 },
  { header: 'Ngành', width: 20 },
  { header: 'Quỹ', width: 30 },
  { header: 'Ngày giải ngân', width: 13, format: 'date' },
  { header: 'Ngày đáo hạn', width: 13, format: 'date' },
  { header: 'Lãi suất (%/năm)', width: 10 },
  { header: 'Đã giải ngân (đồng)', width: 16, format: 'money' },
  { header: 'Dư nợ gốc (đồng)', width: 16, format: 'money' },
  { header: 'Gốc quá hạn (đồng)', width: 16, format: 'money' },
  { header: 'Lãi đến hạn chưa trả (đồng)', width: 16, format: 'money' },
  { header: 'Lãi quá hạn (đồng)', width: 14, format: 'money' },
  { header: 'Số ngày quá hạn', width: 10 },
  { header: 'Nhóm nợ', width: 8 },
  { header: 'Dự phòng (đồng)', width: 16, format: 'money' },
];

const STATEMENT_COLUMNS: SheetColumn[] = [
  { header: 'Ngày', width: 13, format: 'date' },
  { header: 'Nội dung', width: 16 },
  { header: 'Số tiền (đồng)', width: 16, format: 'money' },
  { header: 'Gốc (đồng)', width: 16, format: 'money' },
  { header: 'Lãi (đồng)', width: 14, format: 'money' },
  { header: 'Lãi quá hạn (đồng)', width: 14, format: 'money' },
  { header: 'Dư nợ sau (đồng)', width: 16, format: 'money' },
  { header: 'Chứng từ', width: 16, format: 'text' },
  { header: 'Đã hủy (lý do)', width: 30 },
];

const amountColumns = (first: SheetColumn): SheetColumn[] => [
  first,
  { header: 'Số khoản vay', width: 12 },
  { header: 'Dư nợ gốc (đồng)', width: 18, format: 'money' },
];

const DUE_COLUMNS: SheetColumn[] = [
  { header: 'Số hợp đồng', width: 18, format: 'text' },
  { header: 'Tổ chức vay', width: 40 },
  { header: 'Ngày đến hạn', width: 13, format: 'date' },
  { header: 'Gốc (đồng)', width: 16, format: 'money' },
  { header: 'Lãi (đồng)', width: 16, format: 'money' },
];

const OVERDUE_COLUMNS: SheetColumn[] = [
  { header: 'Số hợp đồng', width: 18, format: 'text' },
  { header: 'Tổ chức vay', width: 40 },
  { header: 'Xã, phường', width: 22 },
  { header: 'Dư nợ gốc (đồng)', width: 16, format: 'money' },
  { header: 'Gốc quá hạn (đồng)', width: 16, format: 'money' },
  { header: 'Lãi đến hạn chưa trả (đồng)', width: 16, format: 'money' },
  { header: 'Lãi quá hạn (đồng)', width: 14, format: 'money' },
  { header: 'Quá hạn từ ngày', width: 13, format: 'date' },
  { header: 'Số ngày quá hạn', width: 10 },
  { header: 'Nhóm nợ', width: 8 },
];

const COLLECTION_COLUMNS: SheetColumn[] = [
  { header: 'Tháng', width: 10, format: 'text' },
  { header: 'Gốc (đồng)', width: 16, format: 'money' },
  { header: 'Lãi (đồng)', width: 16, format: 'money' },
  { header: 'Lãi quá hạn (đồng)', width: 16, format: 'money' },
  { header: 'Tổng thu (đồng)', width: 16, format: 'money' },
];

const shown = (date: string) => date.split('-').reverse().join('/');
/** "2026-11" → "11/2026". */
const shownMonth = (month: string) => month.split('-').reverse().join('/');

/**
 * Excel files of the portfolio (one row per loan owing on the date, ready for a pivot table, then a
 * sheet for each of the portfolio page's reports) and of a borrower's statement. The figures are computed before the file starts, so a refusal is a
 * proper error and not a broken download.
 */
export function createFinanceExporter(deps: {
  portfolio: Pick<PortfolioService, 'findPositions' | 'getPortfolio'>;
  ledger: Pick<LoanLedgerService, 'getStatement'>;
}) {
  return {
    async exportPortfolio(actor: Actor, query: { asOf?: string; fundId?: string }): Promise<{ fileName: string; stream: Readable }> {
      const { asOf, positions } = await deps.portfolio.findPositions(actor, query);
      const rows = positions
        .filter(({ state }) => state.outstandingPrincipal > 0)
        .sort((a, b) => a.loan.organizationName.localeCompare(b.loan.organizationName, 'vi'))
        .map(({ loan, state }) => [
          loan.contract?.number ?? null,
          loan.organizationName,
          loan.communeName,
          SECTOR_LABELS[loan.sector] ?? loan.sector,
          loan.fundName,
          loan.firstDisbursedOn,
          loan.maturityOn,
          loan.rateBp / 100,
          state.disbursed,
          state.outstandingPrincipal,
          state.overduePrincipal,
          state.interestDue,
          state.overdueInterest,
          state.daysPastDue,
          state.debtGroup,
          state.provision,
        ]);
      const report = await deps.portfolio.getPortfolio(actor, { ...query, asOf });
      const on = `đến ngày ${shown(asOf)}`;
      return {
        fileName: `du-no-quy-${asOf}.xlsx`,
        stream: writeSheets([
          { name: 'Dư nợ', columns: PORTFOLIO_COLUMNS, title: `Dư nợ Quỹ hỗ trợ phát triển HTX ${on}`, rows },
          {
            name: 'Theo quỹ',
            columns: amountColumns({ header: 'Quỹ', width: 36 }),
            title: `Dư nợ theo quỹ ${on}`,
            rows: report.byFund.map((row) => [row.fundName, row.loans, row.outstanding]),
          },
          {
            name: 'Theo nhóm nợ',
            columns: [...amountColumns({ header: 'Nhóm nợ', width: 10 }), { header: 'Dự phòng (đồng)', width: 18, format: 'money' }],
            title: `Dư nợ theo nhóm nợ ${on}; PAR 30: ${(report.par30.ratioBp / 100).toFixed(2)}%, PAR 90: ${(report.par90.ratioBp / 100).toFixed(2)}%`,
            rows: report.byDebtGroup.map((row) => [row.group, row.loans, row.outstanding, row.provision]),
          },
          {
            name: 'Theo ngành',
            columns: amountColumns({ header: 'Ngành', width: 24 }),
            title: `Dư nợ theo ngành ${on}`,
            rows: report.bySector.map((row) => [SECTOR_LABELS[row.sector] ?? row.sector, row.loans, row.outstanding]),
          },
          {
            name: 'Theo xã',
            columns: amountColumns({ header: 'Xã, phường', width: 28 }),
            title: `Dư nợ theo xã, phường ${on}`,
            rows: report.byCommune.map((row) => [row.communeName, row.loans, row.outstanding]),
          },
          {
            name: 'Đến hạn trong tháng',
            columns: DUE_COLUMNS,
            title: `Gốc và lãi đến hạn tháng ${shownMonth(report.dueThisMonth.month)}`,
            rows: report.dueThisMonth.items.map((item) => [
              item.contractNumber,
              item.organizationName,
              item.dueDate,
              item.principal,
              item.interest,
            ]),
          },
          {
            name: 'Quá hạn',
            columns: OVERDUE_COLUMNS,
            title: `Khoản vay quá hạn ${on}`,
            rows: report.overdueLoans.map((item) => [
              item.contractNumber,
              item.organizationName,
              item.communeName,
              item.outstanding,
              item.overduePrincipal,
              item.interestDue,
              item.overdueInterest,
              item.oldestUnpaidDueDate,
              item.daysPastDue,
              item.debtGroup,
            ]),
          },
          {
            name: 'Thu nợ theo tháng',
            columns: COLLECTION_COLUMNS,
            title: `Thu nợ 12 tháng ${on}`,
            rows: report.collectionsByMonth.map((row) => [
              shownMonth(row.month),
              row.principal,
              row.interest,
              row.overdueInterest,
              row.total,
            ]),
          },
        ]),
      };
    },

    async exportStatement(actor: Actor, id: string, asOf?: string): Promise<{ fileName: string; stream: Readable }> {
      const statement = await deps.ledger.getStatement(actor, id, asOf);
      const rows = statement.entries.map((entry) => [
        entry.date,
        ENTRY_LABELS[entry.kind],
        entry.amount,
        entry.principal,
        entry.interest,
        entry.overdueInterest,
        entry.balance,
        entry.reference,
        entry.isReversed ? (entry.reversalReason ?? 'Đã hủy') : null,
      ]);
      const contract = statement.contractNumber ? `hợp đồng ${statement.contractNumber}` : 'khoản vay';
      return {
        fileName: `sao-ke-${statement.contractNumber ?? statement.loanId}-${statement.asOf}.xlsx`,
        stream: writeSheets([
          {
            name: 'Sao kê',
            columns: STATEMENT_COLUMNS,
            title: `Sao kê ${contract} — ${statement.organizationName} — đến ngày ${shown(statement.asOf)}`,
            rows,
          },
        ]),
      };
    },
  };
}

export type FinanceExporter = ReturnType<typeof createFinanceExporter>;
