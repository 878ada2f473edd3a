import { z } from 'zod';

/** Files kept with a case or a loan: PDF, Word (.docx), JPEG and PNG, checked by their content, at most this size. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const attachmentTypes = ['pdf', 'docx', 'jpeg', 'png'] as const;
export const attachmentTypeSchema = z.enum(attachmentTypes);
export type AttachmentType = z.infer<typeof attachmentTypeSchema>;

/** What is shown of a kept file; the owner (case, loan) adds its own id. */
export const attachmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: attachmentTypeSchema,
  contentType: z.string(),
  size: z.number().int(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;
