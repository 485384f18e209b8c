import {
  CONSENT_EVIDENCE_MAX_BYTES,
  type Consent,
  type ConsentCreateRequest,
  type ConsentFormRequest,
  type ConsentLanguage,
  type ConsentList,
  type ConsentTextList,
  type ConsentWithdrawRequest,
} from '../../../shared/contracts/consent';
import { isCalendarDate, todayIn } from '../../../shared/domain/calendar-date';
import {
  addYears,
  CONSENT_MAX_RECORDING_DELAY_YEARS,
  CONSENT_MAX_YEARS,
  latestExpiry,
} from '../../../shared/domain/data-protection/consent-status';
import {
  consentBaseCategories,
  dataCategories,
  type DataCategory,
} from '../../../shared/domain/data-protection/data-categories';
import type { Db } from '../../db/client';
import { check, hasPermission } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { accessToPerson, orderedCategories, type PersonAccess } from '../../platform/access/person-access';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage, type FieldError } from '../../platform/errors/app-error';
import { loadTypstTemplate, typstRenderer } from '../../platform/pdf/typst-renderer';
import { detectMediaType } from '../cases/case-documents.content';
import { consentFormData } from './consent-form';
import { consentVisibleTo, presentConsent, presentText, statusOf, type ConsentViewer } from './consent.presenter';
import {
  agenciesByIds,
  consentsOfPerson,
  currentTexts,
  evidenceContent,
  findConsent,
  findText,
  formFacts,
  insertConsent,
  insertEvidence,
  possibleRecipientIds,
  withdrawConsent,
  type ConsentRecord,
} from './consent.repository';

/**
 * Consents of a person (issue 5; docs/data-protection.md). Whether a consent lets an agency see a
 * person is decided by the one decision function (platform/access/person-access.ts); this module
 * records, shows, prints and withdraws consents.
 *
 * Who may do what:
 * - record: an agency that works with the person (ground `registered` or `case_team`). An agency
 *   that sees the person only through a consent, a transfer or break-glass must not widen its own
 *   or anybody's access.
 * - read: see ConsentViewer (consent.presenter.ts): working agencies see all consents, the others
 *   only those naming them or recorded by them.
 * - withdraw: the recording agency or a working agency; the withdrawal takes effect at once.
 * - the scan: uploaded by the recording agency; downloaded by it and by working agencies.
 */

const WORKING_GROUNDS = ['registered', 'case_team'] as const;

const problem = (path: string, de: string, en: string): FieldError => ({ path, message: fieldMessage(de, en) });

function isWorking(access: PersonAccess): boolean {
  return access.grounds.some((g) => (WORKING_GROUNDS as readonly string[]).includes(g));
}

/** The caller's standing towards the person's consents; 404 when the caller may not see the person. */
async function viewerFor(db: Db, a: Actor, personId: string, now: Date): Promise<ConsentViewer> {
  const access = await accessToPerson(db, a, personId, now);
  if (!access) throw new AppError('NOT_FOUND');
  return { agencyId: a.agencyId, working: isWorking(access), canWrite: hasPermission(a, 'consent.write') };
}

async function agencyNamesOf(db: Db, records: readonly ConsentRecord[]): Promise<Map<string, string>> {
  const ids = [...new Set(records.flatMap((r) => r.consent.recipientAgencyIds))];
  return new Map((await agenciesByIds(db, ids)).map((x) => [x.id, x.name]));
}

/** A consent the caller may see, with its standing; 404 otherwise (never disclosing that it exists). */
async function visibleConsent(
  db: Db,
  a: Actor,
  consentId: string,
  now: Date,
): Promise<{ record: ConsentRecord; viewer: ConsentViewer }> {
  const record = await findConsent(db, consentId);
  if (!record) throw new AppError('NOT_FOUND');
  const viewer = await viewerFor(db, a, record.consent.personId, now);
  if (!consentVisibleTo(record, viewer)) throw new AppError('NOT_FOUND');
  return { record, viewer };
}

async function present(db: Db, record: ConsentRecord, viewer: ConsentViewer, now: Date): Promise<Consent> {
  return presentConsent(record, viewer, await agencyNamesOf(db, [record]), now);
}

// ---------------------------------------------------------------------------------------------
// Texts

