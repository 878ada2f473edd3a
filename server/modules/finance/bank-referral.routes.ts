import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../contracts/common.ts';
import { sendSpreadsheet } from '../../platform/sheets/sheet-writer.ts';
import {
  bankReferralCountsSchema,
  bankReferralExportQuerySchema,
  bankReferralListQuerySchema,
  bankReferralPageSchema,
  bankReferralSchema,
  createBankReferralSchema,
  updateBankReferralSchema,
} from '../../../contracts/finance.ts';
import { requireActor } from '../../platform/authentication.ts';
import type { BankReferralService } from './bank-referral.service.ts';

const tags = ['bank referrals'];

export function bankReferralRoutes(referrals: BankReferralService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/bank-referrals',
      {
        schema: {
          tags,
          summary: 'Requests referred to banks',
          querystring: bankReferralListQuerySchema,
          response: { 200: bankReferralPageSchema },
        },
      },
      async (request) => {
        const { items, total } = await referrals.findReferrals(requireActor(request), request.query);
        return { items, total, page: request.query.page, pageSize: request.query.pageSize };
      },
    );

    app.get(
      '/bank-referrals/counts',
      { schema: { tags, summary: 'Referrals by year: how many, approved, amounts', response: { 200: bankReferralCountsSchema } } },
      async (request) => referrals.countByYear(requireActor(request)),
    );

    app.get(
      '/bank-referrals/export',
      { schema: { tags, summary: 'The filtered referrals as .xlsx', querystring: bankReferralExportQuerySchema } },
      async (request, reply) =>
        sendSpreadsheet(reply, 'gioi-thieu-vay-ngan-hang.xlsx', referrals.exportReferrals(requireActor(request), request.query)),
    );

    app.post(
      '/bank-referrals',
      { schema: { tags, summary: 'Record a referral to a bank', body: createBankReferralSchema, response: { 201: bankReferralSchema } } },
      async (request, reply) => reply.status(201).send(await referrals.createReferral(requireActor(request), request.body)),
    );

    app.patch(
      '/bank-referrals/:id',
      {
        schema: {
          tags,
          summary: 'Change a referral, e.g. the bank’s answer (send the version read)',
          params: z.object({ id: idSchema }),
          body: updateBankReferralSchema,
          response: { 200: bankReferralSchema },
        },
      },
      async (request) => referrals.updateReferral(requireActor(request), request.params.id, request.body),
    );
  };
}
