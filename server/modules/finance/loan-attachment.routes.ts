import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../contracts/common.ts';
import { loanAttachmentSchema } from '../../../contracts/finance.ts';
import { readAttachmentUpload } from '../../platform/attachment-upload.ts';
import { requireActor } from '../../platform/authentication.ts';
import { attachmentHeader } from '../../platform/sheets/sheet-writer.ts';
import type { LoanAttachmentService } from './loan-attachment.service.ts';

const params = z.object({ id: idSchema });
const tags = ['loans'];

export function loanAttachmentRoutes(papers: LoanAttachmentService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/loans/:id/attachments',
      { schema: { tags, summary: 'The scanned papers of the loan’s file', params, response: { 200: z.array(loanAttachmentSchema) } } },
      async (request) => papers.findAttachments(requireActor(request), request.params.id),
    );

    app.post(
      '/loans/:id/attachments',
      {
        schema: {
          tags,
          summary: 'File a paper (multipart field "file"): PDF, .docx, JPEG or PNG, at most 10 MB',
          consumes: ['multipart/form-data'],
          params,
          response: { 201: loanAttachmentSchema },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        // Refuse before reading an upload the caller may not make.
        await papers.assertMayAttach(actor, request.params.id);
        const upload = await readAttachmentUpload(request);
        return reply.status(201).send(await papers.addAttachment(actor, request.params.id, upload));
      },
    );

    app.get('/loan-attachments/:id', { schema: { tags, summary: 'Download a paper of a loan', params } }, async (request, reply) => {
      const { attachment, content } = await papers.readAttachment(requireActor(request), request.params.id);
      return reply.type(attachment.contentType).header('content-disposition', attachmentHeader(attachment.name)).send(content);
    });

    app.delete(
      '/loan-attachments/:id',
      { schema: { tags, summary: 'Take a paper off its loan (the history keeps it)', params } },
      async (request, reply) => {
        await papers.removeAttachment(requireActor(request), request.params.id);
        return reply.status(204).send();
      },
    );
  };
}