/** The current text in each language (no social data: not audited). */
export async function listConsentTexts(db: Db, actor: Actor | null): Promise<ConsentTextList> {
  await check(db, actor, 'consent.read');
  const order = ['de', 'en', 'ar', 'fa', 'uk', 'tr', 'ru'];
  const rows = await currentTexts(db);
  return {
    items: rows
      .filter((r) => order.includes(r.language))
      .sort((x, y) => order.indexOf(x.language) - order.indexOf(y.language))
      .map(presentText),
  };
}

// ---------------------------------------------------------------------------------------------
// The draft: the rules a consent must meet, for the printed form and for recording

type Draft = {
  categories: DataCategory[];
  recipientAgencyIds: string[];
  purpose: string;
  givenOn: string;
  expiresOn: string;
};

type CheckedDraft = Draft & { recipients: { id: string; name: string }[] };

/**
 * Checks the draft and collects every problem (400 names them all at once):
 * - categories: at least one besides identity, which is always included (consentBaseCategories);
 * - recipients: at least one, existing, not the recording agency itself, not steering (it receives
 *   no personal data at all);
 * - no blanket consent: every category for every agency is refused — that is no longer a
 *   decision about specific data for a specific recipient (Art. 4 No. 11 GDPR "specific");
 * - dates: given on today or up to one year ago, expiring after that day, at the latest two years
 *   later (consent-status.ts explains why), and not already expired.
 */
async function checkDraft(db: Db, a: Actor, draft: Draft, today: string, errors: FieldError[]): Promise<CheckedDraft> {
  const chosen = new Set<DataCategory>(draft.categories);
  const categories = orderedCategories([...consentBaseCategories, ...chosen]);
  if (categories.length <= consentBaseCategories.length) {
    errors.push(
      problem(
        'categories',
        'Bitte wählen Sie mindestens eine Datenkategorie außer der Identität aus. Die Identität ist immer enthalten.',
        'Please choose at least one data category besides identity. Identity is always included.',
      ),
    );
  }

  const recipientIds = [...new Set(draft.recipientAgencyIds)];
  const found = await agenciesByIds(db, recipientIds);
  const byId = new Map(found.map((x) => [x.id, x]));
  if (recipientIds.length === 0) {
    errors.push(
      problem(
        'recipientAgencyIds',
        'Bitte wählen Sie mindestens eine Stelle aus, die die Daten sehen darf.',
        'Please choose at least one agency that may see the data.',
      ),
    );
  }
  recipientIds.forEach((id, i) => {
    const agency = byId.get(id);
    if (!agency) {
      errors.push(problem(`recipientAgencyIds.${i}`, 'Diese Stelle gibt es nicht.', 'This agency does not exist.'));
    } else if (id === a.agencyId) {
      errors.push(
        problem(
          `recipientAgencyIds.${i}`,
          'Ihre eigene Stelle braucht keine Einwilligung, um ihre eigenen Daten zu sehen.',
          'Your own agency needs no consent to see its own data.',
        ),
      );
    } else if (agency.kind === 'steering') {
      errors.push(
        problem(
          `recipientAgencyIds.${i}`,
          'Die Steuerung erhält keine personenbezogenen Daten, auch nicht mit Einwilligung.',
          'Steering receives no personal data, not even with consent.',
        ),
      );
    }
  });

  if (categories.length === dataCategories.length && recipientIds.length > 0) {
    const possible = await possibleRecipientIds(db, a.agencyId);
    if (possible.every((id) => recipientIds.includes(id))) {
      errors.push(
        problem(
          'categories',
          'Eine pauschale Einwilligung (alle Datenkategorien für alle Stellen) ist nicht zulässig. Eine Einwilligung muss bestimmt sein: Wählen Sie nur die Daten und Stellen aus, die für den Zweck wirklich nötig sind.',
          'A blanket consent (every data category for every agency) is not allowed. A consent must be specific: choose only the data and agencies the purpose really needs.',
        ),
      );
    }
  }

  const oldest = addYears(today, -CONSENT_MAX_RECORDING_DELAY_YEARS);
  const givenOk = isCalendarDate(draft.givenOn);
  if (!givenOk) {
    errors.push(problem('givenOn', 'Kein gültiges Datum (JJJJ-MM-TT).', 'Not a valid date (YYYY-MM-DD).'));
  } else if (draft.givenOn > today) {
    errors.push(
      problem(
        'givenOn',
        'Das Datum der Einwilligung darf nicht in der Zukunft liegen.',
        'The date of consent must not be in the future.',
      ),
    );
  } else if (draft.givenOn < oldest) {
    errors.push(
      problem(
        'givenOn',
        'Die Einwilligung ist älter als ein Jahr. Bitte holen Sie eine neue Einwilligung ein.',
        'The consent is more than a year old. Please obtain a new consent.',
      ),
    );
  }
  if (!isCalendarDate(draft.expiresOn)) {
    errors.push(problem('expiresOn', 'Kein gültiges Datum (JJJJ-MM-TT).', 'Not a valid date (YYYY-MM-DD).'));
  } else if (givenOk) {
    if (draft.expiresOn <= draft.givenOn) {
      errors.push(
        problem(
          'expiresOn',
          'Das Ablaufdatum muss nach dem Datum der Einwilligung liegen.',
          'The expiry date must be after the date of consent.',
        ),
      );
    } else if (draft.expiresOn > latestExpiry(draft.givenOn)) {
      errors.push(
        problem(
          'expiresOn',
          `Eine Einwilligung gilt höchstens ${CONSENT_MAX_YEARS} Jahre. Bitte wählen Sie ein Ablaufdatum bis ${latestExpiry(draft.givenOn)}.`,
          `A consent runs for at most ${CONSENT_MAX_YEARS} years. Please choose an expiry date up to ${latestExpiry(draft.givenOn)}.`,
        ),
      );
    } else if (draft.expiresOn < today) {
      errors.push(
        problem(
          'expiresOn',
          'Diese Einwilligung wäre bereits abgelaufen. Bitte holen Sie eine neue Einwilligung ein.',
          'This consent would already have expired. Please obtain a new consent.',
        ),
      );
    }
  }

  return {
    ...draft,
    categories,
    recipientAgencyIds: recipientIds,
    recipients: recipientIds.flatMap((id) => {
      const x = byId.get(id);
      return x ? [{ id, name: x.name }] : [];
    }),
  };
}

