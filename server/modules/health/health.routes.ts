import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DatabaseHandle } from '../../db/database.ts';
import { currentSchemaVersion } from '../../db/migrate.ts';

const healthSchema = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), schemaVersion: z.string() });

export function healthRoutes(database: DatabaseHandle): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        config: { isPublic: true },
        schema: { tags: ['health'], summary: 'Is hoptac up, on which database and schema', response: { 200: healthSchema } },
      },
      async () => ({ status: 'ok' as const, database: database.kind, schemaVersion: await currentSchemaVersion(database.db) }),
    );
  };
}
