import type {
  DistrictDetail,
  DistrictStaffMember,
  DistrictSummary,
  DistrictUpdateRequest,
  OutlineImportRequest,
  OutlineImportResult,
} from '../../../shared/contracts/districts';
import { todayIn } from '../../../shared/domain/calendar-date';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage } from '../../platform/errors/app-error';
import { etagOf, ifMatchVersion, type Versioned } from '../../platform/http/etag';
import { matchOutlines } from './districts-outlines';
import {
  presentDistrictDetail,
  presentDistrictSummary,
  presentStaffMember,
  type DistrictFigures,
} from './districts.presenter';
import {
  clientCounts,
  deleteStaff,
  findDistrict,
  findUser,
  insertStaff,
  lastExplorations,
  listDistricts,
  resourceCounts,
  setOutline,
  staffCounts,
  staffOf,
  updateDistrictIfVersion,
  type DistrictRow,
} from './districts.repository';

const isSystemAdmin = (a: Actor) => a.roles.includes('system_admin');

/** The figures of every district: staff, clients (current residence), resources, last exploration. */
export async function districtFigures(db: Db, now: Date): Promise<(districtId: string) => DistrictFigures> {
  const [staff, clients, resources, explored] = await Promise.all([
    staffCounts(db),
    clientCounts(db, todayIn(now)),
    resourceCounts(db),
    lastExplorations(db),
  ]);
  return (id) => ({
    staffCount: staff.get(id) ?? 0,
    clients: clients.get(id) ?? 0,
    resourceCount: resources.get(id) ?? 0,
    lastExploredOn: explored.get(id) ?? null,
  });
}

/** Every district with aggregated figures; client counts of 1–4 are suppressed, never a name. */
export async function getDistricts(db: Db, actor: Actor | null, now: Date): Promise<DistrictSummary[]> {
  await check(db, actor, 'social_space.read');
  const [rows, figures] = await Promise.all([listDistricts(db), districtFigures(db, now)]);
  return rows.map((row) => presentDistrictSummary(row, figures(row.id)));
}

async function districtOr404(db: Db, id: string): Promise<DistrictRow> {
  const row = await findDistrict(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function detail(db: Db, row: DistrictRow, now: Date): Promise<Versioned<DistrictDetail>> {
  const figures = await districtFigures(db, now);
  const staff = (await staffOf(db, row.id)).map(presentStaffMember);
  return { value: presentDistrictDetail(row, figures(row.id), staff), etag: etagOf(row.version) };
}

export async function getDistrict(
  db: Db,
  actor: Actor | null,
  id: string,
  now: Date,
): Promise<Versioned<DistrictDetail>> {
  await check(db, actor, 'social_space.read');
  return detail(db, await districtOr404(db, id), now);
}

export async function getDistrictStaff(db: Db, actor: Actor | null, id: string): Promise<DistrictStaffMember[]> {
  await check(db, actor, 'social_space.read');
  await districtOr404(db, id);
  return (await staffOf(db, id)).map(presentStaffMember);
}

/**
 * Cadence and population are municipality-wide settings: only the system administrator changes
 * them (team leads and agency administrators manage staff only).
 */
export async function changeDistrict(
  db: Db,
  actor: Actor | null,
  id: string,
  ifMatch: string | undefined,
  input: DistrictUpdateRequest,
  ctx: AuditContext,
): Promise<Versioned<DistrictDetail>> {
  const a = await check(db, actor, 'district.manage');
  if (!isSystemAdmin(a)) {
    throw new AppError('FORBIDDEN', {
      fieldErrors: [
        {
          path: 'explorationCadenceDays',
          message: fieldMessage(
            'Turnus und Einwohnerzahl gelten für die ganze Stadt; ändern kann sie nur die Systemadministration.',
            'The cadence and the population apply to the whole city; only the system administrator can change them.',
          ),
        },
      ],
    });
  }
  const expected = ifMatchVersion(ifMatch, true);
  const current = await districtOr404(db, id);
  const fields = (Object.keys(input) as (keyof DistrictUpdateRequest)[]).filter((k) => input[k] !== undefined);
  if (fields.length === 0) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [
        { path: 'explorationCadenceDays', message: fieldMessage('Es wurde nichts geändert.', 'Nothing was changed.') },
      ],
    });
  }
  const population = input.population !== undefined ? input.population : current.population;
  const populationAsOf = input.populationAsOf !== undefined ? input.populationAsOf : current.populationAsOf;
  if (population !== null && populationAsOf === null) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [
        {
          path: 'populationAsOf',
          message: fieldMessage(
            'Bitte geben Sie den Stichtag der Einwohnerzahl an.',
            'Please give the reference date of the population.',
          ),
        },
      ],
    });
  }
  if (current.version !== expected) throw new AppError('PRECONDITION_FAILED');
  await db.transaction(async (tx) => {
    const done = await updateDistrictIfVersion(tx, id, expected, {
      ...(input.explorationCadenceDays !== undefined ? { explorationCadenceDays: input.explorationCadenceDays } : {}),
      ...(input.population !== undefined ? { population: input.population } : {}),
      ...(input.populationAsOf !== undefined ? { populationAsOf: input.populationAsOf } : {}),
    });
    if (!done) throw new AppError('PRECONDITION_FAILED');
    await recordAudit(tx, ctx, {
      type: 'district.updated',
      subjectType: 'district',
      subjectId: id,
      details: { fields },
    });
  });
  return detail(db, await districtOr404(db, id), ctx.now);
}

