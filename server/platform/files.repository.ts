import type { Db } from '../db/database.ts';
import { newId } from './ids.ts';

/** Uploaded files, kept in the database so any instance can read them. */
export function createFileRepository(db: Db) {
  return {
    async insertFile(file: { name: string; contentType: string; content: Buffer; createdBy: string | null; now: string }): Promise<string> {
      const id = newId();
      await db
        .insertInto('files')
        .values({
          id,
          name: file.name,
          content_type: file.contentType,
          size: file.content.length,
          content: file.content,
          created_by: file.createdBy,
          created_at: file.now,
        })
        .execute();
      return id;
    },

    async findFileContent(id: string): Promise<Buffer | undefined> {
      const row = await db.selectFrom('files').select('content').where('id', '=', id).executeTakeFirst();
      return row && Buffer.from(row.content);
    },
  };
}
