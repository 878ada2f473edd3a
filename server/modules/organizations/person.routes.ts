import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../contracts/common.ts';
import {
  createPersonSchema,
  createPositionSchema,
  erasePersonSchema,
  organizationPositionSchema,
  personalDataExportSchema,
  personListQuerySchema,
  personPageSchema,
  personSchema,
  updatePersonSchema,
  updatePositionSchema,
} from '../../../contracts/people.ts';
import { requireActor } from '../../platform/authentication.ts';
import type { PersonExporter } from './person-export.service.ts';
import type { PersonService } from './person.service.ts';
import { sendSpreadsheet } from '../../platform/sheets/sheet-writer.ts';

const params = z.object({ id: idSchema });
const tags = ['people'];

const exportQuery = personListQuerySchema.omit({ page: true, pageSize: true });

export function personRoutes(people: PersonService, exporter: PersonExporter): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/people/export',
      {
        schema: {
          tags,
          summary: 'The people the filters find as .xlsx, one row per position (the import template’s columns)',
          querystring: exportQuery,
        },
      },
      async (request, reply) =>
        sendSpreadsheet(
          reply,
          `danh-sach-can-bo-${new Date().toISOString().slice(0, 10)}.xlsx`,
          exporter.exportPeople(requireActor(request), request.query),
        ),
    );

    app.get(
      '/people/template',
      { schema: { tags, summary: 'Empty .xlsx template for importing people and the positions they hold' } },
      async (request, reply) => {
        requireActor(request);
        return sendSpreadsheet(reply, 'mau-nhap-can-bo.xlsx', exporter.template());
      },
    );

    app.get(
      '/people',
      {
        schema: {
          tags,
          summary: 'Find people (name, or phone digits for those who see phone numbers)',
          querystring: personListQuerySchema,
          response: { 200: personPageSchema },
        },
      },
      async (request) => people.findPeople(requireActor(request), request.query),
    );

    app.post(
      '/people',
      { schema: { tags, summary: 'Record a person', body: createPersonSchema, response: { 201: personSchema } } },
      async (request, reply) => reply.status(201).send(await people.createPerson(requireActor(request), request.body)),
    );

    app.get(
      '/people/:id',
      { schema: { tags, summary: 'One person and the positions they hold or held', params, response: { 200: personSchema } } },
      async (request) => people.getPerson(requireActor(request), request.params.id),
    );

    app.patch(
      '/people/:id',
      {
        schema: {
          tags,
          summary: 'Change a person (send the version you read)',
          params,
          body: updatePersonSchema,
          response: { 200: personSchema },
        },
      },
      async (request) => people.updatePerson(requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/people/:id/erase',
      {
        schema: {
          tags,
          summary: "Erase a person's name and personal data on request; the positions stay",
          params,
          body: erasePersonSchema,
          response: { 200: personSchema },
        },
      },
      async (request) => people.erasePerson(requireActor(request), request.params.id, request.body),
    );

    app.get(
      '/people/:id/personal-data',
      {
        schema: {
          tags,
          summary: 'Everything held about a person, for a data-subject request',
          params,
          response: { 200: personalDataExportSchema },
        },
      },
      async (request, reply) => {
        const exported = await people.exportPersonalData(requireActor(request), request.params.id);
        return reply.header('content-disposition', `attachment; filename="personal-data-${request.params.id}.json"`).send(exported);
      },
    );

    app.get(
      '/organizations/:id/positions',
      {
        schema: {
          tags,
          summary: "An organisation's people, current positions first",
          params,
          response: { 200: z.object({ items: z.array(organizationPositionSchema) }) },
        },
      },
      async (request) => ({ items: await people.findOrganizationPositions(requireActor(request), request.params.id) }),
    );

    app.post(
      '/organizations/:id/positions',
      {
        schema: {
          tags,
          summary: 'Give someone a position in the organisation (a person on record, or a new one)',
          params,
          body: createPositionSchema,
          response: { 201: organizationPositionSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await people.createPosition(requireActor(request), request.params.id, request.body)),
    );

    app.patch(
      '/positions/:id',
      {
        schema: {
          tags,
          summary: 'Change a position, e.g. its last day when someone leaves (send the version you read)',
          params,
          body: updatePositionSchema,
          response: { 200: organizationPositionSchema },
        },
      },
      async (request) => people.updatePosition(requireActor(request), request.params.id, request.body),
    );
  };
}
