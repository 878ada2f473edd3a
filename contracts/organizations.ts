import { z } from 'zod';
import { calendarDate, idSchema, money, optionalText, pageOf, pagingQuery, queryBoolean, text } from './common.ts';
import { classificationBandSchema, reportYearSchema } from './annual-reports.ts';
import { communeCodeSchema, provinceCodeSchema } from './places.ts';

export const organizationKinds = ['cooperative', 'cooperative_union', 'cooperative_group', 'enterprise'] as const;
export const organizationKindSchema = z.enum(organizationKinds);
export type OrganizationKind = z.infer<typeof organizationKindSchema>;

export const organizationStatuses = ['active', 'suspended', 'dissolving', 'dissolved', 'inactive', 'revoked', 'bankrupt'] as const;
export const organizationStatusSchema = z.enum(organizationStatuses);
export type OrganizationStatus = z.infer<typeof organizationStatusSchema>;

export const sectors = [
  'agriculture',
  'industry_handicraft',
  'construction',
  'trade_services',
  'transport',
  'credit',
  'environment',
  'housing',
  'other',
] as const;
export const sectorSchema = z.enum(sectors);
export type Sector = z.infer<typeof sectorSchema>;

/** 10 digits, or 10-3 for a dependent unit (0123456789-001). */
export const TAX_CODE_PATTERN = /^\d{10}(-\d{3})?$/;
export const taxCodeSchema = z.string().trim().regex(TAX_CODE_PATTERN, { error: 'validation.taxCodeFormat' });

const phone = z
  .string()
  .trim()
  .max(20)
  .regex(/^[0-9+ ().-]*$/, { error: 'validation.phone' })
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional();
const email = z
  .union([z.literal(''), z.email({ error: 'validation.email' }).max(200)])
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional();

/** What a user fills in; the province follows from the commune. */
const organizationFieldsSchema = z.object({
  kind: organizationKindSchema,
  name: text(300).pipe(z.string().min(3, { error: 'validation.nameTooShort' })),
  shortName: optionalText(100),
  foreignName: optionalText(300),
  taxCode: taxCodeSchema.nullable().optional(),
  registeredOn: calendarDate.nullable().optional(),
  registrationAuthority: optionalText(200),
  communeCode: communeCodeSchema,
  addressLine: optionalText(300),
  /** The address as an imported list wrote it (before July 2025 lists name old units). */
  addressAsImported: optionalText(500),
  status: organizationStatusSchema,
  observedStatus: organizationStatusSchema.nullable().optional(),
  observedOn: calendarDate.nullable().optional(),
  sector: sectorSchema,
  vsicCodes: optionalText(200),
  isNewModel: z.boolean(),
  charterCapital: money.nullable().optional(),
  legalRepresentative: optionalText(120),
  chairName: optionalText(120),
  directorName: optionalText(120),
  controllerName: optionalText(120),
  phone,
  email,
  website: optionalText(200),
  notes: optionalText(2000),
});

export const organizationInputSchema = organizationFieldsSchema.extend({
  status: organizationStatusSchema.default('active'),
  isNewModel: z.boolean().default(false),
});
export type OrganizationInput = z.input<typeof organizationInputSchema>;

export const createOrganizationSchema = organizationInputSchema.extend({
  /** The user has seen the warnings (a tax code whose check digit fails) and saves anyway. */
  confirmWarnings: z.boolean().optional(),
});
export type CreateOrganization = z.input<typeof createOrganizationSchema>;

/** Only the fields sent change: no defaults here, or a partial change would reset them. */
export const updateOrganizationSchema = organizationFieldsSchema.partial().extend({
  version: z.number().int().min(1),
  confirmWarnings: z.boolean().optional(),
});
export type UpdateOrganization = z.input<typeof updateOrganizationSchema>;

export const archiveOrganizationSchema = z.object({
  version: z.number().int().min(1),
  reason: text(500).pipe(z.string().min(1, { error: 'validation.archiveReason' })),
});
export type ArchiveOrganization = z.input<typeof archiveOrganizationSchema>;

