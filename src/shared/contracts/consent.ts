import { z } from 'zod';
import { consentEvidenceKinds, consentStatuses } from '../domain/data-protection/consent-status';
import { dataCategories } from '../domain/data-protection/data-categories';
import { uuidSchema } from './common';

/**
 * Consents of a person (module consent, issue 5): specific (categories, recipients, purpose),
 * dated, on a versioned text in the person's language, evidenced, limited in time, withdrawable.
 * Cross-field rules (dates, blanket consent, recipients) are checked by the service so that every
 * message can name the rule; the schemas here check shape and lengths.
 */

/** The languages consent texts exist in: German (the original) and the clients' main languages. */
export const consentLanguages = ['de', 'en', 'ar', 'fa', 'uk', 'tr', 'ru'] as const;
export const consentLanguageSchema = z.enum(consentLanguages);
export type ConsentLanguage = z.infer<typeof consentLanguageSchema>;
/** Languages written right to left. */
export const rtlConsentLanguages: readonly ConsentLanguage[] = ['ar', 'fa'];

export const consentStatusSchema = z.enum(consentStatuses);
export const consentEvidenceKindSchema = z.enum(consentEvidenceKinds);
const categoryCodeSchema = z.enum(dataCategories);

export const PURPOSE_MIN = 10;
export const PURPOSE_MAX = 500;
export const EVIDENCE_NOTE_MAX = 500;
export const WITHDRAWAL_NOTE_MIN = 3;
export const WITHDRAWAL_NOTE_MAX = 500;

export const consentTextSchema = z.object({
  version: z.number().int(),
  language: consentLanguageSchema,
  direction: z.enum(['ltr', 'rtl']),
  title: z.string(),
  /** With the placeholders {categories}, {recipients}, {purpose}, {givenOn}, {expiresOn}, {recorder}. */
  body: z.string(),
});
export type ConsentText = z.infer<typeof consentTextSchema>;
export const consentTextListSchema = z.object({ items: z.array(consentTextSchema) });
export type ConsentTextList = z.infer<typeof consentTextListSchema>;

/** What the consent form is printed for: exactly the consent about to be recorded. */
export const consentFormRequestSchema = z
  .object({
    categories: z.array(categoryCodeSchema).max(dataCategories.length),
    recipientAgencyIds: z.array(uuidSchema).max(50),
    purpose: z.string().trim().min(PURPOSE_MIN).max(PURPOSE_MAX),
    /** Default: today. */
    givenOn: z.iso.date().optional(),
    expiresOn: z.iso.date(),
    language: consentLanguageSchema,
  })
  .strict();
export type ConsentFormRequest = z.infer<typeof consentFormRequestSchema>;

export const consentCreateRequestSchema = z
  .object({
    categories: z.array(categoryCodeSchema).max(dataCategories.length),
    recipientAgencyIds: z.array(uuidSchema).max(50),
    purpose: z.string().trim().min(PURPOSE_MIN).max(PURPOSE_MAX),
    givenOn: z.iso.date(),
    expiresOn: z.iso.date(),
    textVersion: z.number().int().min(1),
    textLanguage: consentLanguageSchema,
    evidenceKind: consentEvidenceKindSchema,
    /** Required for 'in_person': who confirmed, with which interpreter, how. */
    evidenceNote: z.string().trim().max(EVIDENCE_NOTE_MAX).nullable().optional(),
  })
  .strict();
export type ConsentCreateRequest = z.infer<typeof consentCreateRequestSchema>;

export const consentWithdrawRequestSchema = z
  .object({
    /** The day the person withdrew (default: today); not in the future, not before the consent was given. */
    withdrawnOn: z.iso.date().optional(),
    note: z.string().trim().min(WITHDRAWAL_NOTE_MIN).max(WITHDRAWAL_NOTE_MAX),
  })
  .strict();
export type ConsentWithdrawRequest = z.infer<typeof consentWithdrawRequestSchema>;

const agencyRefSchema = z.object({ id: z.uuid(), name: z.string() });

export const consentSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  status: consentStatusSchema,
  categories: z.array(categoryCodeSchema),
  /**
   * The recipients the caller may know of: all of them for an agency that works with the person
   * (registered or on a case team); for an agency that sees the person only as a recipient, itself
   * only — the other recipients would tell it which other agencies the person deals with.
   */
  recipients: z.array(agencyRefSchema),
  /** Recipients not listed above (0 for agencies that work with the person). */
  otherRecipientCount: z.number().int(),
  purpose: z.string(),
  givenOn: z.iso.date(),
  expiresOn: z.iso.date(),
  textVersion: z.number().int(),
  textLanguage: consentLanguageSchema,
  evidenceKind: consentEvidenceKindSchema,
  /** Null for recipient-only viewers. */
  evidenceNote: z.string().nullable(),
  hasEvidence: z.boolean(),
  evidence: z
    .object({ mediaType: z.string(), sizeBytes: z.number().int(), uploadedAt: z.iso.datetime({ offset: true }) })
    .nullable(),
  recordedByAgency: agencyRefSchema,
  /** The recording colleague; null for recipient-only viewers. */
  recordedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  recordedAt: z.iso.datetime({ offset: true }),
  withdrawnAt: z.iso.datetime({ offset: true }).nullable(),
  /** The day of the withdrawal (Europe/Berlin). */
  withdrawnOn: z.iso.date().nullable(),
  /** Null for recipient-only viewers. */
  withdrawalNote: z.string().nullable(),
  actions: z.object({ withdraw: z.boolean(), uploadEvidence: z.boolean(), downloadEvidence: z.boolean() }),
});
export type Consent = z.infer<typeof consentSchema>;

export const consentListSchema = z.object({
  items: z.array(consentSchema),
  /** Whether the caller may record a consent for this person (its agency works with the person). */
  canRecord: z.boolean(),
  /** Whether the caller sees all the person's consents or only those naming its agency. */
  view: z.enum(['all', 'naming_own_agency']),
});
export type ConsentList = z.infer<typeof consentListSchema>;

/** Largest signed scan accepted (the same limit as case documents). */
export const CONSENT_EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
