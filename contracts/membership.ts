import { z } from 'zod';
import { calendarDate, idSchema, money, optionalText, pageOf, pagingQuery, queryBoolean } from './common.ts';
import { organizationKindSchema, organizationKinds } from './organizations.ts';
import { communeCodeSchema, provinceCodeSchema } from './places.ts';

/** Thành viên chính thức / thành viên liên kết of the Alliance (its charter's two categories). */
export const membershipCategories = ['official', 'associate'] as const;
export const membershipCategorySchema = z.enum(membershipCategories);
export type MembershipCategory = z.infer<typeof membershipCategorySchema>;

export const duesYearSchema = z.coerce.number().int().min(1990).max(2100);

const endsAfterJoining = (value: { joinedOn?: string; leftOn?: string | null }) =>
  !value.joinedOn || !value.leftOn || value.leftOn >= value.joinedOn;

export const createMembershipSchema = z.object({
  organizationId: idSchema,
  category: membershipCategorySchema,
  joinedOn: calendarDate,
  /** Số quyết định kết nạp. */
  decisionNumber: optionalText(50),
  notes: optionalText(1000),
});
export type CreateMembership = z.input<typeof createMembershipSchema>;

/** Only the fields sent change. Leaving is a change too: `leftOn` with a `leftReason`. */
export const updateMembershipSchema = z
  .object({
    version: z.number().int().min(1),
    category: membershipCategorySchema.optional(),
    joinedOn: calendarDate.optional(),
    leftOn: calendarDate.nullable().optional(),
    leftReason: optionalText(500),
    decisionNumber: optionalText(50),
    notes: optionalText(1000),
  })
  .superRefine((value, context) => {
    if (!endsAfterJoining(value)) context.addIssue({ code: 'custom', path: ['leftOn'], message: 'validation.endedBeforeStarted' });
  });
export type UpdateMembership = z.input<typeof updateMembershipSchema>;

const organizationRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: organizationKindSchema,
  taxCode: z.string().nullable(),
  communeCode: z.string(),
  communeName: z.string(),
  provinceCode: z.string(),
});

