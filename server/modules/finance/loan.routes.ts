import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntrySchema, idSchema } from '../../../contracts/common.ts';
import {
  appraisalInputSchema,
  contractInputSchema,
  createLoanSchema,
  decisionInputSchema,
  loanListQuerySchema,
  loanPageSchema,
  loanSchema,
  updateLoanSchema,
} from '../../../contracts/finance.ts';
import { requireActor } from '../../platform/authentication.ts';
import type { LoanLedgerService } from './loan-ledger.service.ts';
import type { LoanService } from './loan.service.ts';

const params = z.object({ id: idSchema });
const tags = ['loans'];

export function loanRoutes(loans: LoanService, ledger: Pick<LoanLedgerService, 'findLoans'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/loans',
      { schema: { tags, summary: 'Find loans', querystring: loanListQuerySchema, response: { 200: loanPageSchema } } },
      async (request) => {
        const { items, total } = await ledger.findLoans(requireActor(request), request.query);
        return { items, total, page: request.query.page, pageSize: request.query.pageSize };
      },
    );

    app.post(
      '/loans',
      { schema: { tags, summary: 'Record a loan application (hồ sơ vay)', body: createLoanSchema, response: { 201: loanSchema } } },
      async (request, reply) => reply.status(201).send(await loans.createLoan(requireActor(request), request.body)),
    );

    app.get('/loans/:id', { schema: { tags, summary: 'One loan', params, response: { 200: loanSchema } } }, async (request) =>
      loans.getLoan(requireActor(request), request.params.id),
    );

    app.patch(
      '/loans/:id',
      {
        schema: {
          tags,
          summary: 'Change the application before the decision',
          params,
          body: updateLoanSchema,
          response: { 200: loanSchema },
        },
      },
      async (request) => loans.updateLoan(requireActor(request), request.params.id, request.body),
    );

    app.get(
      '/loans/:id/history',
      { schema: { tags, summary: 'Who changed the loan, when, what', params, response: { 200: z.array(auditEntrySchema) } } },
      async (request) => loans.findHistory(requireActor(request), request.params.id),
    );

    app.post(
      '/loans/:id/appraisal',
      { schema: { tags, summary: 'Record the appraisal (thẩm định)', params, body: appraisalInputSchema, response: { 200: loanSchema } } },
      async (request) => loans.appraiseLoan(requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/loans/:id/decision',
      {
        schema: {
          tags,
          summary: 'Approve or reject (a leader who did not appraise the loan)',
          params,
          body: decisionInputSchema,
          response: { 200: loanSchema },
        },
      },
      async (request) => loans.decideLoan(requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/loans/:id/contract',
      { schema: { tags, summary: 'Record the signed loan contract', params, body: contractInputSchema, response: { 200: loanSchema } } },
      async (request) => loans.signContract(requireActor(request), request.params.id, request.body),
    );
  };
}
