import { type Sector, sectors } from '../../../contracts/organizations.ts';
import type { Loan } from '../../../contracts/finance.ts';
import type { LoanState, Portfolio } from '../../../contracts/finance-ledger.ts';
import type { Db } from '../../db/database.ts';
import { type Actor, assertAllowed, scopeOf } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { canReadPortfolio } from './finance.policy.ts';
import type { FundService } from './fund.service.ts';
import { monthOf, monthsEndingWith, todayInVietnam } from './loan-calendar.rules.ts';
import { createLoanLedgerRepository } from './loan-ledger.repository.ts';
import { replayLedger } from './loan-ledger.rules.ts';
import { ledgerInputOf, presentState } from './loan-ledger.service.ts';
import { BASIS_POINTS, divideRoundingHalfUp } from './loan-schedule.rules.ts';
import { type DebtGroup, debtGroups, isBadDebt } from './loan-status.rules.ts';
import { createLoanRepository } from './loan.repository.ts';

type Bucket = { loans: number; outstanding: number };
type PortfolioQuery = { asOf?: string; fundId?: string };
export type LoanPosition = { loan: Loan & { communeName: string }; state: LoanState };

function add<K>(map: Map<K, Bucket & Record<string, unknown>>, key: K, outstanding: number, extra: Record<string, unknown> = {}): void {
  const bucket = map.get(key) ?? { loans: 0, outstanding: 0, ...extra };
  bucket.loans += 1;
  bucket.outstanding += outstanding;
  map.set(key, bucket);
}

const ratioBp = (part: number, whole: number): number =>
  whole === 0 ? 0 : divideRoundingHalfUp(BigInt(part) * BigInt(BASIS_POINTS), BigInt(whole));

/**
 * The fund's loans as of a date (dư nợ): every loan that owed principal that day is replayed to
 * that day, then summed by fund, debt group, sector and commune; PAR 30/90; what falls due in the
 * month; and what was collected in each of the last twelve months.
 */
