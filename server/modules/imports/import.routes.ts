import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reportYearSchema } from '../../../contracts/annual-reports.ts';
import { idSchema } from '../../../contracts/common.ts';
import {
  chooseCommuneSchema,
  commitImportSchema,
  type ImportEntity,
  importEntitySchema,
  importListPageSchema,
  importListQuerySchema,
  importRowSchema,
  importRowsQuerySchema,
  importSchema,
} from '../../../contracts/imports.ts';
import { assertAllowed } from '../../platform/access.ts';
import { requireActor } from '../../platform/authentication.ts';
import { canImport } from './import.policy.ts';
import { badFile, SHEET_LIMITS } from '../../platform/sheets/file-checks.ts';
import { sendSpreadsheet } from '../../platform/sheets/sheet-writer.ts';
import { languageOf } from '../../platform/language.ts';
import type { ImportService } from './import.service.ts';
import { writeImportReport } from './import-report.ts';

const tags = ['imports'];
const params = z.object({ id: idSchema });

const noFile = () => badFile({ vi: 'Hãy chọn tệp .xlsx hoặc .csv để tải lên.', en: 'Choose an .xlsx or .csv file to upload.' });
const unknownEntity = () =>
  badFile({ vi: 'Chỉ nhập được danh sách tổ chức hoặc danh sách người.', en: 'Only lists of organisations or of people can be imported.' });
const tooLarge = () => badFile({ vi: 'Tệp lớn hơn giới hạn 50 MB.', en: 'The file is larger than the 50 MB limit.' });

export function importRoutes(imports: ImportService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/imports',
      {
        schema: {
          tags,
          summary:
            'Upload a list (.xlsx or .csv, multipart field "file"; optional fields "entity": organizations (default) or people, and "year") and start its preview',
          consumes: ['multipart/form-data'],
          response: { 202: importSchema },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        // Refuse before reading an upload the caller may not make.
        assertAllowed(canImport(actor));
        if (!request.isMultipart()) throw noFile();
        let upload: { fileName: string; content: Buffer } | undefined;
        let year: number | undefined;
        let entity: ImportEntity = 'organizations';
        for await (const part of request.parts({ limits: { fileSize: SHEET_LIMITS.maxBytes, files: 1, fields: 5 } })) {
          if (part.type === 'file') {
            const content = await part.toBuffer().catch(() => {
              throw tooLarge();
            });
            if (part.file.truncated) throw tooLarge();
            upload = { fileName: part.filename.normalize('NFC').slice(0, 200), content };
          } else if (part.fieldname === 'year' && part.value) {
            const parsed = reportYearSchema.safeParse(part.value);
            if (parsed.success) year = parsed.data;
          } else if (part.fieldname === 'entity' && part.value) {
            const parsed = importEntitySchema.safeParse(part.value);
            if (!parsed.success) throw unknownEntity();
            entity = parsed.data;
          }
        }
        if (!upload) throw noFile();
        const started = await imports.startImport(
          actor,
          { ...upload, entity, defaultYear: year },
          languageOf(request.headers['accept-language']),
        );
        return reply.status(202).send(started);
      },
    );

    app.get(
      '/imports',
      {
        schema: {
          tags,
          summary: 'Earlier imports, newest first: your own (an administrator: everyone’s)',
          querystring: importListQuerySchema,
          response: { 200: importListPageSchema },
        },
      },
      async (request) => {
        const { items, total } = await imports.findImports(
          requireActor(request),
          request.query,
          languageOf(request.headers['accept-language']),
        );
        return { items, total, page: request.query.page, pageSize: request.query.pageSize };
      },
    );

    app.get(
      '/imports/:id',
      { schema: { tags, summary: 'An import: status, progress, what its rows will do', params, response: { 200: importSchema } } },
      async (request) => imports.getImport(requireActor(request), request.params.id, languageOf(request.headers['accept-language'])),
    );

    app.get(
      '/imports/:id/rows',
      {
        schema: {
          tags,
          summary: 'The rows of the preview with their errors, warnings and changes',
          params,
          querystring: importRowsQuerySchema,
          response: {
            200: z.object({ items: z.array(importRowSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
          },
        },
      },
      async (request) => {
        const page = await imports.findRows(
          requireActor(request),
          request.params.id,
          request.query,
          languageOf(request.headers['accept-language']),
        );
        return { ...page, page: request.query.page, pageSize: request.query.pageSize };
      },
    );

    app.put(
      '/imports/:id/rows/:rowNumber/commune',
      {
        schema: {
          tags,
          summary: "Choose a row's commune where the old one was split or the name is ambiguous",
          params: z.object({ id: idSchema, rowNumber: z.coerce.number().int().min(1).max(10_000_000) }),
          body: chooseCommuneSchema,
          response: { 200: importRowSchema },
        },
      },
      async (request) =>
        imports.chooseCommune(
          requireActor(request),
          request.params.id,
          request.params.rowNumber,
          request.body.communeCode,
          languageOf(request.headers['accept-language']),
        ),
    );

    app.post(
      '/imports/:id/commit',
      {
        schema: {
          tags,
          summary: 'Write the previewed rows: all or none',
          params,
          body: commitImportSchema,
          response: { 202: importSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(202)
          .send(
            await imports.commitImport(
              requireActor(request),
              request.params.id,
              request.body,
              languageOf(request.headers['accept-language']),
            ),
          ),
    );

    app.get(
      '/imports/:id/report',
      { schema: { tags, summary: 'The report of the import as .xlsx: every row, what was done and why', params } },
      async (request, reply) => {
        const stored = await imports.getVisible(requireActor(request), request.params.id);
        return sendSpreadsheet(
          reply,
          `bao-cao-nhap-${stored.file_name.replace(/\.\w+$/, '')}.xlsx`,
          writeImportReport(
            imports.streamRows(request.params.id),
            stored.entity,
            stored.status === 'committed',
            languageOf(request.headers['accept-language']),
          ),
        );
      },
    );
  };
}
