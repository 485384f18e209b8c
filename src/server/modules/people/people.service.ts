import type { z } from 'zod';
import { personFieldCategories, type PersonFieldGroup } from '../../../shared/domain/data-protection/field-groups';
import { accessToPerson, type PersonAccess } from '../../platform/access/person-access';
import type {
  DuplicateCheckResponse,
  duplicateCheckRequestSchema,
  Person,
  personCreateRequestSchema,
  personSearchQuerySchema,
  personSearchResultSchema,
  personUpdateRequestSchema,
} from '../../../shared/contracts/people';
import { isCalendarDate, todayIn } from '../../../shared/domain/calendar-date';
import { searchLookupKeys } from '../../../shared/domain/people-matching/blocking-keys';
import { parseDateOfBirth } from '../../../shared/domain/people-matching/date-of-birth';
import { scoreDuplicate } from '../../../shared/domain/people-matching/duplicate-scoring';
import { analysePerson, type PersonMatchInput } from '../../../shared/domain/people-matching/person-analysis';
import { parseSearchQuery } from '../../../shared/domain/people-matching/search-query';
import { rankSearchCandidates } from '../../../shared/domain/people-matching/search-ranking';
import type { ApiLocale } from '../../../shared/i18n/error-messages';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage, type FieldError } from '../../platform/errors/app-error';
import { normaliseAddressKey } from '../social-space/address-register';
import { analyseRecord, blockingKeyColumns, dateOfBirthColumns, type MatchableFields } from './people-matching';
import { presentPerson, presentPersonSummary } from './people.presenter';
import { householdScopeAgency } from './households.policy';
import { personScopeAgency } from './people.policy';
import {
  findCandidatesByKeys,
  findPersonRecord,
  insertPerson,
  replaceChildren,
  replaceDetails,
  takenIdentifiers,
  updatePersonIfVersion,
  type DetailValues,
  type PersonRecord,
  type PersonValues,
} from './people.repository';
import { etagOf, ifMatchVersion } from '../../platform/http/etag';
import { CANDIDATE_CAP, presentCandidate, rankDuplicateCandidates, type ScoredCandidate } from './duplicate-candidates';

/** A search hit below this relevance is noise from a shared date or skeleton key, not an answer. */
export const SEARCH_MIN_SCORE = 0.3;

type CreateInput = z.infer<typeof personCreateRequestSchema>;
type UpdateInput = z.infer<typeof personUpdateRequestSchema>;
type SearchResult = z.infer<typeof personSearchResultSchema>;

/** A person and the version the client must send back in If-Match. */
export type VersionedPerson = { person: Person; etag: string };

/**
 * The person as the viewer may see it at `now` (issue 5): the field groups of the categories the
 * decision function grants, the rest sent empty and named in `access.withheld`.
 */
export async function presentPersonFor(db: Db, viewer: Actor, record: PersonRecord, now: Date): Promise<Person> {
  const access = await accessToPerson(db, viewer, record.person.id, now);
  if (!access) throw new AppError('NOT_FOUND');
  return presentPerson(record, now, access);
}

/**
 * Field groups of an update whose category the actor may not see: 403 names them, nothing is
 * written. Returns the actor's access, which also presents the updated person.
 */
async function assertUpdatableGroups(
  db: Db,
  a: Actor,
  id: string,
  provided: readonly (keyof UpdateInput)[],
  now: Date,
): Promise<PersonAccess> {
  const access = await accessToPerson(db, a, id, now);
  if (!access) throw new AppError('NOT_FOUND');
  const refused = provided.filter(
    (k) => k in personFieldCategories && !access.categories.has(personFieldCategories[k as PersonFieldGroup]),
  );
  if (refused.length === 0) return access;
  throw new AppError('FORBIDDEN', {
    fieldErrors: refused.map((path) => ({
      path,
      message: fieldMessage(
        'Diese Angaben gehören zu einer Datenkategorie, die für Ihre Stelle nicht freigegeben ist.',
        'These details belong to a data category your agency may not see.',
      ),
    })),
  });
}

