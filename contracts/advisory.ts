import { z } from 'zod';
import { attachmentSchema } from './attachments.ts';
import { calendarDate, idSchema, optionalText, pageOf, pagingQuery, queryBoolean, text } from './common.ts';
import { organizationKindSchema, sectorSchema, updateOrganizationSchema } from './organizations.ts';
import { communeCodeSchema, provinceCodeSchema } from './places.ts';

/**
 * Founding a cooperative (tư vấn thành lập), re-organising one under the 2023 law, and consulting
 * on one topic: business plan, accounting, governance, digital transformation, value chain, legal
 * matters, dissolution.
 */
export const advisoryKinds = [
  'founding',
  'reorganization',
  'business_plan',
  'accounting',
  'governance',
  'digital_transformation',
  'value_chain',
  'legal',
  'dissolution',
  'other',
] as const;
export const advisoryKindSchema = z.enum(advisoryKinds);
export type AdvisoryKind = z.infer<typeof advisoryKindSchema>;

/**
 * inquiry (tiếp nhận) → preparing (chuẩn bị điều lệ, hồ sơ / đang tư vấn) → submitted (đã nộp hồ
 * sơ) → registered (đã đăng ký, founding only) or completed (hoàn thành); dropped (dừng) with a reason.
 */
export const advisoryStages = ['inquiry', 'preparing', 'submitted', 'registered', 'completed', 'dropped'] as const;
export const advisoryStageSchema = z.enum(advisoryStages);
export type AdvisoryStage = z.infer<typeof advisoryStageSchema>;

export const OPEN_ADVISORY_STAGES = ['inquiry', 'preparing', 'submitted'] as const satisfies readonly AdvisoryStage[];
export const CLOSED_ADVISORY_STAGES = ['registered', 'completed', 'dropped'] as const satisfies readonly AdvisoryStage[];

/** What a founding group may become (DOMAIN.md §2). */
export const foundingKinds = ['cooperative', 'cooperative_union', 'cooperative_group'] as const;
export const foundingKindSchema = z.enum(foundingKinds);
export type FoundingKind = z.infer<typeof foundingKindSchema>;

const phone = z
  .string()
  .trim()
  .max(20)
  .regex(/^[0-9+ ().-]*$/, { error: 'validation.phone' })
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional();

/** The fields a user edits; which are required depends on the kind (see `caseFieldIssues`). */
const caseFieldsSchema = z.object({
  title: text(200).pipe(z.string().min(3, { error: 'validation.nameTooShort' })),
  description: optionalText(4000),
  dueOn: calendarDate,
  /** A user of the Alliance (admin or staff); the caller when left out. */
  assignedOfficerId: idSchema.optional(),
  /** The organisation helped; a founding case has none until it is registered. */
  organizationId: idSchema.nullable().optional(),
  /** The founding group's commune (the organisation's, for other kinds). */
  communeCode: communeCodeSchema.nullable().optional(),
  /** The intended name of the cooperative being founded. */
  groupName: optionalText(300),
  contactName: optionalText(120),
  contactPhone: phone,
  intendedKind: foundingKindSchema.nullable().optional(),
  intendedSector: sectorSchema.nullable().optional(),
  foundingMembers: z.number().int().min(0).max(100_000).nullable().optional(),
});

type CaseFields = Partial<z.output<typeof caseFieldsSchema>> & { kind?: AdvisoryKind; openedOn?: string };

/** Rules across fields, shared by the form's schema and the service (which re-checks a merged record). */
export function caseFieldIssues(value: CaseFields): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (value.kind === 'founding') {
    if (value.organizationId) issues.push({ path: 'organizationId', message: 'validation.foundingWithoutOrganization' });
    if (!value.communeCode) issues.push({ path: 'communeCode', message: 'validation.required' });
    if (!value.groupName) issues.push({ path: 'groupName', message: 'validation.required' });
    if (!value.intendedSector) issues.push({ path: 'intendedSector', message: 'validation.required' });
  } else if (value.kind && !value.organizationId) {
    issues.push({ path: 'organizationId', message: 'validation.caseOrganization' });
  }
  if (value.openedOn && value.dueOn && value.dueOn < value.openedOn) issues.push({ path: 'dueOn', message: 'validation.dueBeforeOpened' });
  return issues;
}