export const organizationSchema = z.object({
  id: z.string(),
  kind: organizationKindSchema,
  name: z.string(),
  shortName: z.string().nullable(),
  foreignName: z.string().nullable(),
  taxCode: z.string().nullable(),
  registeredOn: z.string().nullable(),
  registrationAuthority: z.string().nullable(),
  communeCode: z.string(),
  communeName: z.string(),
  provinceCode: z.string(),
  provinceName: z.string(),
  addressLine: z.string().nullable(),
  addressAsImported: z.string().nullable(),
  status: organizationStatusSchema,
  observedStatus: organizationStatusSchema.nullable(),
  observedOn: z.string().nullable(),
  sector: sectorSchema,
  vsicCodes: z.string().nullable(),
  isNewModel: z.boolean(),
  charterCapital: z.number().nullable(),
  legalRepresentative: z.string().nullable(),
  chairName: z.string().nullable(),
  directorName: z.string().nullable(),
  controllerName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  notes: z.string().nullable(),
  archivedAt: z.string().nullable(),
  archivedReason: z.string().nullable(),
  /** Founded with the Alliance's support (tư vấn thành lập): the registration date, set when an advisory case registers it. */
  foundedWithSupportOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const organizationSortKeys = ['name', '-name', 'registeredOn', '-registeredOn', 'updatedAt', '-updatedAt'] as const;

export const organizationListQuerySchema = pagingQuery.extend({
  q: z.string().trim().max(200).optional(),
  kind: organizationKindSchema.optional(),
  status: organizationStatusSchema.optional(),
  sector: sectorSchema.optional(),
  provinceCode: provinceCodeSchema.optional(),
  communeCode: communeCodeSchema.optional(),
  isNewModel: queryBoolean.optional(),
  /** Founded with the Alliance's support (an advisory case registered it). */
  foundedWithSupport: queryBoolean.optional(),
  /** Founded with support in this year: the report's "founded this year" as a list. */
  foundedYear: reportYearSchema.optional(),
  archived: queryBoolean.optional(),
  sort: z.enum(organizationSortKeys).default('name'),
  /** The year the figure filters below are about. */
  figuresYear: reportYearSchema.optional(),
  /** false: "has no figures for the year". */
  hasFigures: queryBoolean.optional(),
  revenueMin: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  revenueMax: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  band: classificationBandSchema.optional(),
});

/** Figure filters mean nothing without the year they are about. */
export const FIGURE_FILTERS = ['hasFigures', 'revenueMin', 'revenueMax', 'band'] as const;
export type OrganizationListQuery = z.input<typeof organizationListQuerySchema>;
export type OrganizationFilters = z.output<typeof organizationListQuerySchema>;

export const organizationSummarySchema = organizationSchema.pick({
  id: true,
  kind: true,
  name: true,
  taxCode: true,
  communeCode: true,
  communeName: true,
  provinceCode: true,
  provinceName: true,
  addressLine: true,
  status: true,
  sector: true,
  isNewModel: true,
  registeredOn: true,
  archivedAt: true,
  version: true,
});
export const organizationListItemSchema = organizationSummarySchema.extend({
  /** Another live organisation in the same commune has nearly the same name or the same tax code. */
  hasPossibleDuplicate: z.boolean(),
});
export type OrganizationSummary = z.infer<typeof organizationSummarySchema>;
export type OrganizationListItem = z.infer<typeof organizationListItemSchema>;
export const organizationPageSchema = pageOf(organizationListItemSchema).extend({
  /** false when a search matched more than `total` (1,000): the list says "more than" and asks to narrow it. */
  totalIsExact: z.boolean(),
});
export type OrganizationPage = z.infer<typeof organizationPageSchema>;

export const duplicatePairSchema = z.object({
  /** Same tax codes cannot both be live (a unique index), so likeness of name in one commune is what is left. */
  reason: z.enum(['similar_name']),
  first: organizationSummarySchema,
  second: organizationSummarySchema,
});
export type DuplicatePair = z.infer<typeof duplicatePairSchema>;

export const mergeOrganizationSchema = z.object({
  /** The organisation that is folded into this one and archived. */
  duplicateId: idSchema,
  version: z.number().int().min(1),
  duplicateVersion: z.number().int().min(1),
});
export type MergeOrganization = z.input<typeof mergeOrganizationSchema>;

export const countSchema = z.object({ key: z.string(), label: z.string().optional(), count: z.number().int() });
export const organizationStatsSchema = z.object({
  total: z.number().int(),
  newModel: z.number().int(),
  byKind: z.array(countSchema),
  byStatus: z.array(countSchema),
  bySector: z.array(countSchema),
  /** By province when the user sees all provinces, otherwise by commune (top 15). */
  byPlace: z.array(countSchema),
  placeLevel: z.enum(['province', 'commune']),
});
export type OrganizationStats = z.infer<typeof organizationStatsSchema>;

export const organizationStatsQuerySchema = z.object({ provinceCode: provinceCodeSchema.optional() });

export { idSchema };
