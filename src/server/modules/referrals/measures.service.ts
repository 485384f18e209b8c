import { inArray } from 'drizzle-orm';
import type {
  Measure,
  MeasureCreateRequest,
  MeasureList,
  MeasureListQuery,
  MeasureMatches,
  MeasureUpdateRequest,
} from '../../../shared/contracts/measures';
import { todayIn } from '../../../shared/domain/calendar-date';
import { checkCriterion, type Criterion, type CriterionOutcome } from '../../../shared/domain/referrals/criteria';
import type { Db } from '../../db/client';
import { referralCriteria } from '../../db/schema';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { assertPersonCategory } from '../../platform/access/person-access';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage, type FieldError } from '../../platform/errors/app-error';
import { etagOf, ifMatchVersion, type Versioned } from '../../platform/http/etag';
import { criteriaFactsFor } from './criteria-facts';
import { mayManageMeasure, presentMeasure, storedCriteria } from './measures.presenter';
import {
  activeMeasureRecords,
  districtExists,
  findMeasureRecord,
  insertMeasure,
  listMeasureRecords,
  lockMeasure,
  updateMeasureIfVersion,
  type MeasureRow,
  type MeasureValues,
} from './measures.repository';

/**
 * The measures catalogue: read by everybody with `measure.read`, kept by team leads and agency
 * administrators for the measures their own agency receives. The catalogue itself holds no
 * social data; its writes are audited, and the check of a person against it ("which measures
 * fit?") is a read of the person's employment profile and audited as such.
 */

const forbiddenMeasure = () =>
  new AppError('FORBIDDEN', {
    fieldErrors: [
      {
        path: 'agencyId',
        message: fieldMessage(
          'Maßnahmen pflegt nur die aufnehmende Stelle selbst (Teamleitung oder Administration der Stelle).',
          'Only the receiving agency itself (its team lead or administrator) keeps a measure.',
        ),
      },
    ],
  });

function staleMeasure(current: MeasureRow): AppError {
  return new AppError('PRECONDITION_FAILED', {
    fieldErrors: [
      {
        path: 'version',
        message: fieldMessage(
          `Die Maßnahme wurde inzwischen geändert (jetzt Version ${current.version}). Ihre Änderung wurde nicht übernommen: Bitte laden Sie die Maßnahme neu und prüfen Sie sie.`,
          `The measure was changed in the meantime (now version ${current.version}). Your change was not applied: please reload the measure and check it.`,
        ),
      },
    ],
  });
}

/** Dates in order and an existing district; the contract checks the form of each field. */
async function measureProblems(
  db: Db,
  values: { startsOn: string | null; endsOn: string | null; districtId: string | null },
): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  if (values.startsOn && values.endsOn && values.endsOn < values.startsOn)
    problems.push({
      path: 'endsOn',
      message: fieldMessage(
        'Das Ende darf nicht vor dem Beginn liegen.',
        'The end must not lie before the start.',
      ),
    });
  if (values.districtId && !(await districtExists(db, values.districtId)))
    problems.push({
      path: 'districtId',
      message: fieldMessage('Diesen Stadtteil gibt es nicht.', 'This district does not exist.'),
    });
  return problems;
}

async function loaded(db: Db, actor: Actor, id: string): Promise<Versioned<Measure>> {
  const record = await findMeasureRecord(db, id);
  if (!record) throw new AppError('NOT_FOUND');
  return { value: presentMeasure(record, actor), etag: etagOf(record.measure.version) };
}

export async function listMeasures(db: Db, actor: Actor | null, query: MeasureListQuery): Promise<MeasureList> {
  const a = await check(db, actor, 'measure.read');
  const { rows, total } = await listMeasureRecords(
    db,
    { q: query.q || undefined, kind: query.kind, agencyId: query.agencyId, active: query.active, hasPlaces: query.hasPlaces },
    query.sort,
    query.dir,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return {
    items: rows.map((r) => presentMeasure(r, a)),
    page: { page: query.page, pageSize: query.pageSize, total },
  };
}

export async function getMeasure(db: Db, actor: Actor | null, id: string): Promise<Versioned<Measure>> {
  const a = await check(db, actor, 'measure.read');
  return loaded(db, a, id);
}

export async function createMeasure(
  db: Db,
  actor: Actor | null,
  input: MeasureCreateRequest,
  ctx: AuditContext,
): Promise<Versioned<Measure>> {
  const a = await check(db, actor, 'measure.manage');
  const problems = await measureProblems(db, input);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { fieldErrors: problems });
  const row = await db.transaction(async (tx) => {
    const inserted = await insertMeasure(tx, {
      kind: input.kind,
      title: input.title,
      description: input.description || null,
      provider: input.provider,
      agencyId: a.agencyId,
      places: input.places,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      location: input.location || null,
      districtId: input.districtId,
      criteria: input.criteria,
      active: true,
      createdAt: ctx.now,
      createdBy: a.userId,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      type: 'measure.created',
      subjectType: 'measure',
      subjectId: inserted.id,
      details: { agencyId: a.agencyId, kind: input.kind, criteria: input.criteria.length },
    });
    return inserted;
  });
  return loaded(db, a, row.id);
}