/** The person as `viewer` sees it: household memberships only of households the viewer may open. */
async function loadPerson(db: Db, viewer: Actor, id: string): Promise<PersonRecord> {
  const record = await findPersonRecord(db, id, householdScopeAgency(viewer));
  if (!record) throw new AppError('NOT_FOUND');
  return record;
}

export async function searchPeople(
  db: Db,
  actor: Actor | null,
  query: z.infer<typeof personSearchQuerySchema>,
  ctx: AuditContext,
): Promise<SearchResult> {
  const a = await check(db, actor, 'person.read');
  const parsed = parseSearchQuery(query.q);
  const q = query.dateOfBirth ? { ...parsed, dateOfBirth: parseDateOfBirth(query.dateOfBirth) } : parsed;
  const candidates = await findCandidatesByKeys(db, searchLookupKeys(q), a, CANDIDATE_CAP);
  // Every hit is ranked (the candidate cap bounds the work) so that `total` and the pages are
  // stable: page n is the n-th slice of one deterministic ordering.
  const ranked = rankSearchCandidates(q, candidates, (r) => analyseRecord(r), candidates.length).filter(
    (hit) => hit.score >= SEARCH_MIN_SCORE,
  );
  const start = (query.page - 1) * query.limit;
  const items = ranked
    .slice(start, start + query.limit)
    .map((hit) => ({ person: presentPersonSummary(hit.item), score: hit.score }));
  // The query text is social data (a name, a birthday): the audit row holds only the count.
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'person.searched',
      subjectType: 'person',
      details: { resultCount: items.length },
    });
  });
  return { items, page: { page: query.page, pageSize: query.limit, total: ranked.length } };
}

/** Scores the visible candidates of a (prospective) person, best first, at or above the threshold. */
function duplicateCandidates(db: Db, viewer: Actor, input: PersonMatchInput): Promise<ScoredCandidate[]> {
  const analysed = analysePerson(input);
  return rankDuplicateCandidates(db, viewer, analysed, (record) =>
    scoreDuplicate(analysed, analyseRecord(record, input.nationality)),
  );
}

export async function checkDuplicates(
  db: Db,
  actor: Actor | null,
  input: z.infer<typeof duplicateCheckRequestSchema>,
  locale: ApiLocale,
  ctx: AuditContext,
): Promise<DuplicateCheckResponse> {
  const a = await check(db, actor, 'person.read');
  const found = await duplicateCandidates(db, a, {
    givenNames: input.givenNames,
    familyName: input.familyName,
    dateOfBirth: input.dateOfBirth ?? null,
    placeOfBirth: input.placeOfBirth ?? null,
    nationality: input.nationality ?? null,
  });
  const candidates = found.map((c) => presentCandidate(c, locale));
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'person.duplicate_check',
      subjectType: 'person',
      details: { candidateCount: candidates.length, context: 'check' },
    });
  });
  return { candidates };
}

/** Identifiers given twice in one request (400), pointing at the repetition. */
function repeatedIdentifierErrors(identifiers: readonly { kind: string; value: string }[]): FieldError[] {
  const seen = new Set<string>();
  const repeated: FieldError[] = [];
  identifiers.forEach((i, index) => {
    const key = `${i.kind}:${i.value}`;
    if (seen.has(key)) {
      repeated.push({
        path: `identifiers.${index}.value`,
        message: fieldMessage('Diese Kennung ist doppelt angegeben.', 'This identifier is given twice.'),
      });
    }
    seen.add(key);
  });
  return repeated;
}

/** Identifiers held by another person are a conflict (409). Paths point at the offending entry for the form. */
async function assertIdentifiersFree(
  db: Db,
  identifiers: readonly { kind: string; value: string }[],
  exceptPersonId?: string,
): Promise<void> {
  const taken = await takenIdentifiers(db, identifiers, exceptPersonId);
  if (taken.length) {
    throw new AppError('CONFLICT', {
      fieldErrors: identifiers
        .map((i, index) => ({ i, index }))
        .filter(({ i }) => taken.some((t) => t.kind === i.kind && t.value === i.value))
        .map(({ index }) => ({
          path: `identifiers.${index}.value`,
          message: fieldMessage(
            'Diese Kennung ist bereits für eine andere Person erfasst.',
            'This identifier is already registered for another person.',
          ),
        })),
    });
  }
}

