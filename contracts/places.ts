import { z } from 'zod';

export const provinceCodeSchema = z.string().regex(/^\d{2}$/, { error: 'validation.provinceCode' });
export const communeCodeSchema = z.string().regex(/^\d{5}$/, { error: 'validation.communeCode' });

export const provinceSchema = z.object({
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  type: z.enum(['tinh', 'thanh_pho']),
});
export type Province = z.infer<typeof provinceSchema>;

export const communeSchema = z.object({
  code: z.string(),
  name: z.string(),
  type: z.enum(['xa', 'phuong', 'dac_khu']),
  provinceCode: z.string(),
  provinceName: z.string(),
});
export type Commune = z.infer<typeof communeSchema>;

export const communeQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  provinceCode: provinceCodeSchema.optional(),
  code: z
    .string()
    .regex(/^\d{5}(,\d{5}){0,49}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(20),
});
export type CommuneQuery = z.input<typeof communeQuerySchema>;
