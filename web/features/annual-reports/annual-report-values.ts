import {
  type AnnualReport,
  type ClassificationBand,
  type ClassificationRubric,
  type notRatedReasons,
  type SaveAnnualReport,
  saveAnnualReportSchema,
} from '../../../contracts/annual-reports.ts';
import { fieldErrorsFromIssues } from '../../lib/field-errors.ts';
import { translateValidationMessage } from '../../lib/validation-messages.ts';
import { type FigureField, figureGroups } from './options.ts';

type NotRatedReason = (typeof notRatedReasons)[number];

/** What the form holds: every figure may be unknown (null); notes are text. */
export type AnnualReportFormValues = { [Field in FigureField]: AnnualReport[Field] } & {
  notRatedReason: NotRatedReason | null;
  notes: string;
};

const FIGURE_FIELDS = figureGroups.flatMap((group) => group.fields.map((item) => item.field));

export const emptyAnnualReportValues: AnnualReportFormValues = {
  ...(Object.fromEntries([...FIGURE_FIELDS, 'classificationScore'].map((field) => [field, null])) as {
    [Field in FigureField]: null;
  }),
  notRatedReason: null,
  notes: '',
};

export function valuesFromReport(report: AnnualReport | null): AnnualReportFormValues {
  if (!report) return { ...emptyAnnualReportValues };
  const values = { ...emptyAnnualReportValues };
  for (const field of Object.keys(values) as (keyof AnnualReportFormValues)[]) {
    (values as Record<string, unknown>)[field] = field === 'notes' ? (report.notes ?? '') : report[field];
  }
  return values;
}

const translateIssue = (field: string, message: string) => translateValidationMessage('annualReport.validation', field, message);

/** The request body, checked as the API will check it; `version` when changing a year on record. */
export function validateAnnualReport(
  values: AnnualReportFormValues,
  version: number | undefined,
): { body: SaveAnnualReport; errors: null } | { body: null; errors: Record<string, string> } {
  const body: SaveAnnualReport = { ...values, notes: values.notes.trim() || null, version };
  const result = saveAnnualReportSchema.safeParse(body);
  if (!result.success) return { body: null, errors: fieldErrorsFromIssues(result.error.issues, translateIssue) };
  return { body, errors: null };
}

/**
 * The band a score gets under the rubric in force that year (the server decides on saving; this
 * only tells the user what to expect). Null when not rated or no score.
 */
export function bandForScore(
  rubrics: readonly ClassificationRubric[],
  year: number,
  score: number | null,
  notRatedReason: string | null,
): ClassificationBand | null {
  if (score === null || notRatedReason) return null;
  const rubric = rubrics.filter((candidate) => candidate.appliesFromYear <= year).sort((a, b) => b.appliesFromYear - a.appliesFromYear)[0];
  if (!rubric) return null;
  const bands = [...rubric.bands].sort((a, b) => b.minScore - a.minScore);
  return bands.find((band) => score >= band.minScore)?.band ?? null;
}