function dateOfBirthErrors(raw: string | null | undefined, today: string): FieldError[] {
  if (!raw) return [];
  const dob = parseDateOfBirth(raw);
  if (dob.year === null) {
    return [
      {
        path: 'dateOfBirth',
        message: fieldMessage(
          'Das Geburtsjahr liegt außerhalb des gültigen Bereichs.',
          'The year of birth is out of range.',
        ),
      },
    ];
  }
  // Compared at the precision that is known: '2026' is not in the future during 2026.
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const future =
    dob.year > ty ||
    (dob.year === ty && dob.month !== null && dob.month > tm) ||
    (dob.year === ty && dob.month === tm && dob.day !== null && dob.day > td);
  return future
    ? [
        {
          path: 'dateOfBirth',
          message: fieldMessage('Das Geburtsdatum liegt in der Zukunft.', 'The date of birth is in the future.'),
        },
      ]
    : [];
}

const noDate = fieldMessage('Dieses Datum gibt es nicht.', 'This date does not exist.');
/** The digits of a phone number with the usual separators; the country code may lead with +. */
const PHONE = /^\+?[0-9 /()-]+$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)*\.[^\s@.]{2,}$/;
const MIN_PHONE_DIGITS = 6;

/** A calendar date that may not lie after today (a consent is recorded when it was given). */
function pastDateErrors(path: string, value: string | null, today: string): FieldError[] {
  if (value === null) return [];
  if (!isCalendarDate(value)) return [{ path, message: noDate }];
  if (value > today) {
    return [{ path, message: fieldMessage('Das Datum liegt in der Zukunft.', 'The date is in the future.') }];
  }
  return [];
}

type DetailInput = Pick<UpdateInput, 'languages' | 'interpreter' | 'contacts' | 'addresses'>;

/**
 * The rules the schema cannot express: formats by contact kind, consent with its date, no
 * language twice, the interpreter's language, real calendar dates and periods that do not end
 * before they begin. All errors at once, each at the entry it concerns (`contacts.1.value`).
 */
function detailErrors(input: DetailInput, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const seenLanguages = new Set<string>();
  input.languages?.forEach((l, i) => {
    if (seenLanguages.has(l.language)) {
      errors.push({
        path: `languages.${i}.language`,
        message: fieldMessage('Diese Sprache ist doppelt angegeben.', 'This language is given twice.'),
      });
    }
    seenLanguages.add(l.language);
  });
  if (input.interpreter?.needed && !input.interpreter.language) {
    errors.push({
      path: 'interpreter.language',
      message: fieldMessage(
        'Bitte angeben, für welche Sprache eine Verdolmetschung nötig ist.',
        'Please state the language an interpreter is needed for.',
      ),
    });
  }
  input.contacts?.forEach((c, i) => {
    const at = (field: string) => `contacts.${i}.${field}`;
    if (c.kind === 'email' && !EMAIL.test(c.value)) {
      errors.push({
        path: at('value'),
        message: fieldMessage('Bitte eine gültige E-Mail-Adresse angeben.', 'Please enter a valid e-mail address.'),
      });
    }
    if (c.kind !== 'email' && (!PHONE.test(c.value) || c.value.replace(/\D/g, '').length < MIN_PHONE_DIGITS)) {
      errors.push({
        path: at('value'),
        message: fieldMessage(
          'Bitte eine Rufnummer mit mindestens 6 Ziffern angeben (erlaubt sind außerdem +, Leerzeichen, /, - und Klammern).',
          'Please enter a number with at least 6 digits (+, spaces, /, - and brackets are also allowed).',
        ),
      });
    }
    if (c.kind === 'messenger' && c.service === null) {
      errors.push({
        path: at('service'),
        message: fieldMessage('Bitte den Messenger-Dienst angeben.', 'Please state the messenger service.'),
      });
    }
    if (c.kind !== 'messenger' && c.service !== null) {
      errors.push({
        path: at('service'),
        message: fieldMessage(
          'Ein Dienst wird nur bei Messengern angegeben.',
          'A service is only given for messengers.',
        ),
      });
    }
    if (c.consentToUse && c.consentRecordedOn === null) {
      errors.push({
        path: at('consentRecordedOn'),
        message: fieldMessage(
          'Bitte angeben, wann die Einwilligung erfasst wurde.',
          'Please state when the consent was recorded.',
        ),
      });
    }
    errors.push(...pastDateErrors(at('consentRecordedOn'), c.consentRecordedOn, today));
  });
  input.addresses?.forEach((a, i) => {
    const fromOk = a.validFrom === null || isCalendarDate(a.validFrom);
    const untilOk = a.validUntil === null || isCalendarDate(a.validUntil);
    if (!fromOk) errors.push({ path: `addresses.${i}.validFrom`, message: noDate });
    if (!untilOk) errors.push({ path: `addresses.${i}.validUntil`, message: noDate });
    if (fromOk && untilOk && a.validFrom !== null && a.validUntil !== null && a.validUntil < a.validFrom) {
      errors.push({
        path: `addresses.${i}.validUntil`,
        message: fieldMessage('Das Ende liegt vor dem Beginn.', 'The end is before the start.'),
      });
    }
  });
  return errors;
}

