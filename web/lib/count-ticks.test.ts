import { describe, expect, it } from 'vitest';
import { countTicks } from './count-ticks.ts';

describe('ticks of a counts chart', () => {
  it('counts one by one while the largest value is small', () => {
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(1)).toEqual([0, 1]);
    expect(countTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(countTicks(5)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('steps evenly by 2, 5, 10, 20 … above that, ending at or just above the largest value', () => {
    expect(countTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(countTicks(13)).toEqual([0, 5, 10, 15]);
    expect(countTicks(48)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(countTicks(240)).toEqual([0, 50, 100, 150, 200, 250]);
    expect(countTicks(1_234)).toEqual([0, 500, 1_000, 1_500]);
  });

  it('always has even gaps and at most six ticks', () => {
    for (let max = 0; max <= 5_000; max += 7) {
      const ticks = countTicks(max);
      const gaps = new Set(ticks.slice(1).map((tick, index) => tick - (ticks[index] ?? 0)));
      expect(gaps.size, `max ${max}: ${ticks.join(', ')}`).toBe(1);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
    }
  });
});
