import { z } from 'zod';

/** Limits every list shares; the API refuses anything larger. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 20;

export const idSchema = z.uuid();

/** A bounded, trimmed, NFC-normalised string: every free text input goes through this. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => value.normalize('NFC'));

/** Optional free text: empty strings become null so the database never keeps "". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value.normalize('NFC')))
    .nullable()
    .optional();

/** A calendar date written YYYY-MM-DD. */
export const calendarDate = z.iso.date({ error: 'validation.date' });

/** Whole đồng: money is never a float. */
export const money = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const pagingQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});

/** Query-string booleans arrive as text. */
export const queryBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** RFC 9457 problem details, with the fields the user has to fix. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  warnings: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
  conflictId: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  action: z.enum(['create', 'update', 'archive', 'restore', 'erase', 'merge']),
  actorName: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