/** Throws one 400 with every field error of the input, before anything is read or written. */
function assertValidInput(input: DetailInput & Pick<UpdateInput, 'dateOfBirth' | 'identifiers'>, today: string): void {
  const errors = [
    ...dateOfBirthErrors(input.dateOfBirth, today),
    ...repeatedIdentifierErrors(input.identifiers ?? []),
    ...detailErrors(input, today),
  ];
  if (errors.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: errors });
}

function variantValues(input: NonNullable<UpdateInput['nameVariants']>) {
  return input.map((v) => ({ kind: v.kind, givenNames: v.givenNames, familyName: v.familyName, script: v.script }));
}

/** The detail lists of the input, for the repository (absent lists stay as stored). */
function detailValues(input: DetailInput): DetailValues {
  return {
    ...(input.languages ? { languages: input.languages } : {}),
    ...(input.contacts ? { contacts: input.contacts } : {}),
    ...(input.addresses ? { addresses: input.addresses } : {}),
  };
}

export async function createPerson(
  db: Db,
  actor: Actor | null,
  input: CreateInput,
  ctx: AuditContext,
): Promise<VersionedPerson> {
  const a = await check(db, actor, 'person.write');
  assertValidInput(input, todayIn(ctx.now));
  await assertIdentifiersFree(db, input.identifiers);
  const variants = variantValues(input.nameVariants);
  const fields: MatchableFields = {
    givenNames: input.givenNames,
    familyName: input.familyName,
    variants,
    dateOfBirth: input.dateOfBirth,
    placeOfBirth: input.placeOfBirth,
    nationalities: input.nationalities,
  };
  if (!input.duplicatesReviewed) {
    const likely = (
      await duplicateCandidates(db, a, {
        givenNames: input.givenNames,
        familyName: input.familyName,
        otherNames: variants,
        dateOfBirth: input.dateOfBirth,
        placeOfBirth: input.placeOfBirth,
        nationality: input.nationalities[0] ?? null,
      })
    ).filter((c) => c.score.band === 'likely_duplicate');
    if (likely.length > 0) {
      // The refusal discloses that a similar person exists, so it is recorded as a check.
      await db.transaction(async (tx) => {
        await recordAudit(tx, ctx, {
          type: 'person.duplicate_check',
          outcome: 'denied',
          subjectType: 'person',
          details: { candidateCount: likely.length, context: 'create' },
        });
      });
      throw new AppError('DUPLICATE_SUSPECTED');
    }
  }
  const values: PersonValues = {
    givenNames: input.givenNames,
    familyName: input.familyName,
    nameOrder: input.nameOrder,
    sex: input.sex,
    ...dateOfBirthColumns(input.dateOfBirth),
    placeOfBirth: input.placeOfBirth,
    countryOfBirth: input.countryOfBirth,
    nationalities: [...new Set(input.nationalities)],
    germanLevels: input.germanLevels,
    interpreterNeeded: input.interpreter.needed,
    interpreterLanguage: input.interpreter.language,
    registeredByAgencyId: personScopeAgency(a),
    ...blockingKeyColumns(fields),
    createdAt: ctx.now,
    updatedAt: ctx.now,
    createdBy: a.userId,
    updatedBy: a.userId,
  };
  const id = await db.transaction(async (tx) => {
    const personId = await insertPerson(tx, values, variants, input.identifiers, detailValues(input));
    await recordAudit(tx, ctx, {
      type: 'person.created',
      subjectType: 'person',
      subjectId: personId,
      details: {
        identifiers: input.identifiers.length,
        nameVariants: variants.length,
        duplicatesReviewed: input.duplicatesReviewed,
      },
    });
    return personId;
  });
  const record = await loadPerson(db, a, id);
  return { person: await presentPersonFor(db, a, record, ctx.now), etag: etagOf(record.person.version) };
}

