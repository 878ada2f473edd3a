import type {
  AdvisoryBoard,
  AdvisoryCase,
  advisoryBoardQuerySchema,
  AdvisoryCaseSummary,
  advisoryCaseListQuerySchema,
  CreateAdvisoryCase,
  MoveAdvisoryStage,
  RegisterAdvisoryCase,
  UpdateAdvisoryCase,
} from '../../../contracts/advisory.ts';
import { advisoryStages, caseFieldIssues } from '../../../contracts/advisory.ts';
import type { AuditEntry } from '../../../contracts/common.ts';
import { validationMessages } from '../../../contracts/messages.ts';
import { createOrganizationSchema, type Organization } from '../../../contracts/organizations.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { type Actor, assertAllowed, scopeOf } from '../../platform/access.ts';
import { findAuditEntries, writeAudit } from '../../platform/audit.repository.ts';
import { type Clock, instantOf } from '../../platform/clock.ts';
import { AppError, badRequest, type FieldError, notFound, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { toFieldErrors } from '../../platform/validation.ts';
import type { OrganizationService } from '../organizations/organization.service.ts';
import { calendarDateInVietnam } from '../organizations/person.rules.ts';
import { type CaseRecord, createAdvisoryCaseRepository } from './advisory-case.repository.ts';
import { createAdvisoryLogRepository } from './advisory-log.repository.ts';
import { canBeAssignedCase, canListOfficers, canSeeCaseContact, canWriteAdvisoryCase } from './advisory.policy.ts';
import { canMoveStage, caseSearchText, stageChange, stagesOf } from './advisory.rules.ts';
import { type CaseValues, snapshot, toCaseColumns, toDetail, toSummary, valuesOf } from './advisory-values.ts';

const CASE = { vi: 'hồ sơ tư vấn', en: 'Advisory case' };
export const CASE_ENTITY = 'advisory_case';

const INVALID = { vi: 'Dữ liệu gửi lên chưa hợp lệ, hãy sửa các ô được đánh dấu.', en: 'Some fields are not valid; please correct them.' };
const invalid = (errors: FieldError[]) => badRequest(INVALID, errors);
const fieldError = (field: string, vi: string, en: string): FieldError => ({ field, message: { vi, en } });

const stageNotAllowed = (from: string, to: string) =>
  new AppError(409, 'stage_not_allowed', {
    vi: `Không thể chuyển hồ sơ từ giai đoạn "${from}" sang "${to}".`,
    en: `The case cannot move from stage "${from}" to "${to}".`,
  });
const registrationRoute = () =>
  new AppError(409, 'use_registration', {
    vi: 'Hồ sơ chuyển sang "đã đăng ký" qua chức năng Đăng ký, để ghi nhận hợp tác xã được thành lập.',
    en: 'A case becomes "registered" through registration, which records the cooperative founded.',
  });
const notFounding = () =>
  new AppError(409, 'not_founding', {
    vi: 'Chỉ hồ sơ tư vấn thành lập mới được đăng ký thành tổ chức.',
    en: 'Only a founding case registers an organisation.',
  });
const archivedOrganization = () =>
  new AppError(409, 'archived', { vi: 'Tổ chức đã lưu trữ, không mở hồ sơ mới.', en: 'The organisation is archived; no new cases.' });

/** Calendar dates the user names must not be in the future nor before the case opened. */
function dateErrors(field: string, date: string, today: string, openedOn?: string): FieldError[] {
  if (date > today) return [fieldError(field, 'Ngày chưa đến', 'A future date')];
  if (openedOn && date < openedOn) return [fieldError(field, 'Ngày trước ngày tiếp nhận hồ sơ', 'Before the case was opened')];
  return [];
}

function crossFieldErrors(values: Partial<CaseValues>): FieldError[] {
  return caseFieldIssues(values).map((issue) => ({
    field: issue.path,
    message: validationMessages[issue.message as keyof typeof validationMessages],
  }));
}

type ListFilters = ReturnType<typeof advisoryCaseListQuerySchema.parse>;
type BoardQuery = ReturnType<typeof advisoryBoardQuerySchema.parse>;

export function createAdvisoryCaseService(deps: {
  db: Db;
  organizations: Pick<OrganizationService, 'getOrganization' | 'createOrganization' | 'markFoundedWithSupport'>;
  clock: Clock;
}) {
  const { db, organizations, clock } = deps;
  const cases = createAdvisoryCaseRepository(db);
  const log = createAdvisoryLogRepository(db);
  const today = () => calendarDateInVietnam(clock.now());

  async function getVisible(actor: Actor, id: string): Promise<CaseRecord> {
    const found = await cases.findCaseById(scopeOf(actor), id);
    if (!found) throw notFound(CASE);
    return found;
  }

  async function getWritable(actor: Actor, id: string, version?: number): Promise<CaseRecord> {
    const current = await getVisible(actor, id);
    assertAllowed(canWriteAdvisoryCase(actor, current.provinceCode));
    if (version !== undefined && current.version !== version) throw versionConflict();
    return current;
  }

  async function assertOfficer(officerId: string, provinceCode: string): Promise<void> {
    const officer = await cases.findOfficer(officerId);
    if (!officer || !canBeAssignedCase(officer, provinceCode)) {
      throw invalid([
        fieldError(
          'assignedOfficerId',
          'Cán bộ phụ trách phải là chuyên viên đang làm việc của Liên minh tỉnh này',
          'The officer must be an active staff member of this province',
        ),
      ]);
    }
  }

  /** Where a case belongs: its organisation's commune, or the founding group's. */
  async function placeOf(actor: Actor, values: Pick<CaseValues, 'organizationId' | 'communeCode'> & { kind: CaseValues['kind'] }) {
    if (values.organizationId) {
      const organization = await organizations.getOrganization(actor, values.organizationId);
      return { communeCode: organization.communeCode, provinceCode: organization.provinceCode, organization };
    }
    const commune = await cases.findCommune(values.communeCode);
    if (!commune) throw invalid([fieldError('communeCode', 'Không có xã, phường với mã này', 'No commune has this code')]);
    return { communeCode: commune.code, provinceCode: commune.provinceCode, organization: undefined };
  }

  async function detailOf(actor: Actor, record: CaseRecord): Promise<AdvisoryCase> {
    const [activities, attachments] = [await log.findActivities(record.id), await log.findAttachments(record.id)];
    return toDetail(record, actor, today(), { activities, attachments });
  }

  /** Saves a change to a case with its history row, in one transaction; a stale version changes nothing. */
  async function saveCase(
    actor: Actor,
    current: CaseRecord,
    changes: Parameters<typeof cases.updateCase>[2],
    trxOf?: Db,
  ): Promise<CaseRecord> {
    const now = instantOf(clock);
    const work = async (trx: Db) => {
      const repository = createAdvisoryCaseRepository(trx);
      if (!(await repository.updateCase(current.id, current.version, { ...changes, updated_at: now }))) throw versionConflict();
      const saved = await repository.findCaseById(scopeOf(actor), current.id);
      if (!saved) throw notFound(CASE);
      await writeAudit(trx, {
        actor,
        entityType: CASE_ENTITY,
        entityId: current.id,
        action: 'update',
        before: snapshot(current),
        after: snapshot(saved),
        at: now,
      });
      return saved;
    };
    return trxOf ? work(trxOf) : inTransaction(db, work);
  }

  return {
    getVisible,
    getWritable,

    async findCases(actor: Actor, filters: ListFilters): Promise<{ items: AdvisoryCaseSummary[]; total: number }> {
      const day = today();
      const page = await cases.findCases(scopeOf(actor), filters, day);
      return { items: page.items.map((item) => toSummary(item, day)), total: page.total };
    },

    async findBoard(actor: Actor, query: BoardQuery): Promise<AdvisoryBoard> {
      const day = today();
      const { limit, ...filters } = query;
      const stages = filters.kind ? stagesOf(filters.kind) : [...advisoryStages];
      const columns = [];
      for (const stage of advisoryStages.filter((candidate) => stages.includes(candidate))) {
        const column = await cases.findColumn(scopeOf(actor), filters, stage, day, limit);
        columns.push({ stage, count: column.count, cards: column.cards.map((card) => toSummary(card, day)) });
      }
      return { columns };
    },

    async getCase(actor: Actor, id: string): Promise<AdvisoryCase> {
      return detailOf(actor, await getVisible(actor, id));
    },

    async createCase(actor: Actor, input: CreateAdvisoryCase): Promise<AdvisoryCase> {
      const day = today();
      const openedOn = input.openedOn ?? day;
      const place = await placeOf(actor, {
        kind: input.kind,
        organizationId: input.organizationId ?? null,
        communeCode: input.communeCode ?? '',
      });
      assertAllowed(canWriteAdvisoryCase(actor, place.provinceCode));
      if (place.organization?.archivedAt) throw archivedOrganization();
      const officerId = input.assignedOfficerId ?? actor.userId;
      if (!officerId) throw invalid([{ field: 'assignedOfficerId', message: validationMessages['validation.required'] }]);
      await assertOfficer(officerId, place.provinceCode);
      const errors = dateErrors('openedOn', openedOn, day);
      if (errors.length > 0) throw invalid(errors);
      const values: CaseValues = {
        kind: input.kind,
        title: input.title,
        description: input.description ?? null,
        openedOn,
        dueOn: input.dueOn,
        assignedOfficerId: officerId,
        organizationId: input.organizationId ?? null,
        communeCode: place.communeCode,
        groupName: input.groupName ?? null,
        contactName: input.contactName ?? null,
        contactPhone: input.contactPhone ?? null,
        intendedKind: input.intendedKind ?? null,
        intendedSector: input.intendedSector ?? null,
        foundingMembers: input.foundingMembers ?? null,
      };
      const crossErrors = crossFieldErrors(values);
      if (crossErrors.length > 0) throw invalid(crossErrors);
      const id = newId();
      const now = instantOf(clock);
      const created = await inTransaction(db, async (trx) => {
        const repository = createAdvisoryCaseRepository(trx);
        await repository.insertCase({
          id,
          ...toCaseColumns(values, { provinceCode: place.provinceCode, organizationName: place.organization?.name ?? null }),
          stage: 'inquiry',
          created_at: now,
          updated_at: now,
          version: 1,
        });
        const saved = await repository.findCaseById(scopeOf(actor), id);
        if (!saved) throw notFound(CASE);
        await writeAudit(trx, {
          actor,
          entityType: CASE_ENTITY,
          entityId: id,
          action: 'create',
          before: null,
          after: snapshot(saved),
          at: now,
        });
        return saved;
      });
      return detailOf(actor, created);
    },

    async updateCase(actor: Actor, id: string, input: UpdateAdvisoryCase): Promise<AdvisoryCase> {
      const { version, ...changes } = input;
      const current = await getWritable(actor, id, version);
      if (current.organization && changes.communeCode && changes.communeCode !== current.communeCode) {
        throw invalid([
          fieldError('communeCode', 'Xã, phường của hồ sơ theo tổ chức được tư vấn', "The case's commune follows its organisation"),
        ]);
      }
      const values: CaseValues = { ...valuesOf(current), ...changes } as CaseValues;
      const errors = [...crossFieldErrors(values), ...dateErrors('openedOn', values.openedOn, today())];
      if (errors.length > 0) throw invalid(errors);
      const place = current.organization
        ? { provinceCode: current.provinceCode }
        : await placeOf(actor, { kind: values.kind, organizationId: null, communeCode: values.communeCode });
      assertAllowed(canWriteAdvisoryCase(actor, place.provinceCode));
      if (values.assignedOfficerId !== current.assignedOfficer.id || place.provinceCode !== current.provinceCode) {
        await assertOfficer(values.assignedOfficerId, place.provinceCode);
      }
      const columns = toCaseColumns(values, { provinceCode: place.provinceCode, organizationName: current.organization?.name ?? null });
      return detailOf(actor, await saveCase(actor, current, columns));
    },

    async moveStage(actor: Actor, id: string, input: MoveAdvisoryStage): Promise<AdvisoryCase> {
      const current = await getWritable(actor, id, input.version);
      if (input.stage === 'registered') throw registrationRoute();
      if (!canMoveStage(current.kind, current.stage, input.stage)) throw stageNotAllowed(current.stage, input.stage);
      const on = input.on ?? today();
      const errors = dateErrors('on', on, today(), current.openedOn);
      if (errors.length > 0) throw invalid(errors);
      const change = stageChange(input.stage, on, input.reason ?? null);
      return detailOf(
        actor,
        await saveCase(actor, current, { stage: change.stage, closed_on: change.closedOn, dropped_reason: change.droppedReason }),
      );
    },

    /**
     * The founding group's cooperative is registered: the organisation is created (or an existing
     * one linked), marked founded with support on the registration date, and the case closes as
     * registered — all in one transaction.
     */
    async registerCase(actor: Actor, id: string, input: RegisterAdvisoryCase): Promise<AdvisoryCase> {
      const current = await getWritable(actor, id, input.version);
      if (current.kind !== 'founding') throw notFounding();
      if (!canMoveStage(current.kind, current.stage, 'registered')) throw stageNotAllowed(current.stage, 'registered');
      const errors = dateErrors('registeredOn', input.registeredOn, today(), current.openedOn);
      if (errors.length > 0) throw invalid(errors);
      let registered: CaseRecord | undefined;
      const closeCase = async (trx: Db, organization: Organization) => {
        registered = await saveCase(
          actor,
          current,
          {
            stage: 'registered',
            closed_on: input.registeredOn,
            registered_on: input.registeredOn,
            dropped_reason: null,
            organization_id: organization.id,
            commune_code: organization.communeCode,
            province_code: organization.provinceCode,
            search_text: caseSearchText({ ...current, organizationName: organization.name }),
          },
          trx,
        );
      };
      if (input.organizationId) {
        await organizations.markFoundedWithSupport(actor, input.organizationId, input.registeredOn, closeCase);
      } else {
        const parsed = createOrganizationSchema.safeParse({
          kind: current.intendedKind ?? 'cooperative',
          name: current.groupName ?? current.title,
          communeCode: current.communeCode,
          sector: current.intendedSector ?? 'agriculture',
          registeredOn: input.registeredOn,
          ...input.organization,
        });
        if (!parsed.success) throw invalid(toFieldErrors(parsed.error.issues, 'organization'));
        await organizations.createOrganization(actor, parsed.data, {
          foundedWithSupportOn: input.registeredOn,
          alsoInTransaction: closeCase,
        });
      }
      if (!registered) throw notFound(CASE);
      return detailOf(actor, registered);
    },

    /** Whom a case may be assigned to in the caller's province (a national caller names one, or sees all). */
    async findOfficers(actor: Actor, provinceCode?: string): Promise<{ id: string; name: string }[]> {
      assertAllowed(canListOfficers(actor));
      return cases.findOfficers(actor.provinceCode ?? provinceCode ?? null);
    },

    async findHistory(actor: Actor, id: string): Promise<AuditEntry[]> {
      await getVisible(actor, id);
      const entries = await findAuditEntries(db, CASE_ENTITY, id);
      if (canSeeCaseContact(actor)) return entries;
      return entries.map((entry) => ({
        ...entry,
        changes: entry.changes.map((change) =>
          change.field === 'contactPhone' ? { ...change, before: change.before && '***', after: change.after && '***' } : change,
        ),
      }));
    },
  };
}

export type AdvisoryCaseService = ReturnType<typeof createAdvisoryCaseService>;