export async function updateMeasure(
  db: Db,
  actor: Actor | null,
  id: string,
  ifMatch: string | undefined,
  input: MeasureUpdateRequest,
  ctx: AuditContext,
): Promise<Versioned<Measure>> {
  const a = await check(db, actor, 'measure.manage');
  const version = ifMatchVersion(ifMatch, true);
  await db.transaction(async (tx) => {
    const current = await lockMeasure(tx, id);
    if (!current) throw new AppError('NOT_FOUND');
    if (!mayManageMeasure(a, current.agencyId)) throw forbiddenMeasure();
    if (current.version !== version) throw staleMeasure(current);
    const merged = {
      startsOn: input.startsOn !== undefined ? input.startsOn : current.startsOn,
      endsOn: input.endsOn !== undefined ? input.endsOn : current.endsOn,
      districtId: input.districtId !== undefined ? input.districtId : current.districtId,
    };
    const problems = await measureProblems(tx, merged);
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { fieldErrors: problems });
    const values: Partial<MeasureValues> = {};
    if (input.kind !== undefined) values.kind = input.kind;
    if (input.title !== undefined) values.title = input.title;
    if (input.description !== undefined) values.description = input.description || null;
    if (input.provider !== undefined) values.provider = input.provider;
    if (input.places !== undefined) values.places = input.places;
    if (input.startsOn !== undefined) values.startsOn = input.startsOn;
    if (input.endsOn !== undefined) values.endsOn = input.endsOn;
    if (input.location !== undefined) values.location = input.location || null;
    if (input.districtId !== undefined) values.districtId = input.districtId;
    if (input.criteria !== undefined) values.criteria = input.criteria;
    if (input.active !== undefined) values.active = input.active;
    const fields = Object.keys(values).sort();
    if (fields.length === 0)
      throw new AppError('VALIDATION_FAILED', {
        fieldErrors: [{ path: '', message: fieldMessage('Es wurde nichts geändert.', 'Nothing was changed.') }],
      });
    const updated = await updateMeasureIfVersion(tx, id, version, { ...values, updatedAt: ctx.now });
    if (!updated) throw staleMeasure(current);
    await recordAudit(tx, ctx, {
      type: 'measure.updated',
      subjectType: 'measure',
      subjectId: id,
      details: { fields, version: updated.version, active: updated.active },
    });
  });
  return loaded(db, a, id);
}

function overall(outcomes: readonly CriterionOutcome[]): CriterionOutcome {
  if (outcomes.includes('not_met')) return 'not_met';
  if (outcomes.includes('unknown')) return 'unknown';
  return 'met';
}

const outcomeOrder: Record<CriterionOutcome, number> = { met: 0, unknown: 1, not_met: 2 };

/**
 * "Which measures fit?": every active measure, checked against the receiving agency's acceptance
 * criteria and the measure's own eligibility criteria on today's facts of the person — fitting
 * ones first, then those with unknown facts, then the rest, each with the reasons.
 */
export async function measureMatches(
  db: Db,
  actor: Actor | null,
  personId: string,
  ctx: AuditContext,
): Promise<MeasureMatches> {
  const a = await check(db, actor, 'profile.read');
  await check(db, a, 'person.read', [personId]);
  await assertPersonCategory(db, a, personId, 'employment_profile', ctx.now);
  const today = todayIn(ctx.now);
  const [factsByPerson, records] = await Promise.all([
    criteriaFactsFor(db, [personId], today),
    activeMeasureRecords(db),
  ]);
  const facts = factsByPerson.get(personId);
  if (!facts) throw new AppError('NOT_FOUND');
  const agencyIds = [...new Set(records.map((r) => r.measure.agencyId))];
  const agencyRows =
    agencyIds.length === 0
      ? []
      : await db
          .select({ agencyId: referralCriteria.agencyId, criteria: referralCriteria.criteria })
          .from(referralCriteria)
          .where(inArray(referralCriteria.agencyId, agencyIds));
  const agencyCriteria = new Map<string, Criterion[]>(agencyRows.map((r) => [r.agencyId, storedCriteria(r.criteria)]));

  const items = records.map((record) => {
    const results = [
      ...(agencyCriteria.get(record.measure.agencyId) ?? []).map((c) => ({ c, source: 'agency' as const })),
      ...storedCriteria(record.measure.criteria).map((c) => ({ c, source: 'measure' as const })),
    ].map(({ c, source }) => {
      const r = checkCriterion(c, facts);
      return { criterion: r.criterion, source, outcome: r.outcome, explanation: r.explanation };
    });
    return {
      measure: presentMeasure(record, a),
      outcome: overall(results.map((r) => r.outcome)),
      results,
    };
  });
  items.sort(
    (x, y) => outcomeOrder[x.outcome] - outcomeOrder[y.outcome] || x.measure.title.localeCompare(y.measure.title, 'de'),
  );
  const counts = {
    met: items.filter((i) => i.outcome === 'met').length,
    unknown: items.filter((i) => i.outcome === 'unknown').length,
    notMet: items.filter((i) => i.outcome === 'not_met').length,
  };
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'measure.matches_viewed',
      subjectType: 'person',
      subjectId: personId,
      details: { measures: items.length, ...counts },
    });
  });
  return { checkedOn: today, hasProfile: facts.hasQualification !== null, items, counts };
}
