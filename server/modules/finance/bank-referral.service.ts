import type { Readable } from 'node:stream';
import type {
  BankReferral,
  BankReferralCounts,
  BankReferralExportFilters,
  BankReferralFilters,
  CreateBankReferral,
  UpdateBankReferral,
} from '../../../contracts/finance.ts';
import { createBankReferralSchema, updateBankReferralSchema } from '../../../contracts/finance.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { type Actor, assertAllowed, scopeOf } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.repository.ts';
import { type Clock, instantOf } from '../../platform/clock.ts';
import { notFound, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { createSheetStream, type SheetColumn } from '../../platform/sheets/sheet-writer.ts';
import type { OrganizationService } from '../organizations/organization.service.ts';
import { createBankReferralRepository } from './bank-referral.repository.ts';
import { canWriteBankReferral } from './finance.policy.ts';
import { todayInVietnam } from './loan-calendar.rules.ts';
import { dateBefore, fieldProblem, futureDate } from './loan-problems.ts';

const REFERRAL = { vi: 'hồ sơ giới thiệu vay ngân hàng', en: 'Bank referral' };
const ENTITY = 'bank_referral';

type Fields = Pick<BankReferral, 'status' | 'referredOn' | 'decidedOn' | 'amountGranted'>;

/** A bank's answer needs its date, and an approval its amount. */
function checkFields(fields: Fields, today: string): void {
  if (fields.referredOn > today) throw futureDate('referredOn');
  if (fields.decidedOn && fields.decidedOn > today) throw futureDate('decidedOn');
  if (fields.decidedOn && fields.decidedOn < fields.referredOn) {
    throw dateBefore('decidedOn', fields.referredOn, { vi: 'ngày giới thiệu', en: 'the referral date' });
  }
  if (fields.status === 'approved' && !fields.amountGranted) {
    throw fieldProblem('amountGranted', { vi: 'Hãy ghi số tiền ngân hàng cho vay.', en: 'Give the amount the bank lent.' });
  }
}

const BANK_LABELS: Record<BankReferral['bank'], string> = {
  agribank: 'Agribank',
  vbsp: 'Ngân hàng Chính sách xã hội',
  bidv: 'BIDV',
  vietinbank: 'VietinBank',
  vietcombank: 'Vietcombank',
  other: 'Ngân hàng khác',
};

const STATUS_LABELS: Record<BankReferral['status'], string> = {
  referred: 'Chờ ngân hàng trả lời',
  approved: 'Được cho vay',
  rejected: 'Bị từ chối',
  withdrawn: 'Đã rút hồ sơ',
};

const EXPORT_COLUMNS: SheetColumn[] = [
  { header: 'Ngày giới thiệu', width: 13, format: 'date' },
  { header: 'Tổ chức được giới thiệu', width: 40 },
  { header: 'Ngân hàng', width: 26 },
  { header: 'Chi nhánh', width: 24 },
  { header: 'Mục đích vay', width: 36 },
  { header: 'Số tiền đề nghị (đồng)', width: 18, format: 'money' },
  { header: 'Kết quả', width: 20 },
  { header: 'Số tiền được vay (đồng)', width: 18, format: 'money' },
  { header: 'Ngày ngân hàng trả lời', width: 13, format: 'date' },
  { header: 'Ghi chú', width: 30 },
];

const snapshot = ({ id, updatedAt, version, organizationName, ...fields }: BankReferral) => fields;

export function createBankReferralService(deps: { db: Db; organizations: Pick<OrganizationService, 'getOrganization'>; clock: Clock }) {
  const { db, organizations, clock } = deps;
  const referrals = createBankReferralRepository(db);
  const today = () => todayInVietnam(clock.now());

  async function getReferral(actor: Actor, id: string, repository = referrals) {
    const referral = await repository.findReferral(scopeOf(actor), id);
    if (!referral) throw notFound(REFERRAL);
    return referral;
  }

  return {
    async findReferrals(actor: Actor, filters: BankReferralFilters): Promise<{ items: BankReferral[]; total: number }> {
      return referrals.findReferrals(scopeOf(actor), filters);
    },

    /** The filtered list as .xlsx, newest first, streamed. */
    exportReferrals(actor: Actor, filters: BankReferralExportFilters): Readable {
      const sheet = createSheetStream('Giới thiệu vay', EXPORT_COLUMNS, 'Hồ sơ giới thiệu vay vốn ngân hàng');
      (async () => {
        for await (const batch of referrals.streamReferrals(scopeOf(actor), filters)) {
          for (const row of batch) {
            sheet.addRow([
              row.referredOn,
              row.organizationName,
              BANK_LABELS[row.bank],
              row.bankBranch,
              row.purpose,
              row.amountRequested,
              STATUS_LABELS[row.status],
              row.amountGranted,
              row.decidedOn,
              row.notes,
            ]);
          }
        }
        await sheet.finish();
      })().catch((error: unknown) => sheet.stream.destroy(error instanceof Error ? error : new Error(String(error))));
      return sheet.stream;
    },

    async countByYear(actor: Actor): Promise<BankReferralCounts> {
      return referrals.countByYear(scopeOf(actor));
    },

    async createReferral(actor: Actor, input: CreateBankReferral): Promise<BankReferral> {
      const values = createBankReferralSchema.parse(input);
      const borrower = await organizations.getOrganization(actor, values.organizationId);
      assertAllowed(canWriteBankReferral(actor, borrower.provinceCode));
      checkFields({ ...values, decidedOn: values.decidedOn ?? null, amountGranted: values.amountGranted ?? null }, today());
      const now = instantOf(clock);
      const id = newId();
      return inTransaction(db, async (trx) => {
        const repository = createBankReferralRepository(trx);
        await repository.insertReferral({
          id,
          organization_id: values.organizationId,
          bank: values.bank,
          bank_branch: values.bankBranch ?? null,
          purpose: values.purpose ?? null,
          amount_requested: values.amountRequested,
          amount_granted: values.amountGranted ?? null,
          status: values.status,
          referred_on: values.referredOn,
          decided_on: values.decidedOn ?? null,
          notes: values.notes ?? null,
          created_at: now,
          updated_at: now,
          version: 1,
        });
        const { provinceCode, ...saved } = await getReferral(actor, id, repository);
        await writeAudit(trx, { actor, entityType: ENTITY, entityId: id, action: 'create', before: null, after: snapshot(saved), at: now });
        return saved;
      });
    },

    async updateReferral(actor: Actor, id: string, input: UpdateBankReferral): Promise<BankReferral> {
      const { version, ...changes } = updateBankReferralSchema.parse(input);
      const { provinceCode, ...before } = await getReferral(actor, id);
      assertAllowed(canWriteBankReferral(actor, provinceCode));
      if (before.version !== version) throw versionConflict();
      const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<BankReferral>;
      const merged = { ...before, ...defined };
      checkFields(merged, today());
      const now = instantOf(clock);
      return inTransaction(db, async (trx) => {
        const repository = createBankReferralRepository(trx);
        const saved = await repository.updateReferral(id, version, {
          bank: merged.bank,
          bank_branch: merged.bankBranch,
          purpose: merged.purpose,
          amount_requested: merged.amountRequested,
          amount_granted: merged.amountGranted,
          status: merged.status,
          referred_on: merged.referredOn,
          decided_on: merged.decidedOn,
          notes: merged.notes,
          updated_at: now,
        });
        if (!saved) throw versionConflict();
        const { provinceCode: _, ...after } = await getReferral(actor, id, repository);
        await writeAudit(trx, {
          actor,
          entityType: ENTITY,
          entityId: id,
          action: 'update',
          before: snapshot(before),
          after: snapshot(after),
          at: now,
        });
        return after;
      });
    },
  };
}

export type BankReferralService = ReturnType<typeof createBankReferralService>;
