import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  advisoryActivitySchema,
  advisoryAttachmentSchema,
  createAdvisoryActivitySchema,
  updateAdvisoryActivitySchema,
} from '../../../contracts/advisory.ts';
import { idSchema } from '../../../contracts/common.ts';
import { readAttachmentUpload } from '../../platform/attachment-upload.ts';
import { requireActor } from '../../platform/authentication.ts';
import { attachmentHeader } from '../../platform/sheets/sheet-writer.ts';
import type { AdvisoryLogService } from './advisory-log.service.ts';

const params = z.object({ id: idSchema });
const tags = ['advisory'];

export function advisoryLogRoutes(log: AdvisoryLogService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/advisory-cases/:id/activities',
      {
        schema: {
          tags,
          summary: 'Log work on a case: date, who, what, hours',
          params,
          body: createAdvisoryActivitySchema,
          response: { 201: advisoryActivitySchema },
        },
      },
      async (request, reply) => reply.status(201).send(await log.addActivity(requireActor(request), request.params.id, request.body)),
    );

    app.patch(
      '/advisory-activities/:id',
      {
        schema: {
          tags,
          summary: 'Correct a logged activity (send the version you read)',
          params,
          body: updateAdvisoryActivitySchema,
          response: { 200: advisoryActivitySchema },
        },
      },
      async (request) => log.updateActivity(requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/advisory-cases/:id/attachments',
      {
        schema: {
          tags,
          summary: 'Attach a file (multipart field "file"): PDF, .docx, JPEG or PNG, at most 10 MB',
          consumes: ['multipart/form-data'],
          params,
          response: { 201: advisoryAttachmentSchema },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        // Refuse before reading an upload the caller may not make.
        await log.assertMayAttach(actor, request.params.id);
        const upload = await readAttachmentUpload(request);
        return reply.status(201).send(await log.addAttachment(actor, request.params.id, upload));
      },
    );

    app.get('/advisory-attachments/:id', { schema: { tags, summary: 'Download an attached file', params } }, async (request, reply) => {
      const { attachment, content } = await log.readAttachment(requireActor(request), request.params.id);
      return reply.type(attachment.contentType).header('content-disposition', attachmentHeader(attachment.name)).send(content);
    });

    app.delete(
      '/advisory-attachments/:id',
      { schema: { tags, summary: 'Take a file off its case (the history keeps it)', params } },
      async (request, reply) => {
        await log.removeAttachment(requireActor(request), request.params.id);
        return reply.status(204).send();
      },
    );
  };
}
