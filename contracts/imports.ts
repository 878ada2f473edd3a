import { z } from 'zod';
import { pageOf, pagingQuery } from './common.ts';
import { communeCodeSchema } from './places.ts';

export const importEntities = ['organizations', 'people'] as const;
export type ImportEntity = (typeof importEntities)[number];
export const importEntitySchema = z.enum(importEntities);

export const importStatuses = ['previewing', 'ready', 'committing', 'committed', 'failed'] as const;
export const importRowActions = ['create', 'update', 'unchanged', 'error', 'choose'] as const;
export type ImportRowAction = (typeof importRowActions)[number];

export const jobSchema = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  message: z.string().nullable(),
});
export type Job = z.infer<typeof jobSchema>;

export const importSummarySchema = z.object({
  rows: z.number().int(),
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  error: z.number().int(),
  choose: z.number().int(),
  warnings: z.number().int(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const importSchema = z.object({
  id: z.string(),
  entity: importEntitySchema,
  fileName: z.string(),
  status: z.enum(importStatuses),
  job: jobSchema,
  /** The header row found and which columns were understood. */
  header: z
    .object({
      rowNumber: z.number().int(),
      columns: z.array(z.object({ header: z.string(), field: z.string() })),
      ignored: z.array(z.string()),
    })
    .nullable(),
  summary: importSummarySchema.nullable(),
  /** Why the whole file was refused, in the user's language. */
  error: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Import = z.infer<typeof importSchema>;

const problemSchema = z.object({ column: z.string(), message: z.string() });

export const importRowSchema = z.object({
  rowNumber: z.number().int(),
  action: z.enum(importRowActions),
  label: z.string(),
  targetId: z.string().nullable(),
  errors: z.array(problemSchema),
  warnings: z.array(problemSchema),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  candidates: z.array(z.object({ code: z.string(), label: z.string() })).nullable(),
  chosenCommuneCode: z.string().nullable(),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const importRowsQuerySchema = z.object({
  action: z.enum(importRowActions).optional(),
  hasWarnings: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const chooseCommuneSchema = z.object({ communeCode: communeCodeSchema });

export const commitImportSchema = z.object({
  version: z.number().int().min(1),
  /** Import the good rows and leave out those with errors (they stay listed in the report). */
  skipRowsWithErrors: z.boolean().default(false),
});

/** Earlier imports, newest first: one's own, or — for an administrator — everyone's. */
export const importListQuerySchema = pagingQuery.extend({
  entity: importEntitySchema.optional(),
  status: z.enum(importStatuses).optional(),
});
export type ImportListQuery = z.input<typeof importListQuerySchema>;

export const importListItemSchema = importSchema
  .pick({ id: true, entity: true, fileName: true, status: true, summary: true, error: true, createdAt: true })
  .extend({ createdByName: z.string().nullable() });
export type ImportListItem = z.infer<typeof importListItemSchema>;
export const importListPageSchema = pageOf(importListItemSchema);
