import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  advisoryBoardQuerySchema,
  advisoryBoardSchema,
  advisoryCaseListQuerySchema,
  advisoryCasePageSchema,
  advisoryCaseSchema,
  advisoryOfficerListSchema,
  advisoryOfficersQuerySchema,
  createAdvisoryCaseSchema,
  moveAdvisoryStageSchema,
  registerAdvisoryCaseSchema,
  updateAdvisoryCaseSchema,
} from '../../../contracts/advisory.ts';
import { auditEntrySchema, idSchema } from '../../../contracts/common.ts';
import { requireActor } from '../../platform/authentication.ts';
import type { AdvisoryCaseService } from './advisory-case.service.ts';

const params = z.object({ id: idSchema });
const tags = ['advisory'];

export function advisoryCaseRoutes(cases: AdvisoryCaseService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/advisory-cases',
      {
        schema: {
          tags,
          summary: 'Find advisory cases (founding support, consulting)',
          querystring: advisoryCaseListQuerySchema,
          response: { 200: advisoryCasePageSchema },
        },
      },
      async (request) => {
        const { items, total } = await cases.findCases(requireActor(request), request.query);
        return { items, total, page: request.query.page, pageSize: request.query.pageSize };
      },
    );

    app.get(
      '/advisory-cases/board',
      {
        schema: {
          tags,
          summary: 'Cases by stage: a column per stage with its count and first cards',
          querystring: advisoryBoardQuerySchema,
          response: { 200: advisoryBoardSchema },
        },
      },
      async (request) => cases.findBoard(requireActor(request), request.query),
    );

    app.get(
      '/advisory-officers',
      {
        schema: {
          tags,
          summary: 'Who a case may be assigned to: active admins and staff of the province',
          querystring: advisoryOfficersQuerySchema,
          response: { 200: advisoryOfficerListSchema },
        },
      },
      async (request) => ({ items: await cases.findOfficers(requireActor(request), request.query.provinceCode) }),
    );

    app.post(
      '/advisory-cases',
      { schema: { tags, summary: 'Open a case', body: createAdvisoryCaseSchema, response: { 201: advisoryCaseSchema } } },
      async (request, reply) => reply.status(201).send(await cases.createCase(requireActor(request), request.body)),
    );

    app.get(
      '/advisory-cases/:id',
      { schema: { tags, summary: 'One case with its activities and files', params, response: { 200: advisoryCaseSchema } } },
      async (request) => cases.getCase(requireActor(request), request.params.id),
    );

    app.patch(
      '/advisory-cases/:id',
      {
        schema: {
          tags,
          summary: 'Change a case (send the version you read)',
          params,
          body: updateAdvisoryCaseSchema,
          response: { 200: advisoryCaseSchema },
        },
      },
      async (request) => cases.updateCase(requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/advisory-cases/:id/stage',
      {
        schema: {
          tags,
          summary: 'Move a case to another stage (dropped needs a reason)',
          params,
          body: moveAdvisoryStageSchema,
          response: { 200: advisoryCaseSchema },
        },
      },
      async (request) => cases.moveStage(requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/advisory-cases/:id/register',
      {
        schema: {
          tags,
          summary: 'The founded cooperative is registered: create or link its organisation, marked founded with support',
          params,
          body: registerAdvisoryCaseSchema,
          response: { 200: advisoryCaseSchema },
        },
      },
      async (request) => cases.registerCase(requireActor(request), request.params.id, request.body),
    );

    app.get(
      '/advisory-cases/:id/history',
      {
        schema: {
          tags,
          summary: 'Who changed what on the case, newest first',
          params,
          response: { 200: z.object({ items: z.array(auditEntrySchema) }) },
        },
      },
      async (request) => ({ items: await cases.findHistory(requireActor(request), request.params.id) }),
    );
  };
}
