import { z } from 'zod';

/** Placeholder: this page's filters as they live in the URL; anything unreadable is dropped. */
const schema = z.object({});

export type PortfolioSearch = z.output<typeof schema>;

export function parsePortfolioSearch(search: Record<string, unknown>): PortfolioSearch {
  return schema.parse(search);
}
