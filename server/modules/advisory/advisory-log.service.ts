import type { AdvisoryActivity, AdvisoryAttachment, CreateAdvisoryActivity, UpdateAdvisoryActivity } from '../../../contracts/advisory.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { type Actor, assertAllowed } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.repository.ts';
import { type Clock, instantOf } from '../../platform/clock.ts';
import { AppError, badRequest, notFound, versionConflict } from '../../platform/errors.ts';
import { createFileRepository } from '../../platform/files.repository.ts';
import { newId } from '../../platform/ids.ts';
import { calendarDateInVietnam } from '../organizations/person.rules.ts';
import { createAdvisoryCaseRepository } from './advisory-case.repository.ts';
import type { AdvisoryCaseService } from './advisory-case.service.ts';
import { createAdvisoryLogRepository } from './advisory-log.repository.ts';
import { canBeAssignedCase, canWriteAdvisoryCase } from './advisory.policy.ts';
import { minutesOf } from './advisory.rules.ts';
import { storeAttachmentFile } from '../../platform/attachment-files.ts';

const ACTIVITY = { vi: 'hoạt động', en: 'Activity' };
const ATTACHMENT = { vi: 'tệp đính kèm', en: 'Attachment' };

const notAnOfficer = () =>
  badRequest({ vi: 'Người thực hiện phải là cán bộ của Liên minh tỉnh này.', en: 'The person must be a staff member of this province.' }, [
    { field: 'userId', message: { vi: 'Không phải cán bộ của tỉnh', en: 'Not a staff member of this province' } },
  ]);
const futureDate = () =>
  badRequest({ vi: 'Ngày thực hiện chưa đến.', en: 'The date is in the future.' }, [
    { field: 'happenedOn', message: { vi: 'Ngày chưa đến', en: 'A future date' } },
  ]);

const activitySnapshot = (activity: AdvisoryActivity) => ({
  caseId: activity.caseId,
  happenedOn: activity.happenedOn,
  userId: activity.user.id,
  description: activity.description,
  hours: activity.hours,
});

