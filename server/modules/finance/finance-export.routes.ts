import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../contracts/common.ts';
import { asOfQuerySchema } from '../../../contracts/finance-ledger.ts';
import { requireActor } from '../../platform/authentication.ts';
import { sendSpreadsheet } from '../../platform/sheets/sheet-writer.ts';
import type { FinanceExporter } from './finance-export.service.ts';

export function financeExportRoutes(exporter: FinanceExporter): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/finance/portfolio/export',
      {
        schema: {
          tags: ['support fund'],
          summary: 'The loans owing on a date, one row each, as .xlsx',
          querystring: asOfQuerySchema.extend({ fundId: idSchema.optional() }),
        },
      },
      async (request, reply) => {
        const { fileName, stream } = await exporter.exportPortfolio(requireActor(request), request.query);
        return sendSpreadsheet(reply, fileName, stream);
      },
    );

    app.get(
      '/loans/:id/statement/export',
      {
        schema: {
          tags: ['loans'],
          summary: 'The borrower’s statement as .xlsx',
          params: z.object({ id: idSchema }),
          querystring: asOfQuerySchema,
        },
      },
      async (request, reply) => {
        const { fileName, stream } = await exporter.exportStatement(requireActor(request), request.params.id, request.query.asOf);
        return sendSpreadsheet(reply, fileName, stream);
      },
    );
  };
}
