import type { z } from 'zod';
import type {
  DuplicateCheckResponse,
  duplicateCheckRequestSchema,
  Person,
  personCreateRequestSchema,
  personSearchQuerySchema,
  personSearchResultSchema,
  personUpdateRequestSchema,
} from '../../../shared/contracts/people';
import { duplicateLookupKeys, searchLookupKeys } from '../../../shared/domain/people-matching/blocking-keys';
import { parseDateOfBirth } from '../../../shared/domain/people-matching/date-of-birth';
import {
  DUPLICATE_CANDIDATE_THRESHOLD,
  PARTIAL_DOB_CANDIDATE_THRESHOLD,
  scoreDuplicate,
} from '../../../shared/domain/people-matching/duplicate-scoring';
import { analysePerson, type PersonMatchInput } from '../../../shared/domain/people-matching/person-analysis';
import { parseSearchQuery } from '../../../shared/domain/people-matching/search-query';
import { rankSearchCandidates } from '../../../shared/domain/people-matching/search-ranking';
import type { ApiLocale } from '../../../shared/i18n/error-messages';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage, type FieldError } from '../../platform/errors/app-error';
import { analyseRecord, blockingKeysOf, dateOfBirthColumns, type MatchableFields } from './people-matching';
import { presentPerson, presentPersonSummary } from './people.presenter';
import { personScopeAgency } from './people.policy';
import {
  findCandidatesByKeys,
  findPersonRecord,
  insertPerson,
  replaceChildren,
  takenIdentifiers,
  updatePersonIfVersion,
  type PersonRecord,
  type PersonValues,
} from './people.repository';


/** At most this many candidates are scored per request; blocking keeps real blocks far smaller. */
const CANDIDATE_CAP = 500;
/** A search hit below this relevance is noise from a shared date or skeleton key, not an answer. */
export const SEARCH_MIN_SCORE = 0.3;
/** The duplicate check shows at most this many candidates. */
export const DUPLICATE_CHECK_MAX = 20;

type CreateInput = z.infer<typeof personCreateRequestSchema>;
type UpdateInput = z.infer<typeof personUpdateRequestSchema>;
type SearchResult = z.infer<typeof personSearchResultSchema>;
type Candidate = DuplicateCheckResponse['candidates'][number];

/** A person and the version the client must send back in If-Match. */
export type VersionedPerson = { person: Person; etag: string };

const etagOf = (version: number) => `"${version}"`;

async function loadPerson(db: Db, id: string): Promise<PersonRecord> {
  const record = await findPersonRecord(db, id);
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
  const candidates = await findCandidatesByKeys(db, searchLookupKeys(q), personScopeAgency(a), CANDIDATE_CAP);
  const ranked = rankSearchCandidates(q, candidates, (r) => analyseRecord(r), candidates.length).filter(
    (hit) => hit.score >= SEARCH_MIN_SCORE,
  );
  const items = ranked
    .slice(0, query.limit)
    .map((hit) => ({ person: presentPersonSummary(hit.item), score: hit.score }));
  // The query text is social data (a name, a birthday): the audit row holds only the count.
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'person.searched',
      subjectType: 'person',
      details: { resultCount: items.length },
    });
  });
  return { items, page: { page: 1, pageSize: query.limit, total: ranked.length } };
}

/** Scores the visible candidates of a (prospective) person, best first, at or above the threshold. */
async function duplicateCandidates(
  db: Db,
  agencyId: string,
  input: PersonMatchInput,
  excludeId?: string,
): Promise<{ record: PersonRecord; score: ReturnType<typeof scoreDuplicate> }[]> {
  const analysed = analysePerson(input);
  // Without a day-precise date of birth names are weak evidence: list more candidates for review
  // (docs/people-matching.md, thresholds).
  const threshold =
    analysed.dateOfBirth.precision === 'day' ? DUPLICATE_CANDIDATE_THRESHOLD : PARTIAL_DOB_CANDIDATE_THRESHOLD;
  const candidates = await findCandidatesByKeys(db, duplicateLookupKeys(analysed), agencyId, CANDIDATE_CAP);
  return candidates
    .filter((record) => record.person.id !== excludeId)
    .map((record) => ({ record, score: scoreDuplicate(analysed, analyseRecord(record, input.nationality)) }))
    .filter((c) => c.score.score >= threshold)
    .sort((x, y) => y.score.score - x.score.score || x.record.person.id.localeCompare(y.record.person.id))
    .slice(0, DUPLICATE_CHECK_MAX);
}

export async function checkDuplicates(
  db: Db,
  actor: Actor | null,
  input: z.infer<typeof duplicateCheckRequestSchema>,
  locale: ApiLocale,
  ctx: AuditContext,
): Promise<DuplicateCheckResponse> {
  const a = await check(db, actor, 'person.read');
  const found = await duplicateCandidates(db, personScopeAgency(a), {
    givenNames: input.givenNames,
    familyName: input.familyName,
    dateOfBirth: input.dateOfBirth ?? null,
    placeOfBirth: input.placeOfBirth ?? null,
    nationality: input.nationality ?? null,
  });
  const candidates: Candidate[] = found.map(({ record, score }) => ({
    personId: record.person.id,
    score: score.score,
    reasons: score.reasons.map((r) => r[locale]),
    reasonCodes: score.reasons.map((r) => r.code),
    band: score.band === 'likely_duplicate' ? 'likely_duplicate' : 'candidate',
    person: presentPersonSummary(record),
  }));
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'person.duplicate_check',
      subjectType: 'person',
      details: { candidateCount: candidates.length, context: 'check' },
    });
  });
  return { candidates };
}

