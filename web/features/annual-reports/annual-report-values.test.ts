import { describe, expect, it } from 'vitest';
import type { ClassificationRubric } from '../../../contracts/annual-reports.ts';
import { bandForScore, emptyAnnualReportValues, validateAnnualReport } from './annual-report-values.ts';

const circular2020: ClassificationRubric = {
  id: 'r2020',
  name: 'Thông tư 01/2020/TT-BKHĐT',
  appliesFromYear: 2020,
  bands: [
    { band: 'weak', minScore: 0 },
    { band: 'good', minScore: 80 },
    { band: 'average', minScore: 50 },
    { band: 'fair', minScore: 65 },
  ],
  criteria: [],
};
const stricter2026: ClassificationRubric = { ...circular2020, id: 'r2026', appliesFromYear: 2026, bands: [{ band: 'good', minScore: 90 }] };

describe('the band a score is expected to get', () => {
  it('follows the lowest score of each band, whatever order the rubric lists them in', () => {
    expect(bandForScore([circular2020], 2024, 80, null)).toBe('good');
    expect(bandForScore([circular2020], 2024, 79.5, null)).toBe('fair');
    expect(bandForScore([circular2020], 2024, 65, null)).toBe('fair');
    expect(bandForScore([circular2020], 2024, 49, null)).toBe('weak');
  });

  it('uses the rubric in force that year, and none before the first', () => {
    expect(bandForScore([circular2020, stricter2026], 2026, 85, null)).toBeNull();
    expect(bandForScore([circular2020, stricter2026], 2025, 85, null)).toBe('good');
    expect(bandForScore([circular2020], 2019, 85, null)).toBeNull();
  });

  it('gives no band without a score or when the organisation is not rated', () => {
    expect(bandForScore([circular2020], 2024, null, null)).toBeNull();
    expect(bandForScore([circular2020], 2024, 85, 'younger_than_12_months')).toBeNull();
  });
});

describe('the figures sent', () => {
  it('keep a loss, name the version read and leave blank notes out', () => {
    const result = validateAnnualReport({ ...emptyAnnualReportValues, profitBeforeTax: -15_000_000, notes: '  ' }, 3);
    expect(result.errors).toBeNull();
    expect(result.body).toMatchObject({ profitBeforeTax: -15_000_000, notes: null, version: 3 });
  });

  it('refuse a score above 100 before asking the server', () => {
    expect(validateAnnualReport({ ...emptyAnnualReportValues, classificationScore: 120 }, undefined).errors).toEqual({
      classificationScore: 'Điểm từ 0 đến 100',
    });
  });
});