export const createAdvisoryCaseSchema = caseFieldsSchema
  .extend({
    kind: advisoryKindSchema,
    /** Today (in Vietnam) when left out. */
    openedOn: calendarDate.optional(),
  })
  .superRefine((value, context) => {
    for (const issue of caseFieldIssues(value)) context.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  });
export type CreateAdvisoryCase = z.input<typeof createAdvisoryCaseSchema>;

/** Only the fields sent change; the kind is fixed, the stage moves through its own route. */
export const updateAdvisoryCaseSchema = caseFieldsSchema
  .omit({ organizationId: true })
  .partial()
  .extend({ version: z.number().int().min(1), openedOn: calendarDate.optional() });
export type UpdateAdvisoryCase = z.input<typeof updateAdvisoryCaseSchema>;

export const moveAdvisoryStageSchema = z
  .object({
    version: z.number().int().min(1),
    stage: advisoryStageSchema,
    /** The day it happened; today (in Vietnam) when left out. */
    on: calendarDate.optional(),
    /** Why the case was dropped: required for `dropped`. */
    reason: optionalText(1000),
  })
  .superRefine((value, context) => {
    if (value.stage === 'dropped' && !value.reason)
      context.addIssue({ code: 'custom', path: ['reason'], message: 'validation.dropReason' });
  });
export type MoveAdvisoryStage = z.input<typeof moveAdvisoryStageSchema>;

/**
 * The cooperative is registered: either link an organisation already in the registry
 * (`organizationId`) or create it (`organization`: the registry's fields; name, commune, kind and
 * sector default to the founding group's). Either way it is marked founded with support on `registeredOn`.
 */
export const registerAdvisoryCaseSchema = z
  .object({
    version: z.number().int().min(1),
    registeredOn: calendarDate,
    organizationId: idSchema.optional(),
    organization: updateOrganizationSchema.omit({ version: true }).optional(),
  })
  .superRefine((value, context) => {
    if ((value.organizationId === undefined) === (value.organization === undefined)) {
      context.addIssue({ code: 'custom', path: ['organizationId'], message: 'validation.linkOrCreateOrganization' });
    }
  });
export type RegisterAdvisoryCase = z.input<typeof registerAdvisoryCaseSchema>;

const hours = z.number().min(0).max(24).multipleOf(0.25);

export const createAdvisoryActivitySchema = z.object({
  happenedOn: calendarDate,
  /** Who did it: a user of the Alliance; the caller when left out. */
  userId: idSchema.optional(),
  description: text(2000).pipe(z.string().min(1, { error: 'validation.required' })),
  hours: hours.default(0),
});
export type CreateAdvisoryActivity = z.input<typeof createAdvisoryActivitySchema>;

export const updateAdvisoryActivitySchema = z.object({
  version: z.number().int().min(1),
  happenedOn: calendarDate.optional(),
  userId: idSchema.optional(),
  description: text(2000)
    .pipe(z.string().min(1, { error: 'validation.required' }))
    .optional(),
  hours: hours.optional(),
});
export type UpdateAdvisoryActivity = z.input<typeof updateAdvisoryActivitySchema>;

const userRef = z.object({ id: z.string(), name: z.string() });

/** Who a case may be assigned to: active admins and staff of the province (or national ones). */
export const advisoryOfficersQuerySchema = z.object({
  /** For a national user: the province whose officers to list. */
  provinceCode: provinceCodeSchema.optional(),
});
export const advisoryOfficerListSchema = z.object({ items: z.array(userRef) });
export type AdvisoryOfficer = z.infer<typeof userRef>;