function failIfAny(errors: FieldError[]): void {
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', { fieldErrors: errors });
}

// ---------------------------------------------------------------------------------------------
// The printed form

const formTemplate = loadTypstTemplate(new URL('../../platform/pdf/templates/consent-form.typ', import.meta.url));

/** The consent form for exactly this draft, in the person's language and German. Audited. */
export async function printConsentForm(
  db: Db,
  actor: Actor | null,
  personId: string,
  input: ConsentFormRequest,
  ctx: AuditContext,
): Promise<{ pdf: Buffer; filename: string }> {
  const a = await check(db, actor, 'consent.write');
  await viewerFor(db, a, personId, ctx.now);
  const today = todayIn(ctx.now);
  const errors: FieldError[] = [];
  const draft = await checkDraft(db, a, { ...input, givenOn: input.givenOn ?? today }, today, errors);
  failIfAny(errors);
  const texts = await textsFor(db, input.language);
  const facts = await formFacts(db, personId);
  const [recorder] = await agenciesByIds(db, [a.agencyId]);
  if (!facts || !recorder) throw new AppError('NOT_FOUND');
  const p = facts.person;
  const personName =
    p.nameOrder === 'family_given' ? `${p.familyName} ${p.givenNames}` : `${p.givenNames} ${p.familyName}`;
  const data = consentFormData({
    language: input.language,
    texts,
    categories: draft.categories,
    recipients: draft.recipients.map((r) => r.name).sort((x, y) => x.localeCompare(y, 'de')),
    purpose: draft.purpose,
    givenOn: draft.givenOn,
    expiresOn: draft.expiresOn,
    recorder: recorder.name,
    municipality: facts.municipality,
    personName,
    dateOfBirth: p.dateOfBirthRaw,
    printedOn: today,
  });
  const pdf = typstRenderer().renderPdf(formTemplate, data);
  // Recorded once the document exists; if the audit write fails, the form is not handed out.
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'consent.form_printed',
      subjectType: 'person',
      subjectId: personId,
      details: { language: input.language, categories: draft.categories, recipientCount: draft.recipients.length },
    });
  });
  return { pdf, filename: `Einwilligung-${input.language}-${today}.pdf` };
}

/** The current text in the language and the German original (the version the form is printed on). */
async function textsFor(db: Db, language: ConsentLanguage) {
  const rows = await currentTexts(db);
  const translated = rows.find((r) => r.language === language);
  const german = rows.find((r) => r.language === 'de');
  if (!translated || !german) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [
        problem(
          'language',
          'Für diese Sprache gibt es keinen Einwilligungstext.',
          'There is no consent text in this language.',
        ),
      ],
    });
  }
  return { translated, german };
}

