import type { Readable } from 'node:stream';
import type {
  assessDuesSchema,
  Dues,
  DuesBehind,
  duesBehindQuerySchema,
  duesExportQuerySchema,
  DuesFilters,
  saveDuesSchema,
} from '../../../contracts/membership.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import { type Actor, assertAllowed, scopeOf } from '../../platform/access.ts';
import { writeAudit, writeAudits } from '../../platform/audit.repository.ts';
import { type Clock, instantOf } from '../../platform/clock.ts';
import { AppError, badRequest, notFound, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { createSheetStream } from '../../platform/sheets/sheet-writer.ts';
import { KIND_LABELS } from '../organizations/organization-sheet.rules.ts';
import { calendarDateInVietnam } from '../organizations/person.rules.ts';
import { createDuesRepository } from './dues.repository.ts';
import { canAssessDues, canWriteMembership } from './membership.policy.ts';
import { createMembershipRepository, withCurrent } from './membership.repository.ts';
import type { MembershipService } from './membership.service.ts';
import { isMemberDuring } from './membership.rules.ts';

const ENTITY = 'membership_dues';

type SaveDuesValues = ReturnType<typeof saveDuesSchema.parse>;
type AssessValues = ReturnType<typeof assessDuesSchema.parse>;
type BehindQuery = ReturnType<typeof duesBehindQuerySchema.parse>;
type ExportQuery = ReturnType<typeof duesExportQuerySchema.parse>;

const STATUS_LABELS: Record<Dues['status'], string> = { paid: 'Đã nộp đủ', partial: 'Nộp một phần', unpaid: 'Chưa nộp' };

const duplicateReceipt = (receiptNumber: string, year: number, holder?: string) =>
  new AppError(
    409,
    'duplicate_receipt',
    {
      vi: `Biên lai số ${receiptNumber} năm ${year} đã được ghi${holder ? ` cho "${holder}"` : ''}.`,
      en: `Receipt ${receiptNumber} of ${year} is already recorded${holder ? ` for "${holder}"` : ''}.`,
    },
    { errors: [{ field: 'receiptNumber', message: { vi: 'Số biên lai đã dùng trong năm', en: 'Receipt number already used this year' } }] },
  );

const outsideMembership = (year: number) =>
  badRequest({ vi: `Tổ chức không là thành viên trong năm ${year}.`, en: `The organisation was not a member in ${year}.` }, [
    { field: 'year', message: { vi: 'Ngoài thời gian là thành viên', en: 'Outside the membership' } },
  ]);

const snapshot = (dues: Dues | undefined) =>
  dues
    ? {
        year: dues.year,
        amountDue: dues.amountDue,
        amountPaid: dues.amountPaid,
        paidOn: dues.paidOn,
        receiptNumber: dues.receiptNumber,
        notes: dues.notes,
      }
    : null;

/** Yearly dues (hội phí): what each member owes and paid, with receipt numbers; who is behind. */
export function createDuesService(deps: { db: Db; memberships: Pick<MembershipService, 'getVisible'>; clock: Clock }) {
  const { db, memberships, clock } = deps;
  const dues = createDuesRepository(db);
  const membershipRepository = createMembershipRepository(db);
  const today = () => calendarDateInVietnam(clock.now());

  return {
    async findDues(actor: Actor, filters: DuesFilters): Promise<{ items: Dues[]; total: number }> {
      return dues.findDues(scopeOf(actor), filters);
    },

    /** Sets or changes a member's dues of a year (naming the version read when changing). */
    async saveDues(actor: Actor, membershipId: string, year: number, input: SaveDuesValues): Promise<{ dues: Dues; isNew: boolean }> {
      const membership = await memberships.getVisible(actor, membershipId);
      const provinceCode = membership.organization.provinceCode;
      assertAllowed(canWriteMembership(actor, provinceCode));
      if (!isMemberDuring(membership, year)) throw outsideMembership(year);
      if (input.paidOn && input.paidOn > today()) {
        throw badRequest({ vi: 'Ngày nộp chưa đến.', en: 'The payment date is in the future.' }, [
          { field: 'paidOn', message: { vi: 'Ngày chưa đến', en: 'A future date' } },
        ]);
      }
      const existing = await dues.findDuesRecord(membershipId, year);
      if (existing ? existing.version !== input.version : input.version !== undefined) throw versionConflict();
      if (input.receiptNumber) {
        const holder = await dues.findReceiptHolder(provinceCode, year, input.receiptNumber);
        if (holder && holder.id !== existing?.id) throw duplicateReceipt(input.receiptNumber, year, holder.name);
      }
      const now = instantOf(clock);
      const columns = {
        amount_due: input.amountDue,
        amount_paid: input.amountPaid,
        paid_on: input.paidOn ?? null,
        receipt_number: input.receiptNumber ?? null,
        notes: input.notes ?? null,
        updated_at: now,
      };
      try {
        return await inTransaction(db, async (trx) => {
          const repository = createDuesRepository(trx);
          const id = existing?.id ?? newId();
          if (existing) {
            if (!(await repository.updateDues(id, existing.version, columns))) throw versionConflict();
          } else {
            await repository.insertDues([
              {
                id,
                membership_id: membershipId,
                organization_id: membership.organization.id,
                province_code: provinceCode,
                year,
                ...columns,
                created_at: now,
                version: 1,
              },
            ]);
          }
          const saved = await repository.findDuesRecord(membershipId, year);
          if (!saved) throw notFound({ vi: 'hội phí', en: 'Dues' });
          await writeAudit(trx, {
            actor,
            entityType: ENTITY,
            entityId: id,
            action: existing ? 'update' : 'create',
            before: snapshot(existing),
            after: snapshot(saved),
            at: now,
          });
          return { dues: saved, isNew: !existing };
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // Either someone entered the same year first, or took the receipt number meanwhile.
        const holder = input.receiptNumber ? await dues.findReceiptHolder(provinceCode, year, input.receiptNumber) : undefined;
        if (holder && input.receiptNumber) throw duplicateReceipt(input.receiptNumber, year, holder.name);
        throw versionConflict();
      }
    },

    /** Sets the year's dues of every member of that year who has none, by kind of organisation; others are left alone. */
    async assessDues(actor: Actor, input: AssessValues): Promise<{ year: number; created: number; alreadySet: number }> {
      const provinceCode = input.provinceCode ?? actor.provinceCode;
      assertAllowed(canAssessDues(actor, provinceCode));
      const members = await dues.findMembersToAssess(scopeOf(actor), input.year, provinceCode);
      const now = instantOf(clock);
      const rows = members.flatMap((member) => {
        const amount = input.amounts[member.kind];
        if (member.dues_id || amount === undefined) return [];
        return [
          {
            id: newId(),
            membership_id: member.id,
            organization_id: member.organization_id,
            province_code: member.province_code,
            year: input.year,
            amount_due: amount,
            amount_paid: 0,
            paid_on: null,
            receipt_number: null,
            notes: null,
            created_at: now,
            updated_at: now,
            version: 1,
          },
        ];
      });
      try {
        await inTransaction(db, async (trx) => {
          await createDuesRepository(trx).insertDues(rows);
          const audits = rows.map((row) => ({
            actor,
            entityType: ENTITY,
            entityId: row.id,
            action: 'create' as const,
            before: null,
            after: { year: row.year, amountDue: row.amount_due, amountPaid: 0 },
            at: now,
          }));
          await writeAudits(trx, audits, 500);
        });
      } catch (error) {
        // Someone set some of the same dues meanwhile: nothing was written; running it again fills the rest.
        if (isUniqueViolation(error)) throw versionConflict();
        throw error;
      }
      return { year: input.year, created: rows.length, alreadySet: members.filter((member) => member.dues_id).length };
    },

    /** Members (during `year`) who owe dues of that year or earlier, with what they owe per year. */
    async findBehind(actor: Actor, query: BehindQuery): Promise<DuesBehind> {
      const scope = scopeOf(actor);
      const year = query.year ?? Number(today().slice(0, 4));
      const found = await dues.findBehind(scope, year, query);
      const records = new Map((await membershipRepository.findMembershipsByIds(scope, found.ids)).map((record) => [record.id, record]));
      const day = today();
      const items = found.ids.flatMap((id) => {
        const record = records.get(id);
        if (!record) return [];
        const years = found.years.filter((row) => row.membershipId === record.id);
        const paidDays = years.flatMap((row) => (row.paidOn ? [row.paidOn] : [])).sort();
        const membership = withCurrent(record, day);
        return [
          {
            membershipId: record.id,
            organization: membership.organization,
            category: membership.category,
            joinedOn: membership.joinedOn,
            outstanding: years.reduce((total, row) => total + row.outstanding, 0),
            years: years.filter((row) => row.outstanding > 0).map((row) => ({ year: row.year, outstanding: row.outstanding })),
            lastPaidOn: paidDays.at(-1) ?? null,
          },
        ];
      });
      return { items, total: found.total, page: query.page, pageSize: query.pageSize, year, totalOutstanding: found.totalOutstanding };
    },

    /** The dues list of a year as .xlsx, streamed in name order. */
    exportDues(actor: Actor, filters: ExportQuery): Readable {
      const sheet = createSheetStream(`Hội phí ${filters.year}`, [
        { header: 'Mã hệ thống', width: 38 },
        { header: 'Tổ chức', width: 40 },
        { header: 'Loại hình', width: 22 },
        { header: 'Năm', width: 8 },
        { header: 'Phải nộp (đồng)', width: 16, format: 'money' },
        { header: 'Đã nộp (đồng)', width: 16, format: 'money' },
        { header: 'Còn nợ (đồng)', width: 16, format: 'money' },
        { header: 'Tình trạng', width: 14 },
        { header: 'Ngày nộp', width: 14, format: 'date' },
        { header: 'Số biên lai', width: 16, format: 'text' },
        { header: 'Ghi chú', width: 30 },
      ]);
      (async () => {
        for await (const batch of dues.streamDues(scopeOf(actor), filters)) {
          for (const row of batch) {
            sheet.addRow([
              row.id,
              row.organizationName,
              KIND_LABELS[row.organizationKind],
              row.year,
              row.amountDue,
              row.amountPaid,
              row.outstanding,
              STATUS_LABELS[row.status],
              row.paidOn,
              row.receiptNumber,
              row.notes,
            ]);
          }
        }
        await sheet.finish();
      })().catch((error: unknown) => sheet.stream.destroy(error instanceof Error ? error : new Error(String(error))));
      return sheet.stream;
    },
  };
}

export type DuesService = ReturnType<typeof createDuesService>;