export const membershipSchema = z.object({
  id: z.string(),
  organization: organizationRefSchema,
  category: membershipCategorySchema,
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  leftReason: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  notes: z.string().nullable(),
  /** Joined and not left, as of today in Vietnam. */
  isCurrent: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Membership = z.infer<typeof membershipSchema>;
export const membershipPageSchema = pageOf(membershipSchema);

export const membershipSortKeys = ['name', '-name', 'joinedOn', '-joinedOn'] as const;

export const membershipListQuerySchema = pagingQuery.extend({
  q: z.string().trim().max(200).optional(),
  category: membershipCategorySchema.optional(),
  kind: organizationKindSchema.optional(),
  /** true: members now; false: former members. */
  isCurrent: queryBoolean.optional(),
  joinedYear: duesYearSchema.optional(),
  organizationId: idSchema.optional(),
  provinceCode: provinceCodeSchema.optional(),
  communeCode: communeCodeSchema.optional(),
  sort: z.enum(membershipSortKeys).default('name'),
});
export type MembershipListQuery = z.input<typeof membershipListQuerySchema>;
export type MembershipFilters = z.output<typeof membershipListQuerySchema>;
/** The list's filters without paging and order: what the Excel export takes. */
export const membershipExportQuerySchema = membershipListQuerySchema.omit({ page: true, pageSize: true, sort: true });
export type MembershipExportFilters = z.output<typeof membershipExportQuerySchema>;

export const duesStatuses = ['paid', 'partial', 'unpaid'] as const;
export const duesStatusSchema = z.enum(duesStatuses);
export type DuesStatus = z.infer<typeof duesStatusSchema>;

/** Hội phí of one member for one year, in whole đồng. */
export const saveDuesSchema = z
  .object({
    /** The version read; omitted when the year has no record yet. */
    version: z.number().int().min(1).optional(),
    amountDue: money,
    amountPaid: money.default(0),
    paidOn: calendarDate.nullable().optional(),
    /** Unique within the Alliance (province) and year. */
    receiptNumber: optionalText(50),
    notes: optionalText(1000),
  })
  .superRefine((value, context) => {
    if (value.amountPaid > value.amountDue) context.addIssue({ code: 'custom', path: ['amountPaid'], message: 'validation.paidOverDue' });
    if (value.amountPaid > 0 && !value.paidOn) context.addIssue({ code: 'custom', path: ['paidOn'], message: 'validation.paidOnRequired' });
  });
export type SaveDues = z.input<typeof saveDuesSchema>;

export const duesSchema = z.object({
  id: z.string(),
  membershipId: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  organizationKind: organizationKindSchema,
  provinceCode: z.string(),
  year: z.number().int(),
  amountDue: z.number().int(),
  amountPaid: z.number().int(),
  outstanding: z.number().int(),
  status: duesStatusSchema,
  paidOn: z.string().nullable(),
  receiptNumber: z.string().nullable(),
  notes: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Dues = z.infer<typeof duesSchema>;
export const duesPageSchema = pageOf(duesSchema);

/** Membership ids separated by commas: the dues of one page of the members list. */
const membershipIdList = z
  .string()
  .max(200 * 37)
  .transform((value) => value.split(',').filter((id) => id !== ''))
  .pipe(z.array(idSchema).max(200));

export const duesListQuerySchema = pagingQuery.extend({
  year: duesYearSchema,
  membershipIds: membershipIdList.optional(),
  status: duesStatusSchema.optional(),
  q: z.string().trim().max(200).optional(),
  kind: organizationKindSchema.optional(),
  provinceCode: provinceCodeSchema.optional(),
  communeCode: communeCodeSchema.optional(),
});
export type DuesListQuery = z.input<typeof duesListQuerySchema>;
export type DuesFilters = z.output<typeof duesListQuerySchema>;
export const duesExportQuerySchema = duesListQuerySchema.omit({ page: true, pageSize: true });

/** Sets the year's dues of every member of that year who has none yet, by the kind of organisation. */
export const assessDuesSchema = z.object({
  year: duesYearSchema,
  amounts: z.object(
    Object.fromEntries(organizationKinds.map((kind) => [kind, money.optional()])) as Record<
      (typeof organizationKinds)[number],
      z.ZodOptional<typeof money>
    >,
  ),
  provinceCode: provinceCodeSchema.optional(),
});
export type AssessDues = z.input<typeof assessDuesSchema>;
export const assessDuesResultSchema = z.object({ year: z.number().int(), created: z.number().int(), alreadySet: z.number().int() });

export const duesBehindQuerySchema = pagingQuery.extend({
  /** Dues of this year and the years before it count; this year when left out. */
  year: duesYearSchema.optional(),
  kind: organizationKindSchema.optional(),
  provinceCode: provinceCodeSchema.optional(),
});
export type DuesBehindQuery = z.input<typeof duesBehindQuerySchema>;

export const duesBehindSchema = pageOf(
  z.object({
    membershipId: z.string(),
    organization: organizationRefSchema,
    category: membershipCategorySchema,
    joinedOn: z.string(),
    outstanding: z.number().int(),
    /** The years still owing, oldest first. */
    years: z.array(z.object({ year: z.number().int(), outstanding: z.number().int() })),
    lastPaidOn: z.string().nullable(),
  }),
).extend({ year: z.number().int(), totalOutstanding: z.number().int() });
export type DuesBehind = z.infer<typeof duesBehindSchema>;

export const membershipStatsQuerySchema = z.object({
  /** Joined/left per year from this year; ten years back when left out. */
  fromYear: duesYearSchema.optional(),
  /** The year the member counts and dues are of; this year when left out. */
  year: duesYearSchema.optional(),
  provinceCode: provinceCodeSchema.optional(),
});
export type MembershipStatsQuery = z.input<typeof membershipStatsQuerySchema>;

const kindCount = z.object({ key: organizationKindSchema, count: z.number().int() });

export const membershipStatsSchema = z.object({
  year: z.number().int(),
  /** Members at the end of `year` (or today, for this year). */
  members: z.object({
    total: z.number().int(),
    byKind: z.array(kindCount),
    byCategory: z.array(z.object({ key: membershipCategorySchema, count: z.number().int() })),
  }),
  /** Member development: joined and left per year and kind, enterprises included. */
  joinedByYear: z.array(z.object({ year: z.number().int(), kind: organizationKindSchema, count: z.number().int() })),
  leftByYear: z.array(z.object({ year: z.number().int(), kind: organizationKindSchema, count: z.number().int() })),
  dues: z.object({
    year: z.number().int(),
    due: z.number().int(),
    paid: z.number().int(),
    /** Members owing dues of `year` or earlier. */
    membersBehind: z.number().int(),
  }),
});
export type MembershipStats = z.infer<typeof membershipStatsSchema>;

export const organizationMembershipsSchema = z.object({
  items: z.array(membershipSchema.extend({ dues: z.array(duesSchema) })),
});
export type OrganizationMemberships = z.infer<typeof organizationMembershipsSchema>;
