import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../contracts/common.ts';
import { loanSchema } from '../../../contracts/finance.ts';
import {
  asOfQuerySchema,
  closeInputSchema,
  disbursementInputSchema,
  disbursementSchema,
  loanStateSchema,
  repaymentInputSchema,
  repaymentSchema,
  rescheduleInputSchema,
  reversalInputSchema,
  scheduleSchema,
  statementSchema,
  writeOffInputSchema,
} from '../../../contracts/finance-ledger.ts';
import { requireActor } from '../../platform/authentication.ts';
import type { LoanLedgerService } from './loan-ledger.service.ts';
import type { LoanRestructuringService } from './loan-restructuring.service.ts';
import type { LoanServicingService } from './loan-servicing.service.ts';

const params = z.object({ id: idSchema });
const tags = ['loans'];

export function loanLedgerRoutes(
  ledger: LoanLedgerService,
  servicing: LoanServicingService,
  restructuring: LoanRestructuringService,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/loans/:id/disbursements',
      { schema: { tags, summary: 'Tranches paid out', params, response: { 200: z.array(disbursementSchema) } } },
      async (request) => ledger.findDisbursements(requireActor(request), request.params.id),
    );

    app.post(
      '/loans/:id/disbursements',
      {
        schema: {
          tags,
          summary: 'Disburse a tranche (within the approved amount and the fund’s available balance)',
          params,
          body: disbursementInputSchema,
          response: { 201: z.object({ loan: loanSchema, disbursement: disbursementSchema }) },
        },
      },
      async (request, reply) => reply.status(201).send(await servicing.disburse(requireActor(request), request.params.id, request.body)),
    );

    app.get(
      '/loans/:id/schedule',
      {
        schema: { tags, summary: 'Repayment schedule, every version (the one in force first)', params, response: { 200: scheduleSchema } },
      },
      async (request) => ledger.findSchedule(requireActor(request), request.params.id),
    );

    app.get(
      '/loans/:id/repayments',
      {
        schema: {
          tags,
          summary: 'Repayments and their allocation, reversed ones included',
          params,
          response: { 200: z.array(repaymentSchema) },
        },
      },
      async (request) => ledger.findRepayments(requireActor(request), request.params.id),
    );

    app.post(
      '/loans/:id/repayments',
      {
        schema: {
          tags,
          summary: 'Record a repayment (overdue interest, then interest, then principal, by the contract)',
          params,
          body: repaymentInputSchema,
          response: { 201: z.object({ loan: loanSchema, repayment: repaymentSchema }) },
        },
      },
      async (request, reply) => reply.status(201).send(await servicing.repay(requireActor(request), request.params.id, request.body)),
    );

    app.post(
      '/loans/:id/repayments/:repaymentId/reversal',
      {
        schema: {
          tags,
          summary: 'Reverse a repayment with a reason (it stays in the history)',
          params: z.object({ id: idSchema, repaymentId: idSchema }),
          body: reversalInputSchema,
          response: { 200: z.object({ loan: loanSchema, repayment: repaymentSchema }) },
        },
      },
      async (request) => servicing.reverse(requireActor(request), request.params.id, request.params.repaymentId, request.body),
    );

    app.post(
      '/loans/:id/reschedule',
      {
        schema: {
          tags,
          summary: 'Reschedule (a new schedule version; the old ones stay)',
          params,
          body: rescheduleInputSchema,
          response: { 200: loanSchema },
        },
      },
      async (request) => restructuring.reschedule(requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/loans/:id/write-off',
      {
        schema: {
          tags,
          summary: 'Write the loan off (a leader’s decision)',
          params,
          body: writeOffInputSchema,
          response: { 200: loanSchema },
        },
      },
      async (request) => restructuring.writeOff(requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/loans/:id/close',
      {
        schema: {
          tags,
          summary: 'Close a loan that owes nothing (tất toán)',
          params,
          body: closeInputSchema,
          response: { 200: loanSchema },
        },
      },
      async (request) => restructuring.close(requireActor(request), request.params.id, request.body),
    );

    app.get(
      '/loans/:id/state',
      {
        schema: {
          tags,
          summary: 'Outstanding, due, days past due, overdue interest, debt group and provision as of a date',
          params,
          querystring: asOfQuerySchema,
          response: { 200: loanStateSchema },
        },
      },
      async (request) => ledger.getState(requireActor(request), request.params.id, request.query.asOf),
    );

    app.get(
      '/loans/:id/statement',
      { schema: { tags, summary: 'The borrower’s statement', params, querystring: asOfQuerySchema, response: { 200: statementSchema } } },
      async (request) => ledger.getStatement(requireActor(request), request.params.id, request.query.asOf),
    );
  };
}
