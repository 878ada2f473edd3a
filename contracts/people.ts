import { z } from 'zod';
import { auditEntrySchema, calendarDate, idSchema, optionalText, pageOf, pagingQuery, queryBoolean, text } from './common.ts';
import { provinceCodeSchema } from './places.ts';

/** Người đại diện theo pháp luật, Chủ tịch HĐQT, Giám đốc, Kế toán, Kiểm soát viên, Người liên hệ. */
export const positions = ['legal_representative', 'chair', 'director', 'accountant', 'controller', 'contact'] as const;
export const positionSchema = z.enum(positions);
export type Position = z.infer<typeof positionSchema>;

export const genders = ['male', 'female'] as const;
export const genderSchema = z.enum(genders);
export type Gender = z.infer<typeof genderSchema>;

/** What an erased person's name reads from then on (Decree 13/2023: erasure on request). */
export const ERASED_NAME = '(đã xóa theo yêu cầu)';

export const MIN_BIRTH_YEAR = 1900;

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

/**
 * Only what the work needs (DOMAIN.md §10): no national ID number, no address. Phone, e-mail,
 * birth year and notes are personal data shown only to the roles that need them.
 */
const personFieldsSchema = z.object({
  fullName: text(120).pipe(z.string().min(2, { error: 'validation.personName' })),
  gender: genderSchema.nullable().optional(),
  birthYear: z.number().int().min(MIN_BIRTH_YEAR).max(2100).nullable().optional(),
  phone,
  email,
  notes: optionalText(1000),
});

export const personInputSchema = personFieldsSchema;
export type PersonInput = z.input<typeof personInputSchema>;

export const createPersonSchema = personFieldsSchema.extend({
  /** The province whose Alliance keeps the record; a provincial user's own province by default. */
  provinceCode: provinceCodeSchema.optional(),
});
export type CreatePerson = z.input<typeof createPersonSchema>;

/** Only the fields sent change. */
export const updatePersonSchema = personFieldsSchema.partial().extend({ version: z.number().int().min(1) });
export type UpdatePerson = z.input<typeof updatePersonSchema>;

export const erasePersonSchema = z.object({
  version: z.number().int().min(1),
  /** The request being answered, e.g. "Đơn đề nghị ngày 12/11/2026". */
  reason: text(500).pipe(z.string().min(1, { error: 'validation.erasureReason' })),
});
export type ErasePerson = z.input<typeof erasePersonSchema>;

const positionFields = {
  position: positionSchema,
  /** Unknown for many old records. */
  startedOn: calendarDate.nullable().optional(),
  /** The last day in the position; null while it is held. */
  endedOn: calendarDate.nullable().optional(),
};

const endsAfterStart = (value: { startedOn?: string | null; endedOn?: string | null }) =>
  !value.startedOn || !value.endedOn || value.endedOn >= value.startedOn;

/** A position in an organisation, for someone already on record (`personId`) or a new person (`person`). */
export const createPositionSchema = z
  .object({ personId: idSchema.optional(), person: personFieldsSchema.optional(), ...positionFields })
  .superRefine((value, context) => {
    if ((value.personId === undefined) === (value.person === undefined)) {
      context.addIssue({ code: 'custom', path: ['personId'], message: 'validation.personOrNew' });
    }
    if (!endsAfterStart(value)) context.addIssue({ code: 'custom', path: ['endedOn'], message: 'validation.endedBeforeStarted' });
  });
export type CreatePosition = z.input<typeof createPositionSchema>;

export const updatePositionSchema = z
  .object({ version: z.number().int().min(1), ...positionFields })
  .partial({ position: true })
  .superRefine((value, context) => {
    if (!endsAfterStart(value)) context.addIssue({ code: 'custom', path: ['endedOn'], message: 'validation.endedBeforeStarted' });
  });
export type UpdatePosition = z.input<typeof updatePositionSchema>;

/** A position as seen from the person: where and what. */
export const personPositionSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  position: positionSchema,
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  /** Started (or start unknown) and not yet past its last day. */
  isCurrent: z.boolean(),
  version: z.number().int(),
});
export type PersonPosition = z.infer<typeof personPositionSchema>;

/**
 * Personal fields are null for a reader who may not see them (a viewer; a cooperative for someone
 * no longer with it); `isPersonalDataHidden` tells the screen "hidden" from "not known".
 */
export const personSchema = z.object({
  id: z.string(),
  fullName: z.string(),
  gender: genderSchema.nullable(),
  birthYear: z.number().int().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  notes: z.string().nullable(),
  provinceCode: z.string(),
  isPersonalDataHidden: z.boolean(),
  erasedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  positions: z.array(personPositionSchema),
});
export type Person = z.infer<typeof personSchema>;

export const personSummarySchema = personSchema
  .pick({ id: true, fullName: true, gender: true, phone: true, email: true, provinceCode: true, isPersonalDataHidden: true, version: true })
  .extend({
    currentPositions: z.array(personPositionSchema.pick({ id: true, organizationId: true, organizationName: true, position: true })),
  });
export type PersonSummary = z.infer<typeof personSummarySchema>;
export const personPageSchema = pageOf(personSummarySchema);

export const personListQuerySchema = pagingQuery.extend({
  /** Name, accent-insensitive; phone digits too for the roles that see phone numbers. */
  q: z.string().trim().max(200).optional(),
  organizationId: idSchema.optional(),
  position: positionSchema.optional(),
  /** true: holds a matching position now; false: held one that has ended. */
  current: queryBoolean.optional(),
});
export type PersonListQuery = z.input<typeof personListQuerySchema>;
export type PersonFilters = z.output<typeof personListQuerySchema>;

/** A position as seen from the organisation: who holds it. */
export const organizationPositionSchema = personPositionSchema.extend({
  person: personSchema.pick({
    id: true,
    fullName: true,
    gender: true,
    phone: true,
    email: true,
    isPersonalDataHidden: true,
    erasedAt: true,
  }),
});
export type OrganizationPosition = z.infer<typeof organizationPositionSchema>;

/** Everything held about a person, for a data-subject request: the record, every position, the history. */
export const personalDataExportSchema = z.object({
  exportedAt: z.string(),
  person: personSchema,
  history: z.array(auditEntrySchema.extend({ entityType: z.enum(['person', 'organization_position']), entityId: z.string() })),
});
export type PersonalDataExport = z.infer<typeof personalDataExportSchema>;
