import type { Insertable } from 'kysely';
import type { AdvisoryActivity, AdvisoryAttachment } from '../../../contracts/advisory.ts';
import type { Db } from '../../db/database.ts';
import type { AdvisoryActivityTable, AdvisoryAttachmentTable } from '../../db/schema.ts';
import { hoursOf } from './advisory.rules.ts';

/** The most a case page lists of each; a case with more is a sign of something else. */
const MAX_ROWS = 1000;

type ActivityRow = AdvisoryActivityTable & { user_name: string };

const toActivity = (row: ActivityRow): AdvisoryActivity => ({
  id: row.id,
  caseId: row.case_id,
  happenedOn: row.happened_on,
  user: { id: row.user_id, name: row.user_name },
  description: row.description,
  hours: hoursOf(row.minutes),
  createdAt: row.created_at,
  version: row.version,
});

const toAttachment = (row: AdvisoryAttachmentTable): AdvisoryAttachment => ({
  id: row.id,
  caseId: row.case_id,
  name: row.name,
  type: row.file_type,
  contentType: row.content_type,
  size: row.size,
  uploadedBy: row.uploaded_by_name,
  uploadedAt: row.uploaded_at,
});

/** The work log (activities) and the files of advisory cases. */
export function createAdvisoryLogRepository(db: Db) {
  const activities = () =>
    db
      .selectFrom('advisory_activities')
      .innerJoin('users as u', 'u.id', 'advisory_activities.user_id')
      .selectAll('advisory_activities')
      .select('u.display_name as user_name');

  return {
    async findActivities(caseId: string): Promise<AdvisoryActivity[]> {
      const rows = await activities()
        .where('advisory_activities.case_id', '=', caseId)
        .orderBy('advisory_activities.happened_on', 'desc')
        .orderBy('advisory_activities.id', 'desc')
        .limit(MAX_ROWS)
        .execute();
      return rows.map(toActivity);
    },

    async findActivity(id: string): Promise<AdvisoryActivity | undefined> {
      const row = await activities().where('advisory_activities.id', '=', id).executeTakeFirst();
      return row && toActivity(row);
    },

    /** Hours logged on each case, for lists and exports. */
    async sumHours(caseIds: string[]): Promise<Map<string, number>> {
      if (caseIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('advisory_activities')
        .select((eb) => ['case_id', eb.fn.sum<number>('minutes').as('minutes')])
        .where('case_id', 'in', caseIds)
        .groupBy('case_id')
        .execute();
      return new Map(rows.map((row) => [row.case_id, hoursOf(Number(row.minutes ?? 0))]));
    },

    async insertActivity(row: Insertable<AdvisoryActivityTable>): Promise<void> {
      await db.insertInto('advisory_activities').values(row).execute();
    },

    async updateActivity(id: string, version: number, changes: Partial<Insertable<AdvisoryActivityTable>>): Promise<boolean> {
      const result = await db
        .updateTable('advisory_activities')
        .set({ ...changes, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** The files still attached (removed ones stay in the database for the record). */
    async findAttachments(caseId: string): Promise<AdvisoryAttachment[]> {
      const rows = await db
        .selectFrom('advisory_attachments')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('removed_at', 'is', null)
        .orderBy('uploaded_at', 'desc')
        .orderBy('id', 'desc')
        .limit(MAX_ROWS)
        .execute();
      return rows.map(toAttachment);
    },

    async findAttachment(id: string): Promise<(AdvisoryAttachment & { fileId: string }) | undefined> {
      const row = await db
        .selectFrom('advisory_attachments')
        .selectAll()
        .where('id', '=', id)
        .where('removed_at', 'is', null)
        .executeTakeFirst();
      return row && { ...toAttachment(row), fileId: row.file_id };
    },

    async insertAttachment(row: Insertable<AdvisoryAttachmentTable>): Promise<void> {
      await db.insertInto('advisory_attachments').values(row).execute();
    },

    async removeAttachment(id: string, at: string): Promise<boolean> {
      const result = await db
        .updateTable('advisory_attachments')
        .set({ removed_at: at })
        .where('id', '=', id)
        .where('removed_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

export type AdvisoryLogRepository = ReturnType<typeof createAdvisoryLogRepository>;
