import { describe, expect, it } from 'vitest';
import { parseOrganizationListSearch, toOrganizationExportQuery } from '../features/organizations/list-search.ts';
import { parseSearch, stringifySearch } from './search-params.ts';

describe('list filters in the URL', () => {
  it('write plain, shareable query strings and leave out empty values', () => {
    expect(stringifySearch({ q: 'tân tiến', page: 2, isNewModel: true, kind: undefined, sector: '' })).toBe(
      '?q=t%C3%A2n+ti%E1%BA%BFn&page=2&isNewModel=true',
    );
  });

  it('read back to the same typed filters', () => {
    const search = parseOrganizationListSearch(parseSearch(stringifySearch({ q: 'tan tien', page: 2, isNewModel: false })));
    expect(search).toEqual({ q: 'tan tien', page: 2, isNewModel: false });
  });

  it('keep the figure filters with their year, and drop them without one', () => {
    const search = parseOrganizationListSearch(parseSearch('?figuresYear=2024&revenueMin=1000000000&band=good&hasFigures=false'));
    expect(search).toEqual({ figuresYear: 2024, revenueMin: 1_000_000_000, band: 'good', hasFigures: false });
    expect(toOrganizationExportQuery({ ...search, page: 3, pageSize: 50, sort: '-name' })).toEqual({
      figuresYear: 2024,
      revenueMin: 1_000_000_000,
      band: 'good',
      hasFigures: 'false',
      archived: undefined,
      isNewModel: undefined,
    });
    expect(parseOrganizationListSearch(parseSearch('?revenueMin=1000000000&band=good&hasFigures=false'))).toEqual({});
    expect(parseOrganizationListSearch(parseSearch('?figuresYear=2024&hasFigures=true'))).toEqual({ figuresYear: 2024 });
  });

  it('drop what cannot be read instead of failing the page', () => {
    expect(parseOrganizationListSearch(parseSearch('?kind=bank&page=-1&pageSize=5000&sort=name&provinceCode=24'))).toEqual({
      sort: 'name',
      provinceCode: '24',
    });
  });
});
