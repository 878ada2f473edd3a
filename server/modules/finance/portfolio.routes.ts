import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idSchema } from '../../../contracts/common.ts';
import { asOfQuerySchema, portfolioSchema } from '../../../contracts/finance-ledger.ts';
import { requireActor } from '../../platform/authentication.ts';
import type { PortfolioService } from './portfolio.service.ts';

const tags = ['support fund'];

export function portfolioRoutes(portfolio: PortfolioService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/finance/portfolio',
      {
        schema: {
          tags,
          summary: 'Outstanding by fund, debt group, sector and commune; PAR 30/90; due this month; collections',
          querystring: asOfQuerySchema.extend({ fundId: idSchema.optional() }),
          response: { 200: portfolioSchema },
        },
      },
      async (request) => portfolio.getPortfolio(requireActor(request), request.query),
    );
  };
}
