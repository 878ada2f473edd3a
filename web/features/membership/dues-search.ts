import { z } from 'zod';
import { duesStatusSchema } from '../../../contracts/membership.ts';
import { organizationKindSchema } from '../../../contracts/organizations.ts';

/** The dues page's filters as they live in the URL; anything unreadable is dropped. */
const schema = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional().catch(undefined),
  /** Only the members still owing, this year's dues and earlier ones. */
  behind: z
    .union([z.literal(true), z.literal('true').transform(() => true as const)])
    .optional()
    .catch(undefined),
  status: duesStatusSchema.optional().catch(undefined),
  kind: organizationKindSchema.optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export type DuesSearch = z.output<typeof schema>;

export function parseDuesSearch(search: Record<string, unknown>): DuesSearch {
  const parsed = schema.parse(search);
  return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined && value !== '')) as DuesSearch;
}