/** The work log of a case (who did what, when, for how long) and its files. */
export function createAdvisoryLogService(deps: { db: Db; cases: Pick<AdvisoryCaseService, 'getVisible' | 'getWritable'>; clock: Clock }) {
  const { db, cases, clock } = deps;
  const log = createAdvisoryLogRepository(db);
  const caseRepository = createAdvisoryCaseRepository(db);

  async function assertPerformer(userId: string, provinceCode: string) {
    const user = await caseRepository.findOfficer(userId);
    if (!user || !canBeAssignedCase({ ...user, isActive: true }, provinceCode)) throw notAnOfficer();
  }

  async function getWritableActivity(actor: Actor, id: string) {
    const activity = await log.findActivity(id);
    if (!activity) throw notFound(ACTIVITY);
    // The case decides: not visible is 404, visible but not writable is 403.
    const owner = await cases.getVisible(actor, activity.caseId).catch(() => {
      throw notFound(ACTIVITY);
    });
    assertAllowed(canWriteAdvisoryCase(actor, owner.provinceCode));
    return { activity, owner };
  }

  return {
    async addActivity(actor: Actor, caseId: string, input: CreateAdvisoryActivity & { hours: number }): Promise<AdvisoryActivity> {
      const owner = await cases.getWritable(actor, caseId);
      const userId = input.userId ?? actor.userId;
      if (!userId) throw notAnOfficer();
      await assertPerformer(userId, owner.provinceCode);
      if (input.happenedOn > calendarDateInVietnam(clock.now())) throw futureDate();
      const id = newId();
      const now = instantOf(clock);
      return inTransaction(db, async (trx) => {
        const repository = createAdvisoryLogRepository(trx);
        await repository.insertActivity({
          id,
          case_id: caseId,
          happened_on: input.happenedOn,
          user_id: userId,
          description: input.description,
          minutes: minutesOf(input.hours),
          created_at: now,
          updated_at: now,
          version: 1,
        });
        const saved = await repository.findActivity(id);
        if (!saved) throw notFound(ACTIVITY);
        await writeAudit(trx, {
          actor,
          entityType: 'advisory_activity',
          entityId: id,
          action: 'create',
          before: null,
          after: activitySnapshot(saved),
          at: now,
        });
        return saved;
      });
    },

    async updateActivity(actor: Actor, id: string, input: UpdateAdvisoryActivity): Promise<AdvisoryActivity> {
      const { activity, owner } = await getWritableActivity(actor, id);
      if (activity.version !== input.version) throw versionConflict();
      if (input.userId && input.userId !== activity.user.id) await assertPerformer(input.userId, owner.provinceCode);
      if (input.happenedOn && input.happenedOn > calendarDateInVietnam(clock.now())) throw futureDate();
      const now = instantOf(clock);
      return inTransaction(db, async (trx) => {
        const repository = createAdvisoryLogRepository(trx);
        const saved = await repository.updateActivity(id, input.version, {
          ...(input.happenedOn ? { happened_on: input.happenedOn } : {}),
          ...(input.userId ? { user_id: input.userId } : {}),
          ...(input.description ? { description: input.description } : {}),
          ...(input.hours !== undefined ? { minutes: minutesOf(input.hours) } : {}),
          updated_at: now,
        });
        if (!saved) throw versionConflict();
        const updated = await repository.findActivity(id);
        if (!updated) throw notFound(ACTIVITY);
        await writeAudit(trx, {
          actor,
          entityType: 'advisory_activity',
          entityId: id,
          action: 'update',
          before: activitySnapshot(activity),
          after: activitySnapshot(updated),
          at: now,
        });
        return updated;
      });
    },

    /** Refuses before the upload is read when the caller may not attach to this case. */
    async assertMayAttach(actor: Actor, caseId: string): Promise<void> {
      await cases.getWritable(actor, caseId);
    },

    /** Keeps a checked file (PDF, .docx, JPEG, PNG, ≤ 10 MB) with the case, the file and its history row in one transaction. */
    async addAttachment(actor: Actor, caseId: string, upload: { fileName: string; content: Buffer }): Promise<AdvisoryAttachment> {
      await cases.getWritable(actor, caseId);
      const id = newId();
      const now = instantOf(clock);
      return inTransaction(db, async (trx) => {
        const repository = createAdvisoryLogRepository(trx);
        await repository.insertAttachment({ id, case_id: caseId, ...(await storeAttachmentFile(trx, actor, upload, now)) });
        const saved = await repository.findAttachment(id);
        if (!saved) throw notFound(ATTACHMENT);
        await writeAudit(trx, {
          actor,
          entityType: 'advisory_attachment',
          entityId: id,
          action: 'create',
          before: null,
          after: { caseId, name: saved.name, type: saved.type, size: saved.size },
          at: now,
        });
        const { fileId: _fileId, ...attachment } = saved;
        return attachment;
      });
    },

    /** The file, for whoever may see its case. */
    async readAttachment(actor: Actor, id: string): Promise<{ attachment: AdvisoryAttachment; content: Buffer }> {
      const attachment = await log.findAttachment(id);
      if (!attachment) throw notFound(ATTACHMENT);
      await cases.getVisible(actor, attachment.caseId).catch(() => {
        throw notFound(ATTACHMENT);
      });
      const content = await createFileRepository(db).findFileContent(attachment.fileId);
      if (!content) throw notFound(ATTACHMENT);
      const { fileId: _fileId, ...rest } = attachment;
      return { attachment: rest, content };
    },

    /** Takes a file off the case; the stored file and the history stay. */
    async removeAttachment(actor: Actor, id: string): Promise<void> {
      const attachment = await log.findAttachment(id);
      if (!attachment) throw notFound(ATTACHMENT);
      const owner = await cases.getVisible(actor, attachment.caseId).catch(() => {
        throw notFound(ATTACHMENT);
      });
      assertAllowed(canWriteAdvisoryCase(actor, owner.provinceCode));
      const now = instantOf(clock);
      await inTransaction(db, async (trx) => {
        if (!(await createAdvisoryLogRepository(trx).removeAttachment(id, now))) {
          throw new AppError(409, 'already_removed', { vi: 'Tệp đã được gỡ.', en: 'The file was already removed.' });
        }
        await writeAudit(trx, {
          actor,
          entityType: 'advisory_attachment',
          entityId: id,
          action: 'archive',
          before: { caseId: attachment.caseId, name: attachment.name },
          after: { caseId: attachment.caseId, name: attachment.name, removed: true },
          at: now,
        });
      });
    },
  };
}

export type AdvisoryLogService = ReturnType<typeof createAdvisoryLogService>;
