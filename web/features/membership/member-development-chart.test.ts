import { describe, expect, it } from 'vitest';
import type { MembershipStats } from '../../../contracts/membership.ts';
import { developmentByYear } from './member-development-chart.tsx';

const stats = (overrides: Partial<MembershipStats>): MembershipStats => ({
  year: 2026,
  members: { total: 11, byKind: [], byCategory: [] },
  joinedByYear: [],
  leftByYear: [],
  dues: { year: 2026, due: 0, paid: 0, membersBehind: 0 },
  ...overrides,
});

describe('member development per year', () => {
  it('adds the kinds together and works the members at each year end back from today', () => {
    const rows = developmentByYear(
      stats({
        joinedByYear: [
          { year: 2024, kind: 'cooperative', count: 6 },
          { year: 2025, kind: 'cooperative', count: 3 },
          { year: 2026, kind: 'enterprise', count: 2 },
          { year: 2026, kind: 'cooperative', count: 1 },
        ],
        leftByYear: [{ year: 2025, kind: 'cooperative', count: 1 }],
      }),
    );
    expect(rows).toEqual([
      { year: '2024', joined: 6, left: 0, members: 6 },
      { year: '2025', joined: 3, left: 1, members: 8 },
      { year: '2026', joined: 3, left: 0, members: 11 },
    ]);
  });

  it('draws nothing when nobody ever joined', () => {
    expect(developmentByYear(stats({}))).toEqual([]);
  });
});
