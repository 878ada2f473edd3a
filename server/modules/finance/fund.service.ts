import type { CreateFund, Fund, FundRules, FundRulesInput, UpdateFund } from '../../../contracts/finance.ts';
import { createFundSchema, fundRulesInputSchema, updateFundSchema } from '../../../contracts/finance.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import { type Actor, assertAllowed, scopeOf, systemActor } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.repository.ts';
import { type Clock, instantOf } from '../../platform/clock.ts';
import { AppError, badRequest, type FieldError, notFound, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { canManageFund } from './finance.policy.ts';
import { createFundRepository, type FundBalances, type FundRow, toFundRules, toFundRulesRow } from './fund.repository.ts';
import { todayInVietnam } from './loan-calendar.rules.ts';
import { classificationProblems, rulesApplyingOn } from './loan-status.rules.ts';

export const FUND = { vi: 'quỹ', en: 'Fund' };

const RULE_MESSAGES: Record<string, FieldError['message']> = {
  debtGroupMinDays: { vi: 'Số ngày quá hạn của các nhóm nợ phải tăng dần', en: 'The days of the debt groups must rise' },
  provisionBp: { vi: 'Tỷ lệ trích lập tăng dần theo nhóm và không quá 100%', en: 'Provisions rise by group, at most 100%' },
  overdueFactorPercent: { vi: 'Lãi quá hạn từ 100% đến 150% lãi trong hạn', en: 'Overdue interest is 100–150% of the rate' },
};

const duplicateRulesDate = (date: string) =>
  new AppError(409, 'duplicate_rules_date', {
    vi: `Quỹ đã có bộ quy định áp dụng từ ngày ${date}.`,
    en: `The fund already has rules applying from ${date}.`,
  });

function checkRules(rules: Omit<FundRules, 'id' | 'createdAt'>, prefix: string): void {
  const problems = classificationProblems({
    debtGroupMinDays: rules.debtGroupMinDays,
    restructuredMinGroup: rules.restructuredMinGroup as 1,
    provisionBp: rules.provisionBp,
    overdueFactorPercent: rules.overdueFactorPercent,
  });
  if (problems.length === 0) return;
  throw badRequest(
    { vi: 'Quy định của quỹ chưa hợp lệ.', en: 'The fund rules are not valid.' },
    problems.map((problem) => ({
      field: `${prefix}${problem.field}`,
      message: RULE_MESSAGES[problem.field] ?? RULE_MESSAGES.provisionBp!,
    })),
  );
}

function toFund(row: FundRow, rules: FundRules[], balances: FundBalances, today: string): Fund {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    provinceCode: row.province_code,
    capital: row.capital,
    lentOut: balances.lentOut,
    writtenOff: balances.writtenOff,
    available: row.capital - balances.lentOut - balances.writtenOff,
    committed: balances.committed,
    notes: row.notes,
    rules,
    currentRules: rulesApplyingOn(rules, today) ?? rules[0] ?? null,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

function snapshot(fund: Fund | undefined): Record<string, unknown> | null {
  if (!fund) return null;
  return { name: fund.name, kind: fund.kind, provinceCode: fund.provinceCode, capital: fund.capital, notes: fund.notes };
}

export function createFundService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const funds = createFundRepository(db);

  async function present(rows: FundRow[], repository = funds): Promise<Fund[]> {
    const ids = rows.map((row) => row.id);
    const [rules, balances] = await Promise.all([repository.findRules(ids), repository.findBalances(ids)]);
    const today = todayInVietnam(clock.now());
    return rows.map((row) =>
      toFund(
        row,
        rules.filter((rule) => rule.fund_id === row.id).map(toFundRules),
        balances.get(row.id) ?? { lentOut: 0, writtenOff: 0, committed: 0 },
        today,
      ),
    );
  }

  async function getFund(actor: Actor, id: string, repository = funds): Promise<Fund> {
    const row = await repository.findFund(scopeOf(actor), id);
    if (!row) throw notFound(FUND);
    const [fund] = await present([row], repository);
    return fund as Fund;
  }

  return {
    getFund,

    async findFunds(actor: Actor): Promise<Fund[]> {
      return present(await funds.findFunds(scopeOf(actor)));
    },

    async createFund(actor: Actor, input: CreateFund): Promise<Fund> {
      const values = createFundSchema.parse(input);
      assertAllowed(canManageFund(actor, values.provinceCode));
      checkRules(values.rules, 'rules.');
      const now = instantOf(clock);
      const id = newId();
      return inTransaction(db, async (trx) => {
        const repository = createFundRepository(trx);
        await repository.insertFund({
          id,
          name: values.name,
          kind: values.kind,
          province_code: values.provinceCode,
          capital: values.capital,
          notes: values.notes ?? null,
          created_at: now,
          updated_at: now,
          version: 1,
        });
        await repository.insertRules(toFundRulesRow(id, newId(), values.rules, actor.userId, now));
        const fund = await getFund(actor, id, repository);
        await writeAudit(trx, { actor, entityType: 'fund', entityId: id, action: 'create', before: null, after: snapshot(fund), at: now });
        return fund;
      });
    },

    async updateFund(actor: Actor, id: string, input: UpdateFund): Promise<Fund> {
      const { version, ...changes } = updateFundSchema.parse(input);
      const before = await getFund(actor, id);
      assertAllowed(canManageFund(actor, before.provinceCode));
      if (before.version !== version) throw versionConflict();
      const now = instantOf(clock);
      return inTransaction(db, async (trx) => {
        const repository = createFundRepository(trx);
        const saved = await repository.updateFund(id, version, {
          ...(changes.name !== undefined ? { name: changes.name } : {}),
          ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
          ...(changes.capital !== undefined ? { capital: changes.capital } : {}),
          ...(changes.notes !== undefined ? { notes: changes.notes } : {}),
          updated_at: now,
        });
        if (!saved) throw versionConflict();
        const after = await getFund(actor, id, repository);
        await writeAudit(trx, {
          actor,
          entityType: 'fund',
          entityId: id,
          action: 'update',
          before: snapshot(before),
          after: snapshot(after),
          at: now,
        });
        return after;
      });
    },

    /** A change of rules is a new row applying from its date; earlier loans keep the terms they signed. */
    async addRules(actor: Actor, id: string, input: FundRulesInput): Promise<Fund> {
      const rules = fundRulesInputSchema.parse(input);
      const fund = await getFund(actor, id);
      assertAllowed(canManageFund(actor, fund.provinceCode));
      checkRules(rules, '');
      if (fund.rules.some((row) => row.appliesFrom === rules.appliesFrom)) throw duplicateRulesDate(rules.appliesFrom);
      const now = instantOf(clock);
      try {
        return await inTransaction(db, async (trx) => {
          const repository = createFundRepository(trx);
          const rulesId = newId();
          await repository.insertRules(toFundRulesRow(id, rulesId, rules, actor.userId, now));
          await writeAudit(trx, {
            actor,
            entityType: 'fund_rules',
            entityId: rulesId,
            action: 'create',
            before: null,
            after: { fundId: id, ...rules },
            at: now,
          });
          return getFund(actor, id, repository);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicateRulesDate(rules.appliesFrom);
        throw error;
      }
    },

    /** Rules rows of funds, for the loan and portfolio services. */
    async findRules(fundIds: string[], repository = funds): Promise<Map<string, FundRules[]>> {
      const rows = await repository.findRules(fundIds);
      const byFund = new Map<string, FundRules[]>(fundIds.map((fundId) => [fundId, []]));
      for (const row of rows) byFund.get(row.fund_id)?.push(toFundRules(row));
      return byFund;
    },

    /** What the fund can still disburse, read under the fund's lock inside the caller's transaction. */
    async availableInTransaction(trx: Db, fundId: string): Promise<number> {
      const repository = createFundRepository(trx);
      await repository.lockFund(fundId);
      const row = await repository.findFund(scopeOf(systemActor), fundId);
      if (!row) throw notFound(FUND);
      const balances = (await repository.findBalances([fundId])).get(fundId);
      return row.capital - (balances?.lentOut ?? 0) - (balances?.writtenOff ?? 0);
    },
  };
}

export type FundService = ReturnType<typeof createFundService>;