// ---------------------------------------------------------------------------------------------
// Recording, listing, reading

/** Records a consent. Signed scans are in force only once the scan is uploaded (PUT …/evidence). */
export async function recordConsent(
  db: Db,
  actor: Actor | null,
  personId: string,
  input: ConsentCreateRequest,
  ctx: AuditContext,
): Promise<Consent> {
  const a = await check(db, actor, 'consent.write');
  const viewer = await viewerFor(db, a, personId, ctx.now);
  if (!viewer.working) {
    throw new AppError('FORBIDDEN', {
      fieldErrors: [
        problem(
          'personId',
          'Eine Einwilligung erfasst nur eine Stelle, die mit der Person arbeitet (die sie registriert hat oder im Fallteam ist). Ihre Stelle sieht die Person nur auf Grund einer Einwilligung, einer Übermittlung oder eines Notfallzugriffs.',
          'Only an agency that works with the person (registered them or is on a case team) records a consent. Your agency sees the person only through a consent, a transfer or emergency access.',
        ),
      ],
    });
  }
  const today = todayIn(ctx.now);
  const errors: FieldError[] = [];
  const draft = await checkDraft(db, a, input, today, errors);
  if (!(await findText(db, input.textVersion, input.textLanguage))) {
    errors.push(
      problem(
        'textVersion',
        'Diese Fassung des Einwilligungstextes gibt es in dieser Sprache nicht.',
        'This version of the consent text does not exist in this language.',
      ),
    );
  }
  const note = input.evidenceNote?.trim() || null;
  if (input.evidenceKind === 'in_person' && (!note || note.length < 3)) {
    errors.push(
      problem(
        'evidenceNote',
        'Bitte beschreiben Sie, wie die Einwilligung persönlich bestätigt wurde (wer, mit welcher Dolmetschung, wie).',
        'Please describe how the consent was confirmed in person (who, with which interpreter, how).',
      ),
    );
  }
  failIfAny(errors);
  const id = await db.transaction(async (tx) => {
    const consentId = await insertConsent(tx, {
      personId,
      categories: draft.categories,
      recipientAgencyIds: draft.recipientAgencyIds,
      purpose: draft.purpose,
      givenOn: draft.givenOn,
      expiresOn: draft.expiresOn,
      textVersion: input.textVersion,
      textLanguage: input.textLanguage,
      evidenceKind: input.evidenceKind,
      evidenceNote: note,
      recordedByAgencyId: a.agencyId,
      recordedBy: a.userId,
      recordedAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      type: 'consent.recorded',
      subjectType: 'person',
      subjectId: personId,
      details: {
        consentId,
        categories: draft.categories,
        recipientCount: draft.recipientAgencyIds.length,
        textVersion: input.textVersion,
        language: input.textLanguage,
        evidenceKind: input.evidenceKind,
      },
    });
    return consentId;
  });
  const record = await findConsent(db, id);
  if (!record) throw new AppError('NOT_FOUND');
  return present(db, record, viewer, ctx.now);
}

/** The person's consents the caller may see, newest first. Audited. */
export async function listConsents(
  db: Db,
  actor: Actor | null,
  personId: string,
  ctx: AuditContext,
): Promise<ConsentList> {
  const a = await check(db, actor, 'consent.read');
  const viewer = await viewerFor(db, a, personId, ctx.now);
  const records = (await consentsOfPerson(db, personId)).filter((r) => consentVisibleTo(r, viewer));
  const names = await agencyNamesOf(db, records);
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'consent.listed',
      subjectType: 'person',
      subjectId: personId,
      details: { resultCount: records.length },
    });
  });
  return {
    items: records.map((r) => presentConsent(r, viewer, names, ctx.now)),
    canRecord: viewer.working && viewer.canWrite,
    view: viewer.working ? 'all' : 'naming_own_agency',
  };
}

export async function getConsent(db: Db, actor: Actor | null, consentId: string, ctx: AuditContext): Promise<Consent> {
  const a = await check(db, actor, 'consent.read');
  const { record, viewer } = await visibleConsent(db, a, consentId, ctx.now);
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'consent.viewed',
      subjectType: 'person',
      subjectId: record.consent.personId,
      details: { consentId },
    });
  });
  return present(db, record, viewer, ctx.now);
}

// ---------------------------------------------------------------------------------------------
// Withdrawal

