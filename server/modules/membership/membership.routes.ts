import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../contracts/common.ts';
import {
  createMembershipSchema,
  membershipExportQuerySchema,
  membershipListQuerySchema,
  membershipPageSchema,
  membershipSchema,
  membershipStatsQuerySchema,
  membershipStatsSchema,
  organizationMembershipsSchema,
  updateMembershipSchema,
} from '../../../contracts/membership.ts';
import { requireActor } from '../../platform/authentication.ts';
import { sendSpreadsheet } from '../../platform/sheets/sheet-writer.ts';
import type { MembershipService } from './membership.service.ts';

const params = z.object({ id: idSchema });
const tags = ['membership'];

export function membershipRoutes(memberships: MembershipService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/memberships',
      {
        schema: {
          tags,
          summary: 'Find members of the Alliance (current or former)',
          querystring: membershipListQuerySchema,
          response: { 200: membershipPageSchema },
        },
      },
      async (request) => {
        const { items, total } = await memberships.findMemberships(requireActor(request), request.query);
        return { items, total, page: request.query.page, pageSize: request.query.pageSize };
      },
    );

    app.get(
      '/memberships/stats',
      {
        schema: {
          tags,
          summary: 'Members by kind and category; joined and left per year; the year’s dues',
          querystring: membershipStatsQuerySchema,
          response: { 200: membershipStatsSchema },
        },
      },
      async (request) => memberships.countMembers(requireActor(request), request.query),
    );

    app.get(
      '/memberships/export',
      { schema: { tags, summary: 'The filtered list of members as .xlsx', querystring: membershipExportQuerySchema } },
      async (request, reply) =>
        sendSpreadsheet(reply, 'thanh-vien-lien-minh.xlsx', memberships.exportMemberships(requireActor(request), request.query)),
    );

    app.post(
      '/memberships',
      { schema: { tags, summary: 'Admit an organisation as a member', body: createMembershipSchema, response: { 201: membershipSchema } } },
      async (request, reply) => reply.status(201).send(await memberships.createMembership(requireActor(request), request.body)),
    );

    app.get(
      '/memberships/:id',
      { schema: { tags, summary: 'One membership', params, response: { 200: membershipSchema } } },
      async (request) => memberships.getMembership(requireActor(request), request.params.id),
    );

    app.patch(
      '/memberships/:id',
      {
        schema: {
          tags,
          summary: 'Change a membership, or record leaving (leftOn with leftReason); send the version you read',
          params,
          body: updateMembershipSchema,
          response: { 200: membershipSchema },
        },
      },
      async (request) => memberships.updateMembership(requireActor(request), request.params.id, request.body),
    );

    app.get(
      '/organizations/:id/memberships',
      {
        schema: {
          tags,
          summary: "An organisation's membership periods with their dues, newest first",
          params,
          response: { 200: organizationMembershipsSchema },
        },
      },
      async (request) => memberships.findOrganizationMemberships(requireActor(request), request.params.id),
    );
  };
}