export function createPortfolioService(deps: { db: Db; funds: Pick<FundService, 'findRules'>; clock: Clock }) {
  const { db, funds, clock } = deps;
  const loans = createLoanRepository(db);
  const ledger = createLoanLedgerRepository(db);

  /** Every loan owing on the date, replayed to that day, with its debt group and provision. */
  async function findPositions(actor: Actor, query: PortfolioQuery): Promise<{ asOf: string; positions: LoanPosition[] }> {
    assertAllowed(canReadPortfolio(actor));
    const asOf = query.asOf ?? todayInVietnam(clock.now());
    const owing = await loans.findLoansOwingOn(scopeOf(actor), asOf, query.fundId);
    const events = await ledger.findEvents(owing.map((loan) => loan.id));
    const rules = await funds.findRules([...new Set(owing.map((loan) => loan.fundId))]);
    const positions = owing.flatMap((loan) => {
      const loanEvents = events.get(loan.id);
      if (!loanEvents) return [];
      return [{ loan, state: presentState(replayLedger(ledgerInputOf(loan, loanEvents, asOf)), rules.get(loan.fundId) ?? []) }];
    });
    return { asOf, positions };
  }

  return {
    findPositions,

    async getPortfolio(actor: Actor, query: PortfolioQuery): Promise<Portfolio> {
      const { asOf, positions } = await findPositions(actor, query);
      const scope = scopeOf(actor);

      const totals = { loans: 0, outstanding: 0, overduePrincipal: 0, interestDue: 0, overdueInterest: 0, provision: 0, badDebt: 0 };
      const byFund = new Map<string, Bucket & { fundName: string }>();
      const byGroup = new Map<number, Bucket & { provision: number }>(
        debtGroups.map((group) => [group, { loans: 0, outstanding: 0, provision: 0 }]),
      );
      const bySector = new Map<Sector, Bucket>();
      const byCommune = new Map<string, Bucket & { communeName: string }>();
      const par = { 30: 0, 90: 0 };
      const month = monthOf(asOf);
      const due: Portfolio['dueThisMonth'] = { month, principal: 0, interest: 0, items: [] };
      const overdueLoans: Portfolio['overdueLoans'] = [];

      for (const { loan, state } of positions) {
        for (const line of state.lines) {
          if (monthOf(line.dueDate) !== month || line.principal + line.interest === 0) continue;
          due.principal += line.principal;
          due.interest += line.interest;
          due.items.push({
            loanId: loan.id,
            contractNumber: loan.contract?.number ?? null,
            organizationName: loan.organizationName,
            dueDate: line.dueDate,
            principal: line.principal,
            interest: line.interest,
          });
        }
        const outstanding = state.outstandingPrincipal;
        if (outstanding === 0) continue;
        if (state.daysPastDue > 0) {
          overdueLoans.push({
            loanId: loan.id,
            contractNumber: loan.contract?.number ?? null,
            organizationId: loan.organizationId,
            organizationName: loan.organizationName,
            communeName: loan.communeName,
            outstanding,
            overduePrincipal: state.overduePrincipal,
            interestDue: state.interestDue,
            overdueInterest: state.overdueInterest,
            daysPastDue: state.daysPastDue,
            oldestUnpaidDueDate: state.oldestUnpaidDueDate,
            debtGroup: state.debtGroup,
          });
        }
        totals.loans += 1;
        totals.outstanding += outstanding;
        totals.overduePrincipal += state.overduePrincipal;
        totals.interestDue += state.interestDue;
        totals.overdueInterest += state.overdueInterest;
        totals.provision += state.provision;
        if (isBadDebt(state.debtGroup as DebtGroup)) totals.badDebt += outstanding;
        if (state.daysPastDue > 30) par[30] += outstanding;
        if (state.daysPastDue > 90) par[90] += outstanding;
        add(byFund, loan.fundId, outstanding, { fundName: loan.fundName });
        const group = byGroup.get(state.debtGroup);
        if (group) {
          group.loans += 1;
          group.outstanding += outstanding;
          group.provision += state.provision;
        }
        add(bySector, loan.sector, outstanding);
        add(byCommune, loan.communeCode, outstanding, { communeName: loan.communeName });
      }
      due.items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.organizationName.localeCompare(b.organizationName, 'vi'));
      overdueLoans.sort((a, b) => b.daysPastDue - a.daysPastDue || b.outstanding - a.outstanding);

      const months = monthsEndingWith(asOf, 12);
      const collected = new Map(months.map((item) => [item, { month: item, principal: 0, interest: 0, overdueInterest: 0, total: 0 }]));
      for (const row of await ledger.sumCollections(scope, `${months[0]}-01`, asOf, query.fundId)) {
        const bucket = collected.get(monthOf(row.paidOn));
        if (!bucket) continue;
        if (row.component === 'principal') bucket.principal += row.amount;
        else if (row.component === 'interest') bucket.interest += row.amount;
        else bucket.overdueInterest += row.amount;
        bucket.total += row.amount;
      }

      return {
        asOf,
        totals: { ...totals, writtenOff: await loans.sumWrittenOff(scope, asOf, query.fundId) },
        byFund: [...byFund].map(([fundId, bucket]) => ({ fundId, ...bucket })).sort((a, b) => b.outstanding - a.outstanding),
        byDebtGroup: [...byGroup].map(([group, bucket]) => ({ group, ...bucket })),
        bySector: sectors.flatMap((sector) => {
          const bucket = bySector.get(sector);
          return bucket ? [{ sector, ...bucket }] : [];
        }),
        byCommune: [...byCommune]
          .map(([communeCode, bucket]) => ({ communeCode, ...bucket }))
          .sort((a, b) => b.outstanding - a.outstanding),
        par30: { outstanding: par[30], ratioBp: ratioBp(par[30], totals.outstanding) },
        par90: { outstanding: par[90], ratioBp: ratioBp(par[90], totals.outstanding) },
        dueThisMonth: due,
        overdueLoans,
        collectionsByMonth: [...collected.values()],
      };
    },
  };
}

export type PortfolioService = ReturnType<typeof createPortfolioService>;
