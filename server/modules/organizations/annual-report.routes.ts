import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  annualReportSchema,
  bandDistributionSchema,
  classificationRubricSchema,
  reportYearSchema,
  saveAnnualReportSchema,
} from '../../../contracts/annual-reports.ts';
import { idSchema } from '../../../contracts/common.ts';
import { provinceCodeSchema } from '../../../contracts/places.ts';
import { requireActor } from '../../platform/authentication.ts';
import type { AnnualReportService } from './annual-report.service.ts';

const tags = ['annual figures'];

export function annualReportRoutes(reports: AnnualReportService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/organizations/:id/annual-reports',
      {
        schema: {
          tags,
          summary: "An organisation's yearly figures, oldest year first",
          params: z.object({ id: idSchema }),
          response: { 200: z.object({ items: z.array(annualReportSchema) }) },
        },
      },
      async (request) => ({ items: await reports.findReports(requireActor(request), request.params.id) }),
    );

    app.put(
      '/organizations/:id/annual-reports/:year',
      {
        schema: {
          tags,
          summary: 'Enter or change the figures of a year (send the version read when changing)',
          params: z.object({ id: idSchema, year: reportYearSchema }),
          body: saveAnnualReportSchema,
          response: { 200: annualReportSchema, 201: annualReportSchema },
        },
      },
      async (request, reply) => {
        const { report, isNew } = await reports.saveReport(requireActor(request), request.params.id, request.params.year, request.body);
        return reply.status(isNew ? 201 : 200).send(report);
      },
    );

    app.get(
      '/classification-rubrics',
      {
        schema: {
          tags,
          summary: 'Classification rubrics (bands, criteria) and the year each applies from',
          response: { 200: z.array(classificationRubricSchema) },
        },
      },
      async (request) => {
        requireActor(request);
        return reports.findRubrics();
      },
    );

    app.get(
      '/annual-reports/bands',
      {
        schema: {
          tags,
          summary: 'How many organisations are in each band in a year',
          querystring: z.object({ year: reportYearSchema, provinceCode: provinceCodeSchema.optional() }),
          response: { 200: bandDistributionSchema },
        },
      },
      async (request) => reports.countBands(requireActor(request), request.query.year, request.query.provinceCode),
    );
  };
}
