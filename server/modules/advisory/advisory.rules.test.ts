import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AdvisoryStage, advisoryKinds, advisoryStages } from '../../../contracts/advisory.ts';
import { canMoveStage, hoursOf, isOverdue, minutesOf, nextStagesOf, periodOf, stageChange, stagesOf, termOf } from './advisory.rules.ts';

describe('advisory stages', () => {
  it('takes a founding case from inquiry through the file to registration', () => {
    expect(canMoveStage('founding', 'inquiry', 'preparing')).toBe(true);
    expect(canMoveStage('founding', 'preparing', 'submitted')).toBe(true);
    expect(canMoveStage('founding', 'submitted', 'registered')).toBe(true);
    // A file returned by the registration office goes back to preparing.
    expect(canMoveStage('founding', 'submitted', 'preparing')).toBe(true);
  });

  it('never skips the file: a founding inquiry cannot be registered or submitted at once', () => {
    expect(canMoveStage('founding', 'inquiry', 'registered')).toBe(false);
    expect(canMoveStage('founding', 'inquiry', 'submitted')).toBe(false);
    expect(canMoveStage('founding', 'preparing', 'registered')).toBe(false);
    expect(canMoveStage('founding', 'preparing', 'completed')).toBe(false);
  });

  it('ends consulting as completed, with no file to submit, and only founding as registered', () => {
    expect(canMoveStage('accounting', 'preparing', 'completed')).toBe(true);
    expect(canMoveStage('accounting', 'preparing', 'submitted')).toBe(false);
    expect(canMoveStage('reorganization', 'submitted', 'completed')).toBe(true);
    for (const kind of advisoryKinds.filter((each) => each !== 'founding')) {
      expect(stagesOf(kind)).not.toContain('registered');
    }
    expect(stagesOf('founding')).toEqual(expect.arrayContaining(['inquiry', 'preparing', 'submitted', 'registered', 'dropped']));
    expect(stagesOf('founding')).not.toContain('completed');
  });

  it('lets any open case be dropped and a dropped one reopen; registered and completed are final', () => {
    fc.assert(
      fc.property(fc.constantFrom(...advisoryKinds), fc.constantFrom(...advisoryStages), (kind, stage) => {
        const next = nextStagesOf(kind, stage);
        if (stage === 'registered' || stage === 'completed') expect(next).toEqual([]);
        else if (stage === 'dropped') expect(next).toEqual(['inquiry']);
        else if (stagesOf(kind).includes(stage)) expect(next).toContain('dropped');
        expect(next).not.toContain(stage);
      }),
    );
  });

  it('closes on the day given and clears the closing when reopened', () => {
    expect(stageChange('dropped', '2026-03-01', 'Nhóm không đủ thành viên')).toEqual({
      stage: 'dropped',
      closedOn: '2026-03-01',
      droppedReason: 'Nhóm không đủ thành viên',
    });
    expect(stageChange('completed', '2026-03-01', 'ignored')).toEqual({ stage: 'completed', closedOn: '2026-03-01', droppedReason: null });
    expect(stageChange('inquiry', '2026-03-01', null)).toEqual({ stage: 'inquiry', closedOn: null, droppedReason: null });
  });

  it('counts an open case overdue only after its due date', () => {
    expect(isOverdue('preparing', '2026-03-01', '2026-03-01')).toBe(false);
    expect(isOverdue('preparing', '2026-03-01', '2026-03-02')).toBe(true);
    for (const closed of ['registered', 'completed', 'dropped'] as AdvisoryStage[]) {
      expect(isOverdue(closed, '2020-01-01', '2026-03-02')).toBe(false);
    }
  });
});

describe('terms and periods', () => {
  it('names terms by their congress years and counts five calendar years from the first', () => {
    expect(termOf(2020)).toEqual({ startYear: 2020, endYear: 2025, label: '2020–2025', firstYear: 2020, lastYear: 2024 });
    expect(termOf(2024).label).toBe('2020–2025');
    expect(termOf(2025).label).toBe('2025–2030');
    expect(termOf(2029).label).toBe('2025–2030');
    expect(termOf(2019).label).toBe('2015–2020');
  });

  it('puts every year in exactly one term of five years', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), (year) => {
        const term = termOf(year);
        expect(year).toBeGreaterThanOrEqual(term.firstYear);
        expect(year).toBeLessThanOrEqual(term.lastYear);
        expect(term.lastYear - term.firstYear).toBe(4);
        expect(termOf(term.firstYear)).toEqual(term);
      }),
    );
  });

  it('groups dates by year, quarter and month', () => {
    expect(periodOf('2026-05-17', 'year')).toBe('2026');
    expect(periodOf('2026-05-17', 'quarter')).toBe('2026-Q2');
    expect(periodOf('2026-12-31', 'quarter')).toBe('2026-Q4');
    expect(periodOf('2026-05-17', 'month')).toBe('2026-05');
  });

  it('keeps quarter hours exactly as whole minutes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 96 }), (quarters) => {
        expect(hoursOf(minutesOf(quarters / 4))).toBe(quarters / 4);
      }),
    );
  });
});
