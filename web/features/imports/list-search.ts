import { z } from 'zod';
import { importEntities, importRowActions, importStatuses } from '../../../contracts/imports.ts';

/** Which rows of a preview to show: one action, or those with warnings. */
export const importRowShows = [...importRowActions, 'warnings'] as const;
export type ImportRowShow = (typeof importRowShows)[number];

export const importSearchSchema = z.object({
  show: z.enum(importRowShows).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

/** What list the new import is of: organisations (with their yearly figures) unless the URL says people. */
export const importNewSearchSchema = z.object({
  entity: z.enum(importEntities).optional().catch(undefined),
});

/** The list of earlier imports: which kind, which status, which page. */
export const importListSearchSchema = z.object({
  entity: z.enum(importEntities).optional().catch(undefined),
  status: z.enum(importStatuses).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type ImportListSearch = z.output<typeof importListSearchSchema>;
