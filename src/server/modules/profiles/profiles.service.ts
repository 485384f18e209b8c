import type { ProfilePutRequest, ProfileResponse } from '../../../shared/contracts/profiles';
import { daysBetween, todayIn } from '../../../shared/domain/calendar-date';
import { isKnownBerufsgattung } from '../../../shared/domain/profiles/kldb-2010';
import { germanOverall } from '../../../shared/domain/profiles/profile-summary';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { permissionsOf } from '../../platform/access/permissions';
import { assertPersonCategory } from '../../platform/access/person-access';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage, type FieldError } from '../../platform/errors/app-error';
import { etagOf, ifMatchVersion, type Versioned } from '../../platform/http/etag';
import { presentProfile } from './profiles.presenter';
import {
  findProfileOfPerson,
  insertProfile,
  replaceProfileIfVersion,
  type ProfileRow,
  type ProfileValues,
} from './profiles.repository';

/**
 * Competence profiles (issue 9): one per person, social data of the category
 * `employment_profile`. Reading needs the person visible (404 otherwise) and the category
 * (403 naming it otherwise). Every read and write is audited without the profile's content.
 */

const CATEGORY = 'employment_profile';

function yearProblems(
  list: readonly { fromYear: number | null; toYear: number | null }[],
  name: string,
  currentYear: number,
): FieldError[] {
  const out: FieldError[] = [];
  list.forEach((item, i) => {
    if (item.fromYear !== null && item.toYear !== null && item.fromYear > item.toYear)
      out.push({
        path: `${name}.${i}.toYear`,
        message: fieldMessage('Das Endjahr liegt vor dem Anfangsjahr.', 'The end year lies before the start year.'),
      });
    for (const key of ['fromYear', 'toYear'] as const) {
      const y = item[key];
      if (y !== null && y > currentYear)
        out.push({
          path: `${name}.${i}.${key}`,
          message: fieldMessage('Das Jahr liegt in der Zukunft.', 'The year lies in the future.'),
        });
    }
  });
  return out;
}

function unknownKldb(path: string, code: string): FieldError {
  return {
    path,
    message: fieldMessage(
      `Die Berufskennziffer ${code} ist keine Berufsgattung der KldB 2010. Bitte wählen Sie den Beruf aus der Suche.`,
      `The code ${code} is not a KldB 2010 occupation. Please choose the occupation from the search.`,
    ),
  };
}

/** Checks the input beyond its shape: KldB codes, years, dates; German messages next to the fields. */
export function profileProblems(input: ProfilePutRequest, today: string): FieldError[] {
  const currentYear = Number(today.slice(0, 4));
  const problems: FieldError[] = [];
  input.qualifications.forEach((q, i) => {
    if (!isKnownBerufsgattung(q.kldbCode)) problems.push(unknownKldb(`qualifications.${i}.kldbCode`, q.kldbCode));
    if (q.year !== null && q.year > currentYear)
      problems.push({
        path: `qualifications.${i}.year`,
        message: fieldMessage('Das Jahr liegt in der Zukunft.', 'The year lies in the future.'),
      });
  });
  input.workExperience.forEach((w, i) => {
    if (w.kldbCode !== null && !isKnownBerufsgattung(w.kldbCode))
      problems.push(unknownKldb(`workExperience.${i}.kldbCode`, w.kldbCode));
  });
  problems.push(...yearProblems(input.education, 'education', currentYear));
  problems.push(...yearProblems(input.workExperience, 'workExperience', currentYear));
  input.recognitions.forEach((r, i) => {
    if (r.appliedOn && daysBetween(today, r.appliedOn) > 0)
      problems.push({
        path: `recognitions.${i}.appliedOn`,
        message: fieldMessage('Der Antrag kann nicht in der Zukunft gestellt sein.', 'The application date lies in the future.'),
      });
    if (r.appliedOn && r.decidedOn && daysBetween(r.appliedOn, r.decidedOn) < 0)
      problems.push({
        path: `recognitions.${i}.decidedOn`,
        message: fieldMessage('Die Entscheidung liegt vor dem Antrag.', 'The decision lies before the application.'),
      });
    if (r.outcome !== 'pending' && r.decidedOn === null)
      problems.push({
        path: `recognitions.${i}.decidedOn`,
        message: fieldMessage(
          'Bitte das Datum der Entscheidung angeben (oder das Ergebnis „offen“ wählen).',
          'Please give the date of the decision (or choose the outcome “pending”).',
        ),
      });
  });
  if (input.profiledOn && daysBetween(today, input.profiledOn) > 0)
    problems.push({
      path: 'profiledOn',
      message: fieldMessage('Das Datum der Profilerstellung liegt in der Zukunft.', 'The profiling date lies in the future.'),
    });
  return problems;
}

