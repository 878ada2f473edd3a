import type { Readable } from 'node:stream';
import type {
  CreateMembership,
  Membership,
  MembershipExportFilters,
  MembershipFilters,
  MembershipStats,
  membershipStatsQuerySchema,
  OrganizationMemberships,
  UpdateMembership,
} from '../../../contracts/membership.ts';
import { validationMessages } from '../../../contracts/messages.ts';
import { organizationKinds } from '../../../contracts/organizations.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import { type Actor, assertAllowed, scopeOf } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.repository.ts';
import { type Clock, instantOf } from '../../platform/clock.ts';
import { AppError, badRequest, notFound, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { createSheetStream } from '../../platform/sheets/sheet-writer.ts';
import type { OrganizationService } from '../organizations/organization.service.ts';
import { KIND_LABELS } from '../organizations/organization-sheet.rules.ts';
import { calendarDateInVietnam } from '../organizations/person.rules.ts';
import { createDuesRepository } from './dues.repository.ts';
import { canWriteMembership } from './membership.policy.ts';
import { createMembershipRepository, type MembershipRecord, withCurrent } from './membership.repository.ts';
import { countingDayOf, periodsOverlap } from './membership.rules.ts';

const MEMBERSHIP = { vi: 'hồ sơ thành viên Liên minh', en: 'Membership' };
export const MEMBERSHIP_ENTITY = 'membership';

const overlapping = (other: MembershipRecord) =>
  new AppError(
    409,
    'membership_overlap',
    {
      vi: `"${other.organization.name}" đã là thành viên Liên minh trong khoảng thời gian này (từ ${other.joinedOn}${other.leftOn ? ` đến ${other.leftOn}` : ''}).`,
      en: `"${other.organization.name}" is already a member of the Alliance in this period (from ${other.joinedOn}${other.leftOn ? ` to ${other.leftOn}` : ''}).`,
    },
    { conflictId: other.id },
  );
const futureJoin = () =>
  badRequest({ vi: 'Ngày gia nhập chưa đến.', en: 'The joining date is in the future.' }, [
    { field: 'joinedOn', message: { vi: 'Ngày chưa đến', en: 'A future date' } },
  ]);

const CATEGORY_LABELS: Record<Membership['category'], string> = { official: 'Chính thức', associate: 'Liên kết' };

const snapshot = (record: MembershipRecord) => ({
  organizationId: record.organization.id,
  category: record.category,
  joinedOn: record.joinedOn,
  leftOn: record.leftOn,
  leftReason: record.leftReason,
  decisionNumber: record.decisionNumber,
  notes: record.notes,
});

type StatsQuery = ReturnType<typeof membershipStatsQuerySchema.parse>;

export function createMembershipService(deps: { db: Db; organizations: Pick<OrganizationService, 'getOrganization'>; clock: Clock }) {
  const { db, organizations, clock } = deps;
  const memberships = createMembershipRepository(db);
  const dues = createDuesRepository(db);
  const today = () => calendarDateInVietnam(clock.now());

  async function getVisible(actor: Actor, id: string): Promise<MembershipRecord> {
    const found = await memberships.findMembershipById(scopeOf(actor), id);
    if (!found) throw notFound(MEMBERSHIP);
    return found;
  }

  /** An organisation is a member at most once at a time. */
  async function assertNoOverlap(
    actor: Actor,
    organizationId: string,
    period: { joinedOn: string; leftOn: string | null },
    exceptId?: string,
  ) {
    const others = await memberships.findMembershipsOf(scopeOf(actor), organizationId);
    const clash = others.find((other) => other.id !== exceptId && periodsOverlap(other, period));
    if (clash) throw overlapping(clash);
  }

  /** Writes a change with its history row; the one-open-membership index turns a race into a 409. */
  async function save(actor: Actor, id: string, work: (trx: Db) => Promise<MembershipRecord | null>, before: MembershipRecord | null) {
    const now = instantOf(clock);
    try {
      return await inTransaction(db, async (trx) => {
        await work(trx);
        const saved = await createMembershipRepository(trx).findMembershipById(scopeOf(actor), id);
        if (!saved) throw notFound(MEMBERSHIP);
        await writeAudit(trx, {
          actor,
          entityType: MEMBERSHIP_ENTITY,
          entityId: id,
          action: before ? 'update' : 'create',
          before: before && snapshot(before),
          after: snapshot(saved),
          at: now,
        });
        return withCurrent(saved, today());
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw versionConflict();
      throw error;
    }
  }

  return {
    getVisible,

    async findMemberships(actor: Actor, filters: MembershipFilters): Promise<{ items: Membership[]; total: number }> {
      const day = today();
      const page = await memberships.findMemberships(scopeOf(actor), filters, day);
      return { items: page.items.map((item) => withCurrent(item, day)), total: page.total };
    },

    /** The filtered list as .xlsx, streamed in name order. */
    exportMemberships(actor: Actor, filters: MembershipExportFilters): Readable {
      const sheet = createSheetStream('Thành viên', [
        { header: 'Mã hệ thống', width: 38 },
        { header: 'Tổ chức', width: 40 },
        { header: 'Loại hình', width: 22 },
        { header: 'Mã số thuế', width: 16, format: 'text' },
        { header: 'Xã, phường', width: 22 },
        { header: 'Loại thành viên', width: 16 },
        { header: 'Ngày gia nhập', width: 14, format: 'date' },
        { header: 'Ngày ra khỏi', width: 14, format: 'date' },
        { header: 'Lý do ra khỏi', width: 30 },
        { header: 'Số quyết định', width: 16, format: 'text' },
        { header: 'Ghi chú', width: 30 },
      ]);
      const day = today();
      (async () => {
        for await (const batch of memberships.streamMemberships(scopeOf(actor), filters, day)) {
          for (const row of batch) {
            sheet.addRow([
              row.id,
              row.organization.name,
              KIND_LABELS[row.organization.kind],
              row.organization.taxCode,
              row.organization.communeName,
              CATEGORY_LABELS[row.category],
              row.joinedOn,
              row.leftOn,
              row.leftReason,
              row.decisionNumber,
              row.notes,
            ]);
          }
        }
        await sheet.finish();
      })().catch((error: unknown) => sheet.stream.destroy(error instanceof Error ? error : new Error(String(error))));
      return sheet.stream;
    },

    async getMembership(actor: Actor, id: string): Promise<Membership> {
      return withCurrent(await getVisible(actor, id), today());
    },

    async createMembership(actor: Actor, input: CreateMembership): Promise<Membership> {
      const organization = await organizations.getOrganization(actor, input.organizationId);
      assertAllowed(canWriteMembership(actor, organization.provinceCode));
      if (organization.archivedAt) {
        throw new AppError(409, 'archived', {
          vi: 'Tổ chức đã lưu trữ, không kết nạp.',
          en: 'The organisation is archived; it cannot join.',
        });
      }
      if (input.joinedOn > today()) throw futureJoin();
      await assertNoOverlap(actor, organization.id, { joinedOn: input.joinedOn, leftOn: null });
      const id = newId();
      const now = instantOf(clock);
      return save(
        actor,
        id,
        async (trx) => {
          await createMembershipRepository(trx).insertMembership({
            id,
            organization_id: organization.id,
            category: input.category,
            joined_on: input.joinedOn,
            left_on: null,
            left_reason: null,
            decision_number: input.decisionNumber ?? null,
            notes: input.notes ?? null,
            created_at: now,
            updated_at: now,
            version: 1,
          });
          return null;
        },
        null,
      );
    },

    /** Changes a membership; leaving is `leftOn` with a reason, and clearing `leftOn` undoes it. */
    async updateMembership(actor: Actor, id: string, input: UpdateMembership): Promise<Membership> {
      const current = await getVisible(actor, id);
      assertAllowed(canWriteMembership(actor, current.organization.provinceCode));
      if (current.version !== input.version) throw versionConflict();
      const { version, ...changes } = input;
      const merged = { ...snapshot(current), ...changes };
      if (merged.leftOn === null) merged.leftReason = null;
      const errors = [];
      if (merged.leftOn && !merged.leftReason) errors.push({ field: 'leftReason', message: validationMessages['validation.leaveReason'] });
      if (merged.leftOn && merged.leftOn < merged.joinedOn)
        errors.push({ field: 'leftOn', message: validationMessages['validation.endedBeforeStarted'] });
      if (errors.length > 0) throw badRequest({ vi: 'Dữ liệu chưa hợp lệ.', en: 'Some fields are not valid.' }, errors);
      if (merged.joinedOn > today()) throw futureJoin();
      await assertNoOverlap(actor, current.organization.id, { joinedOn: merged.joinedOn, leftOn: merged.leftOn ?? null }, id);
      const now = instantOf(clock);
      return save(
        actor,
        id,
        async (trx) => {
          const saved = await createMembershipRepository(trx).updateMembership(id, version, {
            category: merged.category,
            joined_on: merged.joinedOn,
            left_on: merged.leftOn ?? null,
            left_reason: merged.leftReason ?? null,
            decision_number: merged.decisionNumber ?? null,
            notes: merged.notes ?? null,
            updated_at: now,
          });
          if (!saved) throw versionConflict();
          return null;
        },
        current,
      );
    },

    /** An organisation's membership periods, newest first, each with its dues: the organisation page's tab. */
    async findOrganizationMemberships(actor: Actor, organizationId: string): Promise<OrganizationMemberships> {
      await organizations.getOrganization(actor, organizationId);
      const day = today();
      const periods = await memberships.findMembershipsOf(scopeOf(actor), organizationId);
      const rows = await dues.findDuesOf(periods.map((period) => period.id));
      return {
        items: periods.reverse().map((period) => ({
          ...withCurrent(period, day),
          dues: rows.filter((row) => row.membershipId === period.id),
        })),
      };
    },

    /** Members now (or at the end of a past year) by kind and category; joined and left per year; the year's dues. */
    async countMembers(actor: Actor, query: StatsQuery): Promise<MembershipStats> {
      const scope = scopeOf(actor);
      const day = today();
      const year = query.year ?? Number(day.slice(0, 4));
      const fromYear = query.fromYear ?? year - 9;
      const members = await memberships.countMembersOn(scope, countingDayOf(year, day), query.provinceCode);
      const flows = await memberships.countJoinedAndLeft(scope, `${fromYear}-01-01`, query.provinceCode);
      const perYear = (rows: typeof flows.joined) => {
        const counts = new Map<string, { year: number; kind: (typeof organizationKinds)[number]; count: number }>();
        for (const row of rows) {
          const key = `${row.day.slice(0, 4)}|${row.kind}`;
          const entry = counts.get(key) ?? { year: Number(row.day.slice(0, 4)), kind: row.kind, count: 0 };
          entry.count += row.count;
          counts.set(key, entry);
        }
        return [...counts.values()].sort((a, b) => a.year - b.year || a.kind.localeCompare(b.kind));
      };
      const sum = (predicate: (row: (typeof members)[number]) => boolean) =>
        members.filter(predicate).reduce((total, row) => total + row.count, 0);
      return {
        year,
        members: {
          total: sum(() => true),
          byKind: organizationKinds.map((kind) => ({ key: kind, count: sum((row) => row.kind === kind) })),
          byCategory: (['official', 'associate'] as const).map((category) => ({
            key: category,
            count: sum((row) => row.category === category),
          })),
        },
        joinedByYear: perYear(flows.joined),
        leftByYear: perYear(flows.left),
        dues: { year, ...(await dues.sumYear(scope, year, query.provinceCode)) },
      };
    },
  };
}

export type MembershipService = ReturnType<typeof createMembershipService>;