export const advisoryActivitySchema = z.object({
  id: z.string(),
  caseId: z.string(),
  happenedOn: z.string(),
  user: userRef,
  description: z.string(),
  hours: z.number(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type AdvisoryActivity = z.infer<typeof advisoryActivitySchema>;

export const advisoryAttachmentSchema = attachmentSchema.extend({ caseId: z.string() });
export type AdvisoryAttachment = z.infer<typeof advisoryAttachmentSchema>;

const caseOrganizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: organizationKindSchema,
  isNewModel: z.boolean(),
  foundedWithSupportOn: z.string().nullable(),
});

export const advisoryCaseSummarySchema = z.object({
  id: z.string(),
  kind: advisoryKindSchema,
  title: z.string(),
  stage: advisoryStageSchema,
  openedOn: z.string(),
  dueOn: z.string(),
  closedOn: z.string().nullable(),
  /** Still open and past its due date (in Vietnam). */
  isOverdue: z.boolean(),
  assignedOfficer: userRef,
  organization: caseOrganizationSchema.nullable(),
  groupName: z.string().nullable(),
  communeCode: z.string(),
  communeName: z.string(),
  provinceCode: z.string(),
  provinceName: z.string(),
  version: z.number().int(),
});
export type AdvisoryCaseSummary = z.infer<typeof advisoryCaseSummarySchema>;
export const advisoryCasePageSchema = pageOf(advisoryCaseSummarySchema);

export const advisoryCaseSchema = advisoryCaseSummarySchema.extend({
  description: z.string().nullable(),
  contactName: z.string().nullable(),
  /** Null for a reader who may not see it (a viewer): `isContactHidden` tells hidden from unknown. */
  contactPhone: z.string().nullable(),
  isContactHidden: z.boolean(),
  intendedKind: foundingKindSchema.nullable(),
  intendedSector: sectorSchema.nullable(),
  foundingMembers: z.number().int().nullable(),
  droppedReason: z.string().nullable(),
  registeredOn: z.string().nullable(),
  totalHours: z.number(),
  /** Where the case may go next from its stage (registration has its own route). */
  nextStages: z.array(advisoryStageSchema),
  activities: z.array(advisoryActivitySchema),
  attachments: z.array(advisoryAttachmentSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdvisoryCase = z.infer<typeof advisoryCaseSchema>;

export const advisoryCaseSortKeys = ['dueOn', '-dueOn', 'openedOn', '-openedOn', 'updatedAt', '-updatedAt'] as const;

const caseFilters = {
  q: z.string().trim().max(200).optional(),
  kind: advisoryKindSchema.optional(),
  officerId: idSchema.optional(),
  organizationId: idSchema.optional(),
  provinceCode: provinceCodeSchema.optional(),
  communeCode: communeCodeSchema.optional(),
  /** true: open cases past their due date. */
  overdue: queryBoolean.optional(),
  /** true: inquiry, preparing or submitted; false: registered, completed or dropped. */
  isOpen: queryBoolean.optional(),
  openedFrom: calendarDate.optional(),
  openedTo: calendarDate.optional(),
  closedFrom: calendarDate.optional(),
  closedTo: calendarDate.optional(),
};

export const advisoryCaseListQuerySchema = pagingQuery.extend({
  ...caseFilters,
  stage: advisoryStageSchema.optional(),
  sort: z.enum(advisoryCaseSortKeys).default('-openedOn'),
});
export type AdvisoryCaseListQuery = z.input<typeof advisoryCaseListQuerySchema>;
export type AdvisoryCaseFilters = Omit<z.output<typeof advisoryCaseListQuerySchema>, 'page' | 'pageSize' | 'sort'>;

export const advisoryExportQuerySchema = advisoryCaseListQuerySchema.omit({ page: true, pageSize: true });

/** The board takes the list's filters except the stage: each column is a stage. */
export const advisoryBoardQuerySchema = z.object({
  ...caseFilters,
  /** Cards per column (the count is always complete). */
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AdvisoryBoardQuery = z.input<typeof advisoryBoardQuerySchema>;

export const advisoryBoardSchema = z.object({
  columns: z.array(
    z.object({
      stage: advisoryStageSchema,
      count: z.number().int(),
      /** Open stages: soonest due first; closed stages: most recently closed first. */
      cards: z.array(advisoryCaseSummarySchema),
    }),
  ),
});
export type AdvisoryBoard = z.infer<typeof advisoryBoardSchema>;

export const statsPeriods = ['month', 'quarter', 'year'] as const;

export const advisoryStatsQuerySchema = z
  .object({
    /** The first day counted; 1 January of the year of `to` (or of this year) when left out. */
    from: calendarDate.optional(),
    /** The last day counted; 31 December of `from`'s year when left out. */
    to: calendarDate.optional(),
    groupBy: z.enum(statsPeriods).default('year'),
    provinceCode: provinceCodeSchema.optional(),
  })
  .superRefine((value, context) => {
    if (value.from && value.to && value.to < value.from)
      context.addIssue({ code: 'custom', path: ['to'], message: 'validation.periodOrder' });
  });
export type AdvisoryStatsQuery = z.input<typeof advisoryStatsQuerySchema>;

const stageCounts = {
  opened: z.number().int(),
  closed: z.number().int(),
  registered: z.number().int(),
  completed: z.number().int(),
  dropped: z.number().int(),
};

export const advisoryStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(statsPeriods),
  /** One row per period (2026, 2026-Q1, 2026-03) and kind that has anything to count. */
  rows: z.array(z.object({ period: z.string(), kind: advisoryKindSchema, ...stageCounts })),
  totals: z.object(stageCounts),
  /** Now, whatever the period: cases still open and those of them past their due date. */
  openNow: z.number().int(),
  overdueNow: z.number().int(),
});
export type AdvisoryStats = z.infer<typeof advisoryStatsSchema>;

/** A term (nhiệm kỳ) is labelled by its congress years (2020–2025) and counts five calendar years from its first. */
export const termSchema = z.object({
  startYear: z.number().int(),
  endYear: z.number().int(),
  label: z.string(),
  firstYear: z.number().int(),
  lastYear: z.number().int(),
});
export type Term = z.infer<typeof termSchema>;

export const foundedStatsQuerySchema = z.object({
  /** The first year of the term to detail; the term of `year` when left out. */
  term: z.coerce.number().int().min(1990).max(2100).optional(),
  /** The year to detail; this year when left out. */
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  provinceCode: provinceCodeSchema.optional(),
});
export type FoundedStatsQuery = z.input<typeof foundedStatsQuerySchema>;

/** The reports page as a workbook: the year's founding and case counts, grouped as on the page. */
export const advisoryReportExportQuerySchema = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  groupBy: z.enum(statsPeriods).default('quarter'),
  provinceCode: provinceCodeSchema.optional(),
});
export type AdvisoryReportExportQuery = z.input<typeof advisoryReportExportQuerySchema>;

const foundedCount = { total: z.number().int(), newModel: z.number().int() };

/** Organisations founded with the Alliance's support (counted by the date marked), merged duplicates left out. */
export const foundedStatsSchema = z.object({
  year: z.number().int(),
  term: termSchema,
  thisYear: z.object(foundedCount),
  thisTerm: z.object(foundedCount),
  byYear: z.array(z.object({ year: z.number().int(), ...foundedCount })),
  byTerm: z.array(termSchema.extend(foundedCount)),
  /** Within the term detailed. */
  bySector: z.array(z.object({ key: sectorSchema, ...foundedCount })),
  byKind: z.array(z.object({ key: organizationKindSchema, ...foundedCount })),
  byCommune: z.array(z.object({ key: z.string(), label: z.string(), provinceCode: z.string(), ...foundedCount })),
});
export type FoundedStats = z.infer<typeof foundedStatsSchema>;
