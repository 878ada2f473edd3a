import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reportYearSchema } from '../../../contracts/annual-reports.ts';
import { organizationListQuerySchema } from '../../../contracts/organizations.ts';
import { requireActor } from '../../platform/authentication.ts';
import { sendSpreadsheet } from '../../platform/sheets/sheet-writer.ts';
import type { OrganizationExporter } from './organization-export.service.ts';

const exportQuery = organizationListQuerySchema.omit({ page: true, pageSize: true, sort: true });
const stamp = () => new Date().toISOString().slice(0, 10);

export function organizationExportRoutes(exporter: OrganizationExporter): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/organizations/export',
      { schema: { tags: ['organizations'], summary: 'The filtered list as .xlsx (the template columns)', querystring: exportQuery } },
      async (request, reply) =>
        sendSpreadsheet(reply, `danh-sach-to-chuc-${stamp()}.xlsx`, exporter.exportOrganizations(requireActor(request), request.query)),
    );

    app.get(
      '/organizations/template',
      { schema: { tags: ['organizations'], summary: 'Empty .xlsx template for importing organisations' } },
      async (request, reply) => {
        requireActor(request);
        return sendSpreadsheet(reply, 'mau-nhap-to-chuc.xlsx', exporter.template('organizations'));
      },
    );

    app.get(
      '/annual-reports/export',
      {
        schema: {
          tags: ['annual figures'],
          summary: 'Yearly figures of the filtered organisations as .xlsx',
          querystring: exportQuery.omit({ figuresYear: true }).extend({ year: reportYearSchema.optional() }),
        },
      },
      async (request, reply) => {
        const { year, ...filters } = request.query;
        return sendSpreadsheet(
          reply,
          `so-lieu-hang-nam-${year ?? 'tat-ca'}.xlsx`,
          exporter.exportAnnualReports(requireActor(request), filters, year),
        );
      },
    );

    app.get(
      '/annual-reports/template',
      { schema: { tags: ['annual figures'], summary: 'Empty .xlsx template for importing yearly figures', querystring: z.object({}) } },
      async (request, reply) => {
        requireActor(request);
        return sendSpreadsheet(reply, 'mau-nhap-so-lieu-hang-nam.xlsx', exporter.template('annual-reports'));
      },
    );
  };
}