/** JSON with object keys sorted: jsonb does not keep the key order, so compare canonically. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

const dedupe = <T>(list: readonly T[]) => [...new Set(list)];

/** GET: the profile (or null), whether the caller may edit it and sees the health constraint. */
export async function getProfile(
  db: Db,
  actor: Actor | null,
  personId: string,
  ctx: AuditContext,
): Promise<Versioned<ProfileResponse> & { exists: boolean }> {
  const a = await check(db, actor, 'profile.read');
  await check(db, a, 'person.read', [personId]);
  const access = await assertPersonCategory(db, a, personId, CATEGORY, ctx.now);
  const healthVisible = access.categories.has('health');
  const record = await findProfileOfPerson(db, personId);
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'profile.viewed',
      subjectType: 'person',
      subjectId: personId,
      details: { exists: record !== undefined, version: record?.profile.version ?? null },
    });
  });
  const canEdit = permissionsOf(a.roles).has('profile.write');
  return {
    value: { profile: record ? presentProfile(record, healthVisible) : null, canEdit, healthVisible },
    etag: record ? etagOf(record.profile.version) : '',
    exists: record !== undefined,
  };
}

function stale(current: ProfileRow | undefined): AppError {
  return new AppError('PRECONDITION_FAILED', {
    fieldErrors: [
      {
        path: 'version',
        message: fieldMessage(
          `Das Profil wurde inzwischen geändert${current ? ` (jetzt Stand ${current.version})` : ''}. Ihre Änderung wurde nicht übernommen: Bitte laden Sie das Profil neu und prüfen Sie sie.`,
          `The profile was changed in the meantime${current ? ` (now version ${current.version})` : ''}. Your change was not applied: please reload the profile and check it.`,
        ),
      },
    ],
  });
}

const comparedFields = [
  'profiledOn',
  'education',
  'qualifications',
  'recognitions',
  'workExperience',
  'skills',
  'germanLevels',
  'motherTongues',
  'otherLanguages',
  'drivingLicences',
  'interests',
  'wishes',
  'ownGoals',
  'constraints',
] as const;

/**
 * PUT: creates the profile (no If-Match needed) or replaces it (If-Match required). The German
 * overall level is computed; the health constraint is kept as stored when the actor does not see
 * the category health.
 */
export async function putProfile(
  db: Db,
  actor: Actor | null,
  personId: string,
  ifMatch: string | undefined,
  input: ProfilePutRequest,
  ctx: AuditContext,
): Promise<Versioned<ProfileResponse> & { created: boolean }> {
  const a = await check(db, actor, 'profile.write');
  await check(db, a, 'person.read', [personId]);
  const access = await assertPersonCategory(db, a, personId, CATEGORY, ctx.now);
  const healthVisible = access.categories.has('health');
  const today = todayIn(ctx.now);
  const problems = profileProblems(input, today);
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: problems });

  const existing = await findProfileOfPerson(db, personId);
  const expected = existing ? ifMatchVersion(ifMatch, true) : null;
  if (existing && existing.profile.version !== expected) throw stale(existing.profile);

  const storedHealth = (existing?.profile.constraints as { healthConstraint?: boolean | null } | undefined)
    ?.healthConstraint;
  const values = {
    agencyId: existing?.profile.agencyId ?? a.agencyId,
    profiledOn: input.profiledOn ?? existing?.profile.profiledOn ?? today,
    education: input.education,
    qualifications: input.qualifications,
    recognitions: input.recognitions,
    workExperience: input.workExperience,
    skills: dedupe(input.skills),
    germanLevels: input.germanLevels,
    germanOverall: germanOverall(input.germanLevels),
    motherTongues: dedupe(input.motherTongues),
    otherLanguages: input.otherLanguages,
    drivingLicences: dedupe(input.drivingLicences),
    interests: input.interests || null,
    wishes: input.wishes || null,
    ownGoals: input.ownGoals || null,
    constraints: {
      ...input.constraints,
      healthConstraint: healthVisible ? input.constraints.healthConstraint : (storedHealth ?? null),
    },
    updatedAt: ctx.now,
    updatedBy: a.userId,
  } satisfies Partial<ProfileValues>;

  await db.transaction(async (tx) => {
    if (!existing) {
      const row = await insertProfile(tx, personId, { ...values, createdAt: ctx.now, createdBy: a.userId });
      await recordAudit(tx, ctx, {
        type: 'profile.created',
        subjectType: 'person',
        subjectId: personId,
        details: { profileId: row.id, version: row.version },
      });
      return;
    }
    const before = existing.profile as unknown as Record<string, unknown>;
    const after = values as unknown as Record<string, unknown>;
    const fields = comparedFields.filter((f) => canonical(before[f]) !== canonical(after[f]));
    const row = await replaceProfileIfVersion(tx, personId, expected!, values);
    if (!row) throw stale((await findProfileOfPerson(tx, personId))?.profile);
    await recordAudit(tx, ctx, {
      type: 'profile.replaced',
      subjectType: 'person',
      subjectId: personId,
      details: { profileId: row.id, fields: [...fields], version: row.version },
    });
  });
  const record = (await findProfileOfPerson(db, personId))!;
  const canEdit = true;
  return {
    value: { profile: presentProfile(record, healthVisible), canEdit, healthVisible },
    etag: etagOf(record.profile.version),
    created: !existing,
  };
}
