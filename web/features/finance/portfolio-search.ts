import { z } from 'zod';
import { calendarDate } from '../../../contracts/common.ts';

/** The portfolio's date and fund as they live in the URL; anything unreadable is dropped (today, all funds). */
const schema = z.object({
  asOf: calendarDate.optional().catch(undefined),
  fundId: z.string().uuid().optional().catch(undefined),
});

export type PortfolioSearch = z.output<typeof schema>;

export function parsePortfolioSearch(search: Record<string, unknown>): PortfolioSearch {
  const parsed = schema.parse(search);
  return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined)) as PortfolioSearch;
}
