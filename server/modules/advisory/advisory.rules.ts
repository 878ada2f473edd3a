import { type AdvisoryKind, type AdvisoryStage, OPEN_ADVISORY_STAGES, type statsPeriods, type Term } from '../../../contracts/advisory.ts';
import { toSearchText } from '../../platform/search-text.ts';

type Transitions = Partial<Record<AdvisoryStage, readonly AdvisoryStage[]>>;

/**
 * Where a case may go from each stage. A founding case ends registered (through the register
 * route, which creates or links the organisation); a re-organisation ends completed once its file
 * is accepted; consulting has no file to submit. Any open case may be dropped (with a reason), a
 * file returned by the registration office goes back to preparing, and a dropped case may reopen.
 */
const FOUNDING: Transitions = {
  inquiry: ['preparing', 'dropped'],
  preparing: ['inquiry', 'submitted', 'dropped'],
  submitted: ['preparing', 'registered', 'dropped'],
  dropped: ['inquiry'],
};
const REORGANIZATION: Transitions = {
  inquiry: ['preparing', 'dropped'],
  preparing: ['inquiry', 'submitted', 'completed', 'dropped'],
  submitted: ['preparing', 'completed', 'dropped'],
  dropped: ['inquiry'],
};
const CONSULTING: Transitions = {
  inquiry: ['preparing', 'dropped'],
  preparing: ['inquiry', 'completed', 'dropped'],
  dropped: ['inquiry'],
};

function transitionsOf(kind: AdvisoryKind): Transitions {
  if (kind === 'founding') return FOUNDING;
  if (kind === 'reorganization') return REORGANIZATION;
  return CONSULTING;
}

/** The stages a case of this kind may move to from `stage`; none from registered or completed. */
export function nextStagesOf(kind: AdvisoryKind, stage: AdvisoryStage): AdvisoryStage[] {
  return [...(transitionsOf(kind)[stage] ?? [])];
}

export function canMoveStage(kind: AdvisoryKind, from: AdvisoryStage, to: AdvisoryStage): boolean {
  return nextStagesOf(kind, from).includes(to);
}

/** The stages a case of this kind can ever be in (the board shows only these columns for one kind). */
export function stagesOf(kind: AdvisoryKind): AdvisoryStage[] {
  const transitions = transitionsOf(kind);
  const stages = new Set<AdvisoryStage>(['inquiry']);
  for (const [from, targets] of Object.entries(transitions)) {
    stages.add(from as AdvisoryStage);
    for (const target of targets ?? []) stages.add(target);
  }
  return [...stages];
}

export const isOpenStage = (stage: AdvisoryStage): boolean => (OPEN_ADVISORY_STAGES as readonly AdvisoryStage[]).includes(stage);

/** Open and past its due date: due today is not yet overdue. */
export const isOverdue = (stage: AdvisoryStage, dueOn: string, today: string): boolean => isOpenStage(stage) && dueOn < today;

/** What a stage change writes: a closing stage records the day, reopening clears it and the drop reason. */
export function stageChange(
  to: AdvisoryStage,
  on: string,
  reason: string | null,
): { stage: AdvisoryStage; closedOn: string | null; droppedReason: string | null } {
  if (isOpenStage(to)) return { stage: to, closedOn: null, droppedReason: null };
  return { stage: to, closedOn: on, droppedReason: to === 'dropped' ? reason : null };
}

/**
 * Terms (nhiệm kỳ) are named by their congress years, 2020–2025, 2025–2030, and counted as the five
 * calendar years from the first: 2020–2025 is 1 Jan 2020 to 31 Dec 2024. A congress held in 2025
 * reports 2020–2024 and the new term owns 2025, so no year is counted twice.
 */
export const TERM_YEARS = 5;
const TERM_ANCHOR = 2020;

export function termOf(year: number): Term {
  const startYear = TERM_ANCHOR + Math.floor((year - TERM_ANCHOR) / TERM_YEARS) * TERM_YEARS;
  return {
    startYear,
    endYear: startYear + TERM_YEARS,
    label: `${startYear}–${startYear + TERM_YEARS}`,
    firstYear: startYear,
    lastYear: startYear + TERM_YEARS - 1,
  };
}

/** The period a calendar date falls in: 2026, 2026-Q2 or 2026-05. */
export function periodOf(date: string, groupBy: (typeof statsPeriods)[number]): string {
  const year = date.slice(0, 4);
  if (groupBy === 'year') return year;
  const month = Number(date.slice(5, 7));
  if (groupBy === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return date.slice(0, 7);
}

/** Activity time is entered in hours (quarters of an hour) and kept as whole minutes. */
export const minutesOf = (hours: number): number => Math.round(hours * 60);
export const hoursOf = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;

/** What a case is found by: its title, the founding group, the contact, the organisation. */
export function caseSearchText(values: {
  title: string;
  groupName?: string | null;
  contactName?: string | null;
  organizationName?: string | null;
}): string {
  return toSearchText(values.title, values.groupName, values.contactName, values.organizationName);
}
