import i18next from 'i18next';
import { z } from 'zod';
import {
  dateOfBirthInputSchema,
  identifierFormats,
  identifierKindSchema,
  iso2Schema,
  nameOrderSchema,
  nameVariantKindSchema,
  nameVariantSchema,
  personCreateRequestSchema,
  sexSchema,
  type Person,
} from '../../../shared/contracts/people';
import { blankToNull } from '../../lib/form-schemas';

const variantShape = nameVariantSchema.shape;
const createShape = personCreateRequestSchema.shape;

/** "SY, tr" → ['SY', 'TR']; the form has one text input for the nationalities. */
function splitCodes(value: string): string[] {
  return value
    .split(/[,;\s]+/)
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
}

const nationalitiesSchema = z
  .string()
  .transform(splitCodes)
  .superRefine((codes, ctx) => {
    if (codes.length > 5 || codes.some((code) => !iso2Schema.safeParse(code).success)) {
      ctx.addIssue({ code: 'custom', message: i18next.t('people.nationalitiesInvalid') });
    }
  });

const identifierFormSchema = z
  .object({ kind: identifierKindSchema, value: z.string().trim().toUpperCase().min(1).max(40) })
  .superRefine((identifier, ctx) => {
    if (identifier.value !== '' && !identifierFormats[identifier.kind].test(identifier.value)) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: i18next.t(`people.identifierFormats.${identifier.kind}`),
      });
    }
  });

/** The fields of a person as the form edits them; the output fits both the create and the update request. */
export const personFormSchema = z.object({
  givenNames: createShape.givenNames,
  familyName: createShape.familyName,
  nameOrder: nameOrderSchema,
  sex: sexSchema,
  dateOfBirth: blankToNull(dateOfBirthInputSchema.nullable()),
  placeOfBirth: blankToNull(z.string().max(200).nullable()),
  countryOfBirth: blankToNull(iso2Schema.nullable()),
  nationalities: nationalitiesSchema,
  nameVariants: z
    .array(
      z.object({
        kind: nameVariantKindSchema,
        givenNames: blankToNull(variantShape.givenNames),
        familyName: blankToNull(variantShape.familyName),
        script: blankToNull(variantShape.script),
      }),
    )
    .max(20),
  identifiers: z.array(identifierFormSchema).max(10),
});
export type PersonFormInput = z.input<typeof personFormSchema>;
export type PersonFormOutput = z.output<typeof personFormSchema>;

export const PERSON_FORM_FIELDS = [
  'givenNames',
  'familyName',
  'nameOrder',
  'sex',
  'dateOfBirth',
  'placeOfBirth',
  'countryOfBirth',
  'nationalities',
  'nameVariants',
  'identifiers',
] as const;

export const emptyPersonForm: PersonFormInput = {
  givenNames: '',
  familyName: '',
  nameOrder: 'given_family',
  sex: 'unknown',
  dateOfBirth: '',
  placeOfBirth: '',
  countryOfBirth: '',
  nationalities: '',
  nameVariants: [],
  identifiers: [],
};

export function personToForm(person: Person): PersonFormInput {
  return {
    givenNames: person.givenNames,
    familyName: person.familyName,
    nameOrder: person.nameOrder,
    sex: person.sex,
    dateOfBirth: person.dateOfBirth?.value ?? '',
    placeOfBirth: person.placeOfBirth ?? '',
    countryOfBirth: person.countryOfBirth ?? '',
    nationalities: person.nationalities.join(', '),
    nameVariants: person.nameVariants.map((v) => ({
      kind: v.kind,
      givenNames: v.givenNames ?? '',
      familyName: v.familyName ?? '',
      script: v.script ?? '',
    })),
    identifiers: person.identifiers.map((i) => ({ kind: i.kind, value: i.value })),
  };
}