/**
 * Identifiers must be unique: twice in one request is an input error (400), held by another
 * person a conflict (409). Paths point at the offending entry for the form.
 */
async function assertIdentifiersFree(
  db: Db,
  identifiers: readonly { kind: string; value: string }[],
  exceptPersonId?: string,
): Promise<void> {
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
  if (repeated.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: repeated });
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

function assertDateOfBirth(raw: string | null | undefined): void {
  if (raw && parseDateOfBirth(raw).year === null) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [
        {
          path: 'dateOfBirth',
          message: fieldMessage('Das Geburtsjahr liegt außerhalb des gültigen Bereichs.', 'The year of birth is out of range.'),
        },
      ],
    });
  }
}

function variantValues(input: NonNullable<UpdateInput['nameVariants']>) {
  return input.map((v) => ({ kind: v.kind, givenNames: v.givenNames, familyName: v.familyName, script: v.script }));
}

export async function createPerson(
  db: Db,
  actor: Actor | null,
  input: CreateInput,
  ctx: AuditContext,
): Promise<VersionedPerson> {
  const a = await check(db, actor, 'person.write');
  assertDateOfBirth(input.dateOfBirth);
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
      await duplicateCandidates(db, personScopeAgency(a), {
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
    registeredByAgencyId: personScopeAgency(a),
    blockingKeys: blockingKeysOf(fields),
    createdAt: ctx.now,
    updatedAt: ctx.now,
    createdBy: a.userId,
    updatedBy: a.userId,
  };
  const id = await db.transaction(async (tx) => {
    const personId = await insertPerson(tx, values, variants, input.identifiers);
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
  const record = await loadPerson(db, id);
  return { person: presentPerson(record), etag: etagOf(record.person.version) };
}

export async function getPerson(db: Db, actor: Actor | null, id: string, ctx: AuditContext): Promise<VersionedPerson> {
  await check(db, actor, 'person.read', [id]);
  const record = await loadPerson(db, id);
  // Every read of a person is recorded: who looked at whom is what a data subject may ask.
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, { type: 'person.viewed', subjectType: 'person', subjectId: id, details: {} });
  });
  return { person: presentPerson(record), etag: etagOf(record.person.version) };
}

/** Names of the fields whose value the update really changes (the audit row records names, never values). */
function changedFields(current: PersonRecord, input: UpdateInput, provided: readonly (keyof UpdateInput)[]): string[] {
  const before = presentPerson(current);
  const comparable: Record<keyof UpdateInput, unknown> = {
    ...before,
    dateOfBirth: before.dateOfBirth?.value ?? null,
    identifiers: [...before.identifiers].sort((x, y) => `${x.kind}:${x.value}`.localeCompare(`${y.kind}:${y.value}`)),
  };
  const normalised = (k: keyof UpdateInput): unknown =>
    k === 'identifiers'
      ? [...(input.identifiers ?? [])].sort((x, y) => `${x.kind}:${x.value}`.localeCompare(`${y.kind}:${y.value}`))
      : input[k];
  return provided.filter((k) => JSON.stringify(normalised(k)) !== JSON.stringify(comparable[k]));
}

/** The version in an If-Match header ("3"); a list, a weak tag or `*` does not name one version. */
function expectedVersion(ifMatch: string | undefined): number {
  if (ifMatch === undefined || ifMatch.trim() === '') throw new AppError('PRECONDITION_REQUIRED');
  const m = /^"(\d{1,9})"$/.exec(ifMatch.trim());
  if (!m) throw new AppError('PRECONDITION_FAILED');
  return Number(m[1]);
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
  const version = expectedVersion(ifMatch);
  const provided = Object.keys(input).filter(
    (k) => input[k as keyof UpdateInput] !== undefined,
  ) as (keyof UpdateInput)[];
  if (provided.length === 0) throw new AppError('VALIDATION_FAILED');
  const current = await loadPerson(db, id);
  if (current.person.version !== version) throw new AppError('PRECONDITION_FAILED');
  const fields = changedFields(current, input, provided);
  assertDateOfBirth(input.dateOfBirth);
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
    // Always recomputed: keys must follow every spelling and the date, or search loses the person.
    blockingKeys: blockingKeysOf(matchable),
    updatedAt: ctx.now,
    updatedBy: a.userId,
  };
  await db.transaction(async (tx) => {
    const newVersion = await updatePersonIfVersion(tx, id, version, values);
    // Someone else's update committed between our read and this write.
    if (newVersion === null) throw new AppError('PRECONDITION_FAILED');
    await replaceChildren(tx, id, variants, input.identifiers);
    await recordAudit(tx, ctx, {
      type: 'person.updated',
      subjectType: 'person',
      subjectId: id,
      details: { fields, version: newVersion },
    });
  });
  const record = await loadPerson(db, id);
  return { person: presentPerson(record), etag: etagOf(record.person.version) };
}
