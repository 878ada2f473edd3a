import { z } from 'zod';
import { idSchema, text } from './common.ts';
import { provinceCodeSchema } from './places.ts';

export const roles = ['admin', 'staff', 'leader', 'viewer', 'cooperative'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, { error: 'validation.usernameShort' })
  .max(50)
  .regex(/^[a-z0-9._-]+$/, { error: 'validation.usernameChars' });

export const passwordSchema = z.string().min(10, { error: 'validation.passwordShort' }).max(200);

export const loginSchema = z.object({
  username: z.string().trim().toLowerCase().min(1).max(50),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  provinceCode: z.string().nullable(),
  organizationId: z.string().nullable(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionSchema = z.object({
  user: sessionUserSchema,
  /** Sent back in the X-CSRF-Token header on every change made with the session cookie. */
  csrfToken: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;

export const userSchema = sessionUserSchema.extend({
  isActive: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type User = z.infer<typeof userSchema>;

export const createUserSchema = z.object({
  username: usernameSchema,
  displayName: text(120).pipe(z.string().min(1, { error: 'validation.required' })),
  password: passwordSchema,
  role: roleSchema,
  provinceCode: provinceCodeSchema.nullable().optional(),
  organizationId: idSchema.nullable().optional(),
});
export type CreateUser = z.input<typeof createUserSchema>;

export const updateUserSchema = z.object({
  version: z.number().int().min(1),
  displayName: text(120).pipe(z.string().min(1)).optional(),
  role: roleSchema.optional(),
  provinceCode: provinceCodeSchema.nullable().optional(),
  organizationId: idSchema.nullable().optional(),
  isActive: z.boolean().optional(),
  password: passwordSchema.optional(),
});
export type UpdateUser = z.input<typeof updateUserSchema>;

export const userListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  role: roleSchema.optional(),
});