export async function getPerson(db: Db, actor: Actor | null, id: string, ctx: AuditContext): Promise<VersionedPerson> {
  const a = await check(db, actor, 'person.read', [id]);
  const record = await loadPerson(db, a, id);
  const person = await presentPersonFor(db, a, record, ctx.now);
  // Every read of a person is recorded with its grounds: who looked at whom, and why, is what a
  // data subject may ask (Art. 15 GDPR) and what the data protection officer controls.
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'person.viewed',
      subjectType: 'person',
      subjectId: id,
      details: { via: person.access.grounds, hidden: person.access.withheld },
    });
  });
  return { person, etag: etagOf(record.person.version) };
}

/** JSON with sorted object keys: jsonb and zod do not keep the key order a client sent. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
        )
      : v,
  );
}

const identifierOrder = (x: { kind: string; value: string }, y: { kind: string; value: string }) =>
  `${x.kind}:${x.value}`.localeCompare(`${y.kind}:${y.value}`);

/** An address as the register identifies it: two spellings of one address are no change. */
const comparableAddress = (a: {
  kind: string;
  key: string;
  addressSuffix: string | null;
  validFrom: string | null;
  validUntil: string | null;
}) => [a.kind, a.key, a.addressSuffix, a.validFrom, a.validUntil];

/** Each updatable field as stored, in the shape the update request gives it. */
function storedValue(r: PersonRecord, k: keyof UpdateInput): unknown {
  const p = r.person;
  switch (k) {
    case 'givenNames':
    case 'familyName':
    case 'nameOrder':
    case 'sex':
    case 'placeOfBirth':
    case 'countryOfBirth':
    case 'nationalities':
    case 'germanLevels':
      return p[k];
    case 'dateOfBirth':
      return p.dateOfBirthRaw;
    case 'nameVariants':
      return r.variants.map((v) => ({
        kind: v.kind,
        givenNames: v.givenNames,
        familyName: v.familyName,
        script: v.script,
      }));
    case 'identifiers':
      return r.identifiers.map((i) => ({ kind: i.kind, value: i.value })).sort(identifierOrder);
    case 'languages':
      return r.languages.map((l) => ({ language: l.language, motherTongue: l.motherTongue, level: l.level }));
    case 'interpreter':
      return { needed: p.interpreterNeeded, language: p.interpreterLanguage };
    case 'contacts':
      return r.contacts.map((c) => ({
        kind: c.kind,
        value: c.value,
        service: c.service,
        consentToUse: c.consentToUse,
        consentRecordedOn: c.consentRecordedOn,
        note: c.note,
      }));
    case 'addresses':
      return r.addresses.map((a) => comparableAddress({ ...a, key: a.address.normalisedKey }));
  }
}

function inputValue(input: UpdateInput, k: keyof UpdateInput): unknown {
  switch (k) {
    case 'identifiers':
      return [...(input.identifiers ?? [])].sort(identifierOrder);
    case 'addresses':
      return (input.addresses ?? []).map((a) => comparableAddress({ ...a, key: normaliseAddressKey(a) }));
    default:
      return input[k];
  }
}

/** Names of the fields whose value the update really changes (the audit row records names, never values). */
function changedFields(current: PersonRecord, input: UpdateInput, provided: readonly (keyof UpdateInput)[]): string[] {
  return provided.filter((k) => canonical(inputValue(input, k)) !== canonical(storedValue(current, k)));
}