/** Midnight of a day in Europe/Berlin (UTC+1 in winter, UTC+2 in summer). */
function startOfBerlinDay(day: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`).getTime();
  for (const hours of [2, 1]) {
    const candidate = new Date(utcMidnight - hours * 3_600_000);
    if (todayIn(candidate) === day && todayIn(new Date(candidate.getTime() - 1)) !== day) return candidate;
  }
  return new Date(utcMidnight);
}

/**
 * Records the withdrawal. It takes effect with the very next request: the decision function reads
 * `withdrawn_at` on every request. A withdrawal dated earlier (a letter that arrived today) is
 * stored at the start of that day; access already granted until now stays lawful (Art. 7 (3) GDPR).
 */
export async function withdraw(
  db: Db,
  actor: Actor | null,
  consentId: string,
  input: ConsentWithdrawRequest,
  ctx: AuditContext,
): Promise<Consent> {
  const a = await check(db, actor, 'consent.write');
  const { record, viewer } = await visibleConsent(db, a, consentId, ctx.now);
  const c = record.consent;
  if (!viewer.working && c.recordedByAgencyId !== a.agencyId) {
    throw new AppError('FORBIDDEN', {
      fieldErrors: [
        problem(
          'consentId',
          'Einen Widerruf erfasst die Stelle, die die Einwilligung aufgenommen hat, oder eine Stelle, die mit der Person arbeitet. Bitte geben Sie den Widerruf dorthin weiter.',
          'A withdrawal is recorded by the agency that recorded the consent or by an agency that works with the person. Please pass the withdrawal on to them.',
        ),
      ],
    });
  }
  if (c.withdrawnAt) throw alreadyWithdrawn();
  const today = todayIn(ctx.now);
  const withdrawnOn = input.withdrawnOn ?? today;
  const errors: FieldError[] = [];
  if (!isCalendarDate(withdrawnOn)) {
    errors.push(problem('withdrawnOn', 'Kein gültiges Datum (JJJJ-MM-TT).', 'Not a valid date (YYYY-MM-DD).'));
  } else if (withdrawnOn > today) {
    errors.push(
      problem('withdrawnOn', 'Ein Widerruf kann nicht in der Zukunft liegen.', 'A withdrawal cannot be in the future.'),
    );
  } else if (withdrawnOn < c.givenOn) {
    errors.push(
      problem(
        'withdrawnOn',
        'Der Widerruf kann nicht vor dem Datum der Einwilligung liegen.',
        'The withdrawal cannot be before the date of consent.',
      ),
    );
  }
  failIfAny(errors);
  const backdated = withdrawnOn < today;
  await db.transaction(async (tx) => {
    const done = await withdrawConsent(tx, consentId, {
      withdrawnAt: backdated ? startOfBerlinDay(withdrawnOn) : ctx.now,
      withdrawnBy: a.userId,
      withdrawalNote: input.note,
    });
    if (!done) throw alreadyWithdrawn();
    await recordAudit(tx, ctx, {
      type: 'consent.withdrawn',
      subjectType: 'person',
      subjectId: c.personId,
      details: { consentId, backdated },
    });
  });
  const updated = await findConsent(db, consentId);
  if (!updated) throw new AppError('NOT_FOUND');
  return present(db, updated, viewer, ctx.now);
}

function alreadyWithdrawn(): AppError {
  return new AppError('CONFLICT', {
    fieldErrors: [
      problem('consentId', 'Diese Einwilligung ist bereits widerrufen.', 'This consent has already been withdrawn.'),
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// Evidence (the signed scan)

const MIB = 1024 * 1024;

export function scanTooLarge(): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', {
    fieldErrors: [
      problem(
        'file',
        `Der Scan ist zu groß. Erlaubt sind höchstens ${CONSENT_EVIDENCE_MAX_BYTES / MIB} MB. Bitte scannen Sie mit geringerer Auflösung.`,
        `The scan is too large. At most ${CONSENT_EVIDENCE_MAX_BYTES / MIB} MB are allowed. Please scan with a lower resolution.`,
      ),
    ],
  });
}

const SCAN_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'] as const;

/** Stores the signed scan (raw body, type by magic bytes); from then on the consent is in force. */
export async function uploadEvidence(
  db: Db,
  actor: Actor | null,
  consentId: string,
  body: unknown,
  ctx: AuditContext,
): Promise<Consent> {
  const a = await check(db, actor, 'consent.write');
  const { record, viewer } = await visibleConsent(db, a, consentId, ctx.now);
  const c = record.consent;
  if (c.recordedByAgencyId !== a.agencyId) {
    throw new AppError('FORBIDDEN', {
      fieldErrors: [
        problem(
          'consentId',
          'Den unterschriebenen Scan lädt die Stelle hoch, die die Einwilligung erfasst hat.',
          'The signed scan is uploaded by the agency that recorded the consent.',
        ),
      ],
    });
  }
  const conflict = (de: string, en: string) =>
    new AppError('CONFLICT', { fieldErrors: [problem('consentId', de, en)] });
  if (c.evidenceKind !== 'signed_scan') {
    throw conflict(
      'Diese Einwilligung wurde persönlich bestätigt; ein Scan gehört nicht dazu.',
      'This consent was confirmed in person; it has no scan.',
    );
  }
  if (c.withdrawnAt) throw conflict('Diese Einwilligung ist widerrufen.', 'This consent has been withdrawn.');
  if (record.evidence) throw conflict('Der Scan ist bereits hochgeladen.', 'The scan has already been uploaded.');
  if (statusOf(record, todayIn(ctx.now)) === 'expired') {
    throw conflict('Diese Einwilligung ist abgelaufen.', 'This consent has expired.');
  }
  const fileProblem = (de: string, en: string) =>
    new AppError('VALIDATION_FAILED', { fieldErrors: [problem('file', de, en)] });
  if (body === undefined || body === null) throw fileProblem('Die Datei ist leer.', 'The file is empty.');
  if (!Buffer.isBuffer(body)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      fieldErrors: [
        problem(
          'file',
          'Bitte senden Sie den Scan selbst als application/octet-stream.',
          'Please send the scan itself as application/octet-stream.',
        ),
      ],
    });
  }
  if (body.length === 0) throw fileProblem('Die Datei ist leer.', 'The file is empty.');
  if (body.length > CONSENT_EVIDENCE_MAX_BYTES) throw scanTooLarge();
  const mediaType = detectMediaType(body);
  if (!mediaType || !(SCAN_TYPES as readonly string[]).includes(mediaType)) {
    throw fileProblem(
      'Dieser Dateityp ist nicht erlaubt. Erlaubt sind PDF, PNG, JPEG und TIFF. Der Typ wird am Inhalt erkannt, nicht am Dateinamen.',
      'This file type is not allowed. Allowed are PDF, PNG, JPEG and TIFF. The type is recognised by the content, not by the file name.',
    );
  }
  await db.transaction(async (tx) => {
    const stored = await insertEvidence(tx, {
      consentId,
      mediaType,
      content: body,
      uploadedAt: ctx.now,
      uploadedBy: a.userId,
    });
    if (!stored) throw conflict('Der Scan ist bereits hochgeladen.', 'The scan has already been uploaded.');
    await recordAudit(tx, ctx, {
      type: 'consent.evidence_uploaded',
      subjectType: 'person',
      subjectId: c.personId,
      details: { consentId, mediaType, sizeBytes: body.length },
    });
  });
  const updated = await findConsent(db, consentId);
  if (!updated) throw new AppError('NOT_FOUND');
  return present(db, updated, viewer, ctx.now);
}

const EXTENSION: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/tiff': 'tif',
};

/** The signed scan for download: the recording agency and agencies working with the person. Audited. */
export async function downloadEvidence(
  db: Db,
  actor: Actor | null,
  consentId: string,
  ctx: AuditContext,
): Promise<{ content: Buffer; mediaType: string; fileName: string }> {
  const a = await check(db, actor, 'consent.read');
  const { record, viewer } = await visibleConsent(db, a, consentId, ctx.now);
  if (!viewer.working && record.consent.recordedByAgencyId !== a.agencyId) {
    throw new AppError('FORBIDDEN', {
      fieldErrors: [
        problem(
          'consentId',
          'Den Scan sehen nur die Stelle, die die Einwilligung erfasst hat, und Stellen, die mit der Person arbeiten.',
          'Only the recording agency and agencies working with the person see the scan.',
        ),
      ],
    });
  }
  const file = await evidenceContent(db, consentId);
  if (!file) throw new AppError('NOT_FOUND');
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'consent.evidence_downloaded',
      subjectType: 'person',
      subjectId: record.consent.personId,
      details: { consentId },
    });
  });
  return {
    content: Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength),
    mediaType: file.mediaType,
    fileName: `Einwilligung-${record.consent.givenOn}.${EXTENSION[file.mediaType] ?? 'bin'}`,
  };
}
