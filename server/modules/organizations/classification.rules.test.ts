import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClassificationRubric } from '../../../contracts/annual-reports.ts';
import { bandForScore, classify, rubricForYear } from './classification.rules.ts';

const circular2020: ClassificationRubric = {
  id: 'a',
  name: 'Thông tư 01/2020/TT-BKHĐT',
  appliesFromYear: 2020,
  bands: [
    { band: 'good', minScore: 80 },
    { band: 'fair', minScore: 65 },
    { band: 'average', minScore: 50 },
    { band: 'weak', minScore: 0 },
  ],
  criteria: [],
};
const stricter2027: ClassificationRubric = {
  ...circular2020,
  id: 'b',
  name: 'Thông tư mới',
  appliesFromYear: 2027,
  bands: [
    { band: 'good', minScore: 85 },
    { band: 'weak', minScore: 0 },
  ],
};

describe('classification bands', () => {
  it('puts the edges of Circular 01/2020 in the right band', () => {
    expect(bandForScore(circular2020, 100)).toBe('good');
    expect(bandForScore(circular2020, 80)).toBe('good');
    expect(bandForScore(circular2020, 79.5)).toBe('fair');
    expect(bandForScore(circular2020, 65)).toBe('fair');
    expect(bandForScore(circular2020, 64.9)).toBe('average');
    expect(bandForScore(circular2020, 50)).toBe('average');
    expect(bandForScore(circular2020, 49)).toBe('weak');
  });

  it('applies the rubric in force in the year: a new circular is data, not code', () => {
    const rubrics = [circular2020, stricter2027];
    expect(rubricForYear(rubrics, 2019)).toBeUndefined();
    expect(rubricForYear(rubrics, 2026)?.name).toBe('Thông tư 01/2020/TT-BKHĐT');
    expect(classify(rubrics, 2026, 82, null)).toBe('good');
    expect(classify(rubrics, 2027, 82, null)).toBe('weak');
  });

  it('gives no band to a year that is not rated or has no score', () => {
    expect(classify([circular2020], 2024, 90, 'younger_than_12_months')).toBeNull();
    expect(classify([circular2020], 2024, null, null)).toBeNull();
  });

  it('never gives a lower band to a higher score', () => {
    const order = ['weak', 'average', 'fair', 'good'];
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(order.indexOf(bandForScore(circular2020, high) ?? '')).toBeGreaterThanOrEqual(
          order.indexOf(bandForScore(circular2020, low) ?? ''),
        );
      }),
    );
  });
});