export async function changePerson(
  db: Db,
  actor: Actor | null,
  id: string,
  ifMatch: string | undefined,
  input: UpdateInput,
  ctx: AuditContext,
): Promise<VersionedPerson> {
  const a = await check(db, actor, 'person.write', [id]);
  const version = ifMatchVersion(ifMatch, true);
  const provided = Object.keys(input).filter(
    (k) => input[k as keyof UpdateInput] !== undefined,
  ) as (keyof UpdateInput)[];
  if (provided.length === 0) throw new AppError('VALIDATION_FAILED');
  const access = await assertUpdatableGroups(db, a, id, provided, ctx.now);
  const current = await loadPerson(db, a, id);
  if (current.person.mergedIntoId !== null) {
    // A merged record is history of its survivor; an edit there would be lost to every view.
    throw new AppError('CONFLICT', {
      fieldErrors: [
        {
          path: 'id',
          message: fieldMessage(
            'Dieser Eintrag wurde mit einer anderen Person zusammengeführt. Bitte ändern Sie die zusammengeführte Person.',
            'This record was merged into another person. Please change the merged person instead.',
          ),
        },
      ],
    });
  }
  if (current.person.version !== version) throw new AppError('PRECONDITION_FAILED');
  assertValidInput(input, todayIn(ctx.now));
  const fields = changedFields(current, input, provided);
  if (input.identifiers) await assertIdentifiersFree(db, input.identifiers, id);

  const variants = input.nameVariants ? variantValues(input.nameVariants) : undefined;
  const dateOfBirth = input.dateOfBirth !== undefined ? input.dateOfBirth : current.person.dateOfBirthRaw;
  const matchable: MatchableFields = {
    givenNames: input.givenNames ?? current.person.givenNames,
    familyName: input.familyName ?? current.person.familyName,
    variants: variants ?? current.variants,
    dateOfBirth,
    placeOfBirth: input.placeOfBirth !== undefined ? input.placeOfBirth : current.person.placeOfBirth,
    nationalities: input.nationalities ?? current.person.nationalities,
  };
  const values: Partial<PersonValues> = {
    ...(input.givenNames !== undefined ? { givenNames: input.givenNames } : {}),
    ...(input.familyName !== undefined ? { familyName: input.familyName } : {}),
    ...(input.nameOrder !== undefined ? { nameOrder: input.nameOrder } : {}),
    ...(input.sex !== undefined ? { sex: input.sex } : {}),
    ...(input.dateOfBirth !== undefined ? dateOfBirthColumns(input.dateOfBirth) : {}),
    ...(input.placeOfBirth !== undefined ? { placeOfBirth: input.placeOfBirth } : {}),
    ...(input.countryOfBirth !== undefined ? { countryOfBirth: input.countryOfBirth } : {}),
    ...(input.nationalities !== undefined ? { nationalities: [...new Set(input.nationalities)] } : {}),
    ...(input.germanLevels !== undefined ? { germanLevels: input.germanLevels } : {}),
    ...(input.interpreter !== undefined
      ? { interpreterNeeded: input.interpreter.needed, interpreterLanguage: input.interpreter.language }
      : {}),
    // Always recomputed: keys must follow every spelling and the date, or search loses the person.
    ...blockingKeyColumns(matchable),
    updatedAt: ctx.now,
    updatedBy: a.userId,
  };
  await db.transaction(async (tx) => {
    const newVersion = await updatePersonIfVersion(tx, id, version, values);
    // Someone else's update committed between our read and this write.
    if (newVersion === null) throw new AppError('PRECONDITION_FAILED');
    await replaceChildren(tx, id, variants, input.identifiers);
    await replaceDetails(tx, id, detailValues(input));
    await recordAudit(tx, ctx, {
      type: 'person.updated',
      subjectType: 'person',
      subjectId: id,
      details: { fields, version: newVersion },
    });
  });
  const record = await loadPerson(db, a, id);
  return { person: presentPerson(record, ctx.now, access), etag: etagOf(record.person.version) };
}
