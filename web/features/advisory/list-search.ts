import { z } from 'zod';

/** Placeholder: this page's filters as they live in the URL; anything unreadable is dropped. */
const schema = z.object({});

export type AdvisoryListSearch = z.output<typeof schema>;

export function parseAdvisoryListSearch(search: Record<string, unknown>): AdvisoryListSearch {
  return schema.parse(search);
}
