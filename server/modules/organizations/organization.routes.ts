import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntrySchema, idSchema } from '../../../contracts/common.ts';
import {
  archiveOrganizationSchema,
  createOrganizationSchema,
  duplicatePairSchema,
  mergeOrganizationSchema,
  organizationListQuerySchema,
  organizationPageSchema,
  organizationSchema,
  organizationStatsQuerySchema,
  organizationStatsSchema,
  updateOrganizationSchema,
} from '../../../contracts/organizations.ts';
import { requireActor } from '../../platform/authentication.ts';
import { createJsonText, sendJsonText } from '../../platform/json-text.ts';
import type { OrganizationService } from './organization.service.ts';

const params = z.object({ id: idSchema });
const tags = ['organizations'];
const pageText = createJsonText(organizationPageSchema);

export function organizationRoutes(organizations: OrganizationService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/organizations',
      {
        schema: {
          tags,
          summary: 'Find organisations',
          querystring: organizationListQuerySchema,
          response: { 200: organizationPageSchema },
        },
      },
      async (request, reply) => {
        const found = await organizations.findOrganizations(requireActor(request), request.query);
        // A cached page is the same object each time, with the same page and size (both are part of its key).
        const text = pageText(found, () => ({ ...found, page: request.query.page, pageSize: request.query.pageSize }));
        return sendJsonText(reply, text);
      },
    );

    app.get(
      '/organizations/stats',
      {
        schema: {
          tags,
          summary: 'Counts for the dashboard',
          querystring: organizationStatsQuerySchema,
          response: { 200: organizationStatsSchema },
        },
      },
      async (request) => organizations.countOrganizations(requireActor(request), request.query.provinceCode),
    );

    app.post(
      '/organizations',
      { schema: { tags, summary: 'Register an organisation', body: createOrganizationSchema, response: { 201: organizationSchema } } },
      async (request, reply) => reply.status(201).send(await organizations.createOrganization(requireActor(request), request.body)),
    );

    app.get(
      '/organizations/:id',
      { schema: { tags, summary: 'One organisation', params, response: { 200: organizationSchema } } },
      async (request) => organizations.getOrganization(requireActor(request), request.params.id),
    );

    app.patch(
      '/organizations/:id',
      {
        schema: {
          tags,
          summary: 'Change an organisation (send the version you read)',
          params,
          body: updateOrganizationSchema,
          response: { 200: organizationSchema },
        },
      },
      async (request) => organizations.updateOrganization(requireActor(request), request.params.id, request.body),
    );

    app.get(
      '/organizations/duplicates',
      {
        schema: {
          tags,
          summary: 'Likely duplicates: nearly the same name in the same commune',
          querystring: organizationStatsQuerySchema,
          response: { 200: z.object({ items: z.array(duplicatePairSchema) }) },
        },
      },
      async (request) => ({ items: await organizations.findDuplicates(requireActor(request), request.query.provinceCode) }),
    );

    app.post(
      '/organizations/:id/merge',
      {
        schema: {
          tags,
          summary: 'Merge a duplicate into this organisation (the duplicate is archived; both histories stay)',
          params,
          body: mergeOrganizationSchema,
          response: { 200: organizationSchema },
        },
      },
      async (request) => organizations.mergeOrganizations(requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/organizations/:id/archive',
      {
        schema: {
          tags,
          summary: 'Archive an organisation',
          params,
          body: archiveOrganizationSchema,
          response: { 200: organizationSchema },
        },
      },
      async (request) => organizations.archiveOrganization(requireActor(request), request.params.id, request.body),
    );

    app.get(
      '/organizations/:id/history',
      {
        schema: {
          tags,
          summary: 'Who changed what, newest first',
          params,
          response: { 200: z.object({ items: z.array(auditEntrySchema) }) },
        },
      },
      async (request) => ({ items: await organizations.findHistory(requireActor(request), request.params.id) }),
    );
  };
}
