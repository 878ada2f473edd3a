import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../contracts/common.ts';
import {
  assessDuesResultSchema,
  assessDuesSchema,
  duesBehindQuerySchema,
  duesBehindSchema,
  duesExportQuerySchema,
  duesListQuerySchema,
  duesPageSchema,
  duesSchema,
  duesYearSchema,
  saveDuesSchema,
} from '../../../contracts/membership.ts';
import { requireActor } from '../../platform/authentication.ts';
import { sendSpreadsheet } from '../../platform/sheets/sheet-writer.ts';
import type { DuesService } from './dues.service.ts';

const tags = ['membership'];

export function duesRoutes(dues: DuesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/membership-dues',
      {
        schema: {
          tags,
          summary: 'Dues of a year, by member: due, paid, receipt',
          querystring: duesListQuerySchema,
          response: { 200: duesPageSchema },
        },
      },
      async (request) => {
        const { items, total } = await dues.findDues(requireActor(request), request.query);
        return { items, total, page: request.query.page, pageSize: request.query.pageSize };
      },
    );

    app.get(
      '/membership-dues/behind',
      {
        schema: {
          tags,
          summary: 'Members behind with dues as of a year, with what they owe per year',
          querystring: duesBehindQuerySchema,
          response: { 200: duesBehindSchema },
        },
      },
      async (request) => dues.findBehind(requireActor(request), request.query),
    );

    app.post(
      '/membership-dues/assess',
      {
        schema: {
          tags,
          summary: "Set a year's dues for every member of that year who has none, by kind of organisation",
          body: assessDuesSchema,
          response: { 200: assessDuesResultSchema },
        },
      },
      async (request) => dues.assessDues(requireActor(request), request.body),
    );

    app.get(
      '/membership-dues/export',
      { schema: { tags, summary: 'The dues list of a year as .xlsx', querystring: duesExportQuerySchema } },
      async (request, reply) =>
        sendSpreadsheet(reply, `hoi-phi-${request.query.year}.xlsx`, dues.exportDues(requireActor(request), request.query)),
    );

    app.put(
      '/memberships/:id/dues/:year',
      {
        schema: {
          tags,
          summary: "Set or change a member's dues of a year (send the version read when changing)",
          params: z.object({ id: idSchema, year: duesYearSchema }),
          body: saveDuesSchema,
          response: { 200: duesSchema, 201: duesSchema },
        },
      },
      async (request, reply) => {
        const saved = await dues.saveDues(requireActor(request), request.params.id, request.params.year, request.body);
        return reply.status(saved.isNew ? 201 : 200).send(saved.dues);
      },
    );
  };
}
