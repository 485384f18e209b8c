import { z } from 'zod';
import { dataCategories } from '../domain/data-protection/data-categories';
import { agencyKindSchema } from './common';

/** The data categories of social data (shared/domain/data-protection/data-categories.ts). */
export const dataCategorySchema = z.enum(dataCategories);
export type DataCategoryCode = z.infer<typeof dataCategorySchema>;

/** Grounds on which a caller sees a person (platform/access/person-access.ts). */
export const accessGroundSchema = z.enum(['registered', 'case_team', 'consent', 'transfer', 'break_glass']);
export type AccessGroundCode = z.infer<typeof accessGroundSchema>;

/** What the caller sees of a person and why; withheld categories are shown empty or not at all. */
export const personAccessSchema = z.object({
  grounds: z.array(accessGroundSchema),
  categories: z.array(dataCategorySchema),
  withheld: z.array(dataCategorySchema),
});
export type PersonAccessView = z.infer<typeof personAccessSchema>;

// ---------------------------------------------------------------------------------------------
// The category matrix

export const categoryRuleSchema = z.object({
  category: dataCategorySchema,
  legalBasis: z.string(),
  updatedAt: z.string().nullable(),
});

export const categoryMatrixSchema = z.object({
  kinds: z.array(z.object({ agencyKind: agencyKindSchema, rules: z.array(categoryRuleSchema) })),
  categories: z.array(
    z.object({
      category: dataCategorySchema,
      label: z.object({ de: z.string(), en: z.string() }),
      description: z.object({ de: z.string(), en: z.string() }),
    }),
  ),
});
export type CategoryMatrix = z.infer<typeof categoryMatrixSchema>;

export const categoryMatrixUpdateSchema = z
  .object({
    rules: z
      .array(
        z
          .object({
            category: dataCategorySchema,
            legalBasis: z.string().trim().min(3).max(300),
          })
          .strict(),
      )
      .max(dataCategories.length),
  })
  .strict();
export type CategoryMatrixUpdate = z.infer<typeof categoryMatrixUpdateSchema>;
export const agencyKindParamsSchema = z.object({ agencyKind: agencyKindSchema });

/** GET /people/:id/access: the grounds, the categories, and the legal basis of each matrix category. */
export const personAccessDetailSchema = personAccessSchema.extend({
  matrixBases: z.array(z.object({ category: dataCategorySchema, legalBasis: z.string() })),
});
export type PersonAccessDetail = z.infer<typeof personAccessDetailSchema>;
