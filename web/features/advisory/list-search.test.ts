import { describe, expect, it } from 'vitest';
import { parseAdvisoryListSearch, toCaseBoardQuery, toCaseExportQuery, toCaseListQuery } from './list-search.ts';

describe('the cases list in the address', () => {
  it('keeps readable filters and drops the rest instead of failing', () => {
    const search = parseAdvisoryListSearch({
      view: 'board',
      kind: 'founding',
      stage: 'nonsense',
      state: 'overdue',
      officerId: 'not-a-uuid',
      communeCode: '07699',
      sort: 'dueOn',
      page: '0',
      q: '  rau an toàn ',
    });
    expect(search).toEqual({ view: 'board', kind: 'founding', state: 'overdue', communeCode: '07699', sort: 'dueOn', q: 'rau an toàn' });
  });

  it('keeps a national officer’s province and asks the server for it', () => {
    const search = parseAdvisoryListSearch({ provinceCode: '24', communeCode: '07699' });
    expect(search).toEqual({ provinceCode: '24', communeCode: '07699' });
    expect(toCaseListQuery(search)).toMatchObject({ provinceCode: '24', communeCode: '07699' });
    expect(toCaseBoardQuery(search)).toMatchObject({ provinceCode: '24' });
    expect(toCaseExportQuery(search)).toMatchObject({ provinceCode: '24' });
    expect(parseAdvisoryListSearch({ provinceCode: 'x' })).toEqual({});
  });

  it('asks the server for what the state means', () => {
    expect(toCaseListQuery({ state: 'overdue' })).toMatchObject({ overdue: 'true', isOpen: undefined });
    expect(toCaseListQuery({ state: 'open' })).toMatchObject({ overdue: undefined, isOpen: 'true' });
    expect(toCaseListQuery({ state: 'closed' })).toMatchObject({ isOpen: 'false' });
  });

  it('gives the board every filter but the stage, and the export no paging', () => {
    expect(toCaseBoardQuery({ stage: 'preparing', kind: 'legal' })).not.toHaveProperty('stage');
    const exported = toCaseExportQuery({ page: 3, pageSize: 50, sort: 'dueOn', kind: 'legal' });
    expect(exported).toMatchObject({ kind: 'legal', sort: 'dueOn' });
    expect(exported).not.toHaveProperty('page');
    expect(exported).not.toHaveProperty('pageSize');
  });
});
