import type { Job } from '../../contracts/imports.ts';
import type { Db } from '../db/database.ts';
import type { JobTable } from '../db/schema.ts';
import { newId } from './ids.ts';

/**
 * Long work (imports, exports) runs outside the request and keeps its progress here, so every
 * app instance can report it and the web can draw a progress bar.
 */
export function createJobRepository(db: Db) {
  const toJob = (row: Pick<JobTable, 'id' | 'status' | 'done' | 'total' | 'message'>): Job => ({
    id: row.id,
    status: row.status,
    done: row.done,
    total: row.total,
    message: row.message,
  });

  return {
    async createJob(kind: string, createdBy: string | null, now: string): Promise<Job> {
      const row: JobTable = {
        id: newId(),
        kind,
        status: 'queued',
        done: 0,
        total: 0,
        message: null,
        created_by: createdBy,
        created_at: now,
        updated_at: now,
      };
      await db.insertInto('jobs').values(row).execute();
      return toJob(row);
    },

    async updateJob(id: string, changes: Partial<Pick<JobTable, 'status' | 'done' | 'total' | 'message'>>, now: string): Promise<void> {
      await db
        .updateTable('jobs')
        .set({ ...changes, updated_at: now })
        .where('id', '=', id)
        .execute();
    },

    async findJob(id: string): Promise<Job | undefined> {
      const row = await db.selectFrom('jobs').select(['id', 'status', 'done', 'total', 'message']).where('id', '=', id).executeTakeFirst();
      return row && toJob(row);
    },
  };
}

export type JobRepository = ReturnType<typeof createJobRepository>;
