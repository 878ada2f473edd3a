import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../contracts/common.ts';
import { createFundSchema, fundRulesInputSchema, fundSchema, updateFundSchema } from '../../../contracts/finance.ts';
import { requireActor } from '../../platform/authentication.ts';
import type { FundService } from './fund.service.ts';

const params = z.object({ id: idSchema });
const tags = ['support fund'];

export function fundRoutes(funds: FundService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/funds',
      {
        schema: {
          tags,
          summary: 'Funds with capital, lent out and available balance, and their rules',
          response: { 200: z.array(fundSchema) },
        },
      },
      async (request) => funds.findFunds(requireActor(request)),
    );

    app.post(
      '/funds',
      {
        schema: {
          tags,
          summary: 'Open a fund (capital source) with its first rules',
          body: createFundSchema,
          response: { 201: fundSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await funds.createFund(requireActor(request), request.body)),
    );

    app.get('/funds/:id', { schema: { tags, summary: 'One fund', params, response: { 200: fundSchema } } }, async (request) =>
      funds.getFund(requireActor(request), request.params.id),
    );

    app.patch(
      '/funds/:id',
      { schema: { tags, summary: 'Change a fund (send the version read)', params, body: updateFundSchema, response: { 200: fundSchema } } },
      async (request) => funds.updateFund(requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/funds/:id/rules',
      {
        schema: {
          tags,
          summary: 'Add rules (rates, limits, debt groups, provisions, repayment order) applying from a date',
          params,
          body: fundRulesInputSchema,
          response: { 201: fundSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await funds.addRules(requireActor(request), request.params.id, request.body)),
    );
  };
}
