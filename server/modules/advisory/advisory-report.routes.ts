import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  advisoryExportQuerySchema,
  advisoryReportExportQuerySchema,
  advisoryStatsQuerySchema,
  advisoryStatsSchema,
  foundedStatsQuerySchema,
  foundedStatsSchema,
} from '../../../contracts/advisory.ts';
import { requireActor } from '../../platform/authentication.ts';
import { sendSpreadsheet } from '../../platform/sheets/sheet-writer.ts';
import { calendarDateInVietnam } from '../organizations/person.rules.ts';
import type { AdvisoryReportService } from './advisory-report.service.ts';

const tags = ['advisory'];

export function advisoryReportRoutes(reports: AdvisoryReportService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/advisory-cases/stats',
      {
        schema: {
          tags,
          summary: 'Cases opened and closed per period and kind; open and overdue now',
          querystring: advisoryStatsQuerySchema,
          response: { 200: advisoryStatsSchema },
        },
      },
      async (request) => reports.countCases(requireActor(request), request.query),
    );

    app.get(
      '/advisory-cases/founded-stats',
      {
        schema: {
          tags,
          summary: 'Organisations founded with support per year and term, by sector, kind and commune; new-model among them',
          querystring: foundedStatsQuerySchema,
          response: { 200: foundedStatsSchema },
        },
      },
      async (request) => reports.countFounded(requireActor(request), request.query),
    );

    app.get(
      '/advisory-cases/report/export',
      {
        schema: {
          tags,
          summary:
            'The reports page as .xlsx: a summary, the cases by period and kind, the organisations founded by year, term, sector, kind and commune',
          querystring: advisoryReportExportQuerySchema,
        },
      },
      async (request, reply) => {
        const report = await reports.exportReport(requireActor(request), request.query);
        return sendSpreadsheet(reply, report.fileName, report.stream);
      },
    );

    app.get(
      '/advisory-cases/export',
      { schema: { tags, summary: 'The filtered list of cases as .xlsx', querystring: advisoryExportQuerySchema } },
      async (request, reply) =>
        sendSpreadsheet(
          reply,
          `ho-so-tu-van-${calendarDateInVietnam(new Date())}.xlsx`,
          reports.exportCases(requireActor(request), request.query),
        ),
    );
  };
}
