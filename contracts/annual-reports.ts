import { z } from 'zod';
import { money, optionalText } from './common.ts';

/** Years a yearly figure can be about: the registry's history and the year under way. */
export const MIN_REPORT_YEAR = 1990;
export const MAX_REPORT_YEAR = 2100;
export const reportYearSchema = z.coerce.number().int().min(MIN_REPORT_YEAR).max(MAX_REPORT_YEAR);

const count = z.number().int().min(0).max(10_000_000).nullable().optional();
const amount = money.nullable().optional();
/** Profit may be a loss. */
const signedAmount = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).nullable().optional();

export const classificationBands = ['good', 'fair', 'average', 'weak'] as const;
export const classificationBandSchema = z.enum(classificationBands);
export type ClassificationBand = z.infer<typeof classificationBandSchema>;

/** Why an organisation is not rated in a year (Circular 01/2020: younger than 12 months, stopped > 3 months). */
export const notRatedReasons = ['younger_than_12_months', 'stopped_over_3_months', 'other'] as const;

/** The figures of DOMAIN.md §3, one record per organisation and year. Money in whole đồng. */
export const annualFiguresSchema = z.object({
  officialMembers: count,
  associateMembersWithCapital: count,
  associateMembersWithoutCapital: count,
  memberIndividuals: count,
  memberHouseholds: count,
  memberLegalEntities: count,
  workers: count,
  workersWhoAreMembers: count,
  charterCapital: amount,
  totalAssets: amount,
  revenue: amount,
  memberServiceRevenue: amount,
  profitBeforeTax: signedAmount,
  budgetContribution: amount,
  averageWorkerIncome: amount,
  averageMemberIncome: amount,
  isInValueChain: z.boolean().nullable().optional(),
  ocopProducts: z.number().int().min(0).max(1000).nullable().optional(),
  appliesTechnology: z.boolean().nullable().optional(),
  /** Total of the rubric's criteria (0–100); the band follows from the rules of the year. */
  classificationScore: z.number().min(0).max(100).nullable().optional(),
  notRatedReason: z.enum(notRatedReasons).nullable().optional(),
  notes: optionalText(1000),
});
export type AnnualFigures = z.input<typeof annualFiguresSchema>;

export const saveAnnualReportSchema = annualFiguresSchema.extend({
  /** The version read; omitted when the year has no record yet. */
  version: z.number().int().min(1).optional(),
});
export type SaveAnnualReport = z.input<typeof saveAnnualReportSchema>;

export const annualReportSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  year: z.number().int(),
  officialMembers: z.number().nullable(),
  associateMembersWithCapital: z.number().nullable(),
  associateMembersWithoutCapital: z.number().nullable(),
  memberIndividuals: z.number().nullable(),
  memberHouseholds: z.number().nullable(),
  memberLegalEntities: z.number().nullable(),
  workers: z.number().nullable(),
  workersWhoAreMembers: z.number().nullable(),
  charterCapital: z.number().nullable(),
  totalAssets: z.number().nullable(),
  revenue: z.number().nullable(),
  memberServiceRevenue: z.number().nullable(),
  profitBeforeTax: z.number().nullable(),
  budgetContribution: z.number().nullable(),
  averageWorkerIncome: z.number().nullable(),
  averageMemberIncome: z.number().nullable(),
  isInValueChain: z.boolean().nullable(),
  ocopProducts: z.number().nullable(),
  appliesTechnology: z.boolean().nullable(),
  classificationScore: z.number().nullable(),
  classificationBand: classificationBandSchema.nullable(),
  notRatedReason: z.enum(notRatedReasons).nullable(),
  notes: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type AnnualReport = z.infer<typeof annualReportSchema>;

export const classificationRubricSchema = z.object({
  id: z.string(),
  name: z.string(),
  appliesFromYear: z.number().int(),
  /** Lowest score of each band, highest band first. */
  bands: z.array(z.object({ band: classificationBandSchema, minScore: z.number() })),
  /** The criteria scored; points per criterion are added when a circular's table is entered. */
  criteria: z.array(z.object({ code: z.string(), name: z.string(), maxPoints: z.number().optional() })),
});
export type ClassificationRubric = z.infer<typeof classificationRubricSchema>;

export const bandDistributionSchema = z.object({
  year: z.number().int(),
  rated: z.number().int(),
  notRated: z.number().int(),
  /** Figures entered, score not yet. */
  unscored: z.number().int(),
  withoutFigures: z.number().int(),
  byBand: z.array(z.object({ band: classificationBandSchema, count: z.number().int() })),
});
export type BandDistribution = z.infer<typeof bandDistributionSchema>;