/**
 * The colleague to assign or remove: team leads and agency administrators reach the staff of
 * their own agency only (another agency's user is "not found"); the system administrator anyone.
 */
async function colleagueInReach(db: Db, a: Actor, userId: string) {
  const user = await findUser(db, userId);
  if (!user || (!isSystemAdmin(a) && user.agencyId !== a.agencyId)) throw new AppError('NOT_FOUND');
  return user;
}

export async function assignStaff(
  db: Db,
  actor: Actor | null,
  districtId: string,
  userId: string,
  ctx: AuditContext,
): Promise<DistrictStaffMember[]> {
  const a = await check(db, actor, 'district.manage');
  await districtOr404(db, districtId);
  const user = await colleagueInReach(db, a, userId);
  if (!user.active || !user.roles.some((r) => r === 'caseworker' || r === 'team_lead')) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [
        {
          path: 'userId',
          message: fieldMessage(
            'Zuordnen lassen sich nur aktive Fachkräfte (Sachbearbeitung oder Teamleitung).',
            'Only active caseworkers and team leads can be assigned.',
          ),
        },
      ],
    });
  }
  await db.transaction(async (tx) => {
    if (await insertStaff(tx, districtId, userId, a.userId, ctx.now)) {
      await recordAudit(tx, ctx, {
        type: 'district.staff_assigned',
        subjectType: 'district',
        subjectId: districtId,
        details: { userId, agencyId: user.agencyId },
      });
    }
  });
  return (await staffOf(db, districtId)).map(presentStaffMember);
}

export async function removeStaff(
  db: Db,
  actor: Actor | null,
  districtId: string,
  userId: string,
  ctx: AuditContext,
): Promise<DistrictStaffMember[]> {
  const a = await check(db, actor, 'district.manage');
  await districtOr404(db, districtId);
  const user = await colleagueInReach(db, a, userId);
  await db.transaction(async (tx) => {
    if (!(await deleteStaff(tx, districtId, userId))) throw new AppError('NOT_FOUND');
    await recordAudit(tx, ctx, {
      type: 'district.staff_removed',
      subjectType: 'district',
      subjectId: districtId,
      details: { userId, agencyId: user.agencyId },
    });
  });
  return (await staffOf(db, districtId)).map(presentStaffMember);
}

/**
 * Imports official outlines (system administrator): every feature must name a district and carry
 * a valid geometry, else nothing is written. `dryRun` checks and answers without writing.
 */
export async function importOutlines(
  db: Db,
  actor: Actor | null,
  input: OutlineImportRequest,
  dryRun: boolean,
  ctx: AuditContext,
): Promise<OutlineImportResult> {
  const a = await check(db, actor, 'district.manage');
  if (!isSystemAdmin(a)) {
    throw new AppError('FORBIDDEN', {
      fieldErrors: [
        {
          path: 'features',
          message: fieldMessage(
            'Die Umrisse der Stadtteile importiert nur die Systemadministration.',
            'Only the system administrator imports district outlines.',
          ),
        },
      ],
    });
  }
  const all = await listDistricts(db);
  const { matched, errors } = matchOutlines(input, all);
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', { fieldErrors: errors });
  if (!dryRun) {
    await db.transaction(async (tx) => {
      for (const m of matched) await setOutline(tx, m.district.id, m.geometry);
      await recordAudit(tx, ctx, {
        type: 'district.outlines_imported',
        subjectType: 'district',
        details: { districts: matched.map((m) => m.district.id) },
      });
    });
  }
  const covered = new Set(matched.map((m) => m.district.id));
  return {
    dryRun,
    matched: matched.length,
    updated: dryRun ? 0 : matched.length,
    districtsWithoutOutline: all.filter((d) => d.geometry === null && !covered.has(d.id)).map((d) => d.name),
    items: matched.map((m) => ({ districtId: m.district.id, name: m.district.name, geometryType: m.geometry.type })),
  };
}
