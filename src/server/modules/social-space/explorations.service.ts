import { eq } from 'drizzle-orm';
import { ZodError, type z } from 'zod';
import type {
  ExplorationCreateRequest,
  ExplorationDetail,
  ExplorationList,
  explorationListQuerySchema,
  ExplorationOverview,
  ExplorationUpdateRequest,
  ExplorationFollowUp,
  FollowUpList,
  followUpListQuerySchema,
  FollowUpUpdateRequest,
} from '../../../shared/contracts/explorations';
import { explorationCreateRequestSchema, explorationUpdateRequestSchema } from '../../../shared/contracts/explorations';
import { todayIn } from '../../../shared/domain/calendar-date';
import { explorationDue, yearBefore } from '../../../shared/domain/social-space/exploration-cadence';
import type { Db } from '../../db/client';
import {
  explorationAddresses,
  explorationFollowUps,
  explorationResources,
  explorations,
  type ExplorationParticipant,
  type ExplorationStakeholder,
} from '../../db/schema';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage, type FieldError } from '../../platform/errors/app-error';
import { etagOf, ifMatchVersion, type Versioned } from '../../platform/http/etag';
import { normaliseAddressKey, recordAddressCheck, registerAddress } from './address-register';
import { presentExplorationDetail, presentExplorationSummary, presentFollowUp } from './explorations.presenter';
import {
  activeUsers,
  addressesOfExploration,
  districtExplorationStats,
  existingIds,
  findExploration,
  findFollowUp,
  listExplorations,
  listFollowUps,
  lockExploration,
  lockFollowUp,
  resourcesOfExploration,
  serviceNames,
} from './explorations.repository';
import { createResourceInTx, markResourceVerifiedInTx } from './resources.service';

const CASE_WORK_ROLES = ['caseworker', 'team_lead'];

const msg = (path: string, de: string, en: string): FieldError => ({ path, message: fieldMessage(de, en) });
const invalid = (fieldErrors: FieldError[]) => new AppError('VALIDATION_FAILED', { fieldErrors });

type ParticipantInput = { userId: string | null; name: string | null; organisation: string | null };
type StakeholderInput = { name: string; role: string | null; organisation: string | null; serviceId: string | null };

/** Colleagues by id (name and agency from the staff directory), others by name. */
async function resolveParticipants(
  db: Db,
  input: readonly ParticipantInput[],
  problems: FieldError[],
): Promise<ExplorationParticipant[]> {
  const colleagues = await activeUsers(
    db,
    input.flatMap((p) => (p.userId ? [p.userId] : [])),
  );
  const seen = new Set<string>();
  return input.flatMap((p, i): ExplorationParticipant[] => {
    if (p.userId) {
      const user = colleagues.get(p.userId);
      if (!user) {
        problems.push(
          msg(
            `participants.${i}.userId`,
            'Diese Kollegin oder dieser Kollege ist nicht (mehr) aktiv.',
            'This colleague is not (or no longer) active.',
          ),
        );
        return [];
      }
      if (seen.has(p.userId)) {
        problems.push(
          msg(`participants.${i}.userId`, 'Diese Person steht schon in der Liste.', 'This person is already listed.'),
        );
        return [];
      }
      seen.add(p.userId);
      return [{ userId: p.userId, name: user.displayName, organisation: user.agencyName }];
    }
    const name = p.name?.trim() ?? '';
    if (!name) {
      problems.push(
        msg(
          `participants.${i}.name`,
          'Bitte einen Namen angeben oder eine Kollegin bzw. einen Kollegen auswählen.',
          'Please give a name or choose a colleague.',
        ),
      );
      return [];
    }
    return [{ userId: null, name, organisation: p.organisation?.trim() || null }];
  });
}

async function resolveStakeholders(
  db: Db,
  input: readonly StakeholderInput[],
  problems: FieldError[],
): Promise<ExplorationStakeholder[]> {
  const names = await serviceNames(
    db,
    input.flatMap((s) => (s.serviceId ? [s.serviceId] : [])),
  );
  input.forEach((s, i) => {
    if (s.serviceId && !names.has(s.serviceId))
      problems.push(
        msg(
          `stakeholders.${i}.serviceId`,
          'Dieses Angebot gibt es im Verzeichnis nicht.',
          'This resource is not in the directory.',
        ),
      );
  });
  return input.map((s) => ({
    name: s.name,
    role: s.role || null,
    organisation: s.organisation || null,
    serviceId: s.serviceId,
  }));
}

const blankToNull = (s: string | null | undefined) => (s === undefined ? undefined : s === null || s === '' ? null : s);

// ---------------------------------------------------------------------------------------------
// Create

/**
 * Records an exploration with everything it found, in one transaction: new resources go to the
 * directory, confirmed ones are marked verified, checked addresses get their facts (source
 * exploration) and follow-ups become tasks of their agencies. Any bad item → 400 naming its path
 * (`addresses.0.addressId`), and nothing is written.
 */
export async function createExploration(
  db: Db,
  actor: Actor | null,
  body: ExplorationCreateRequest,
  ctx: AuditContext,
): Promise<Versioned<ExplorationDetail>> {
  const a = await check(db, actor, 'exploration.write');
  const input = explorationCreateRequestSchema.parse(body);
  const today = todayIn(ctx.now);
  const problems: FieldError[] = [];

  if (input.exploredOn > today)
    problems.push(
      msg('exploredOn', 'Eine Erkundung kann nicht in der Zukunft liegen.', 'An exploration cannot lie in the future.'),
    );
  if (!(await existingIds(db, 'districts', [input.districtId])).has(input.districtId))
    problems.push(msg('districtId', 'Bitte einen Stadtteil auswählen.', 'Please choose a district.'));
  const participants = await resolveParticipants(db, input.participants, problems);
  const stakeholders = await resolveStakeholders(db, input.stakeholders, problems);

  const updatedNames = await serviceNames(
    db,
    input.resourcesUpdated.map((r) => r.serviceId),
  );
  const seenServices = new Set<string>();
  input.resourcesUpdated.forEach((r, i) => {
    if (!updatedNames.has(r.serviceId))
      problems.push(
        msg(
          `resourcesUpdated.${i}.serviceId`,
          'Dieses Angebot gibt es im Verzeichnis nicht.',
          'This resource is not in the directory.',
        ),
      );
    else if (seenServices.has(r.serviceId))
      problems.push(
        msg(
          `resourcesUpdated.${i}.serviceId`,
          'Dieses Angebot steht schon in der Liste.',
          'This resource is already listed.',
        ),
      );
    seenServices.add(r.serviceId);
  });

  const knownAddresses = await existingIds(
    db,
    'addresses',
    input.addresses.flatMap((x) => (x.addressId ? [x.addressId] : [])),
  );
  const seenAddresses = new Set<string>();
  input.addresses.forEach((x, i) => {
    if ((x.addressId === null) === (x.address === null)) {
      problems.push(
        msg(
          `addresses.${i}.address.street`,
          'Bitte die Anschrift angeben (Straße, Hausnummer, Postleitzahl).',
          'Please give the address (street, house number, postal code).',
        ),
      );
      return;
    }
    if (x.addressId && !knownAddresses.has(x.addressId)) {
      problems.push(
        msg(
          `addresses.${i}.addressId`,
          'Diese Anschrift gibt es im Adressregister nicht.',
          'This address is not in the address register.',
        ),
      );
      return;
    }
    const key = x.addressId ?? normaliseAddressKey(x.address!);
    if (seenAddresses.has(key))
      problems.push(
        msg(
          `addresses.${i}.address.street`,
          'Diese Anschrift steht schon in der Liste.',
          'This address is already listed.',
        ),
      );
    seenAddresses.add(key);
  });

  const agencies = await existingIds(
    db,
    'agencies',
    input.followUps.map((f) => f.assigneeAgencyId),
  );
  const assignees = await activeUsers(
    db,
    input.followUps.flatMap((f) => (f.assigneeUserId ? [f.assigneeUserId] : [])),
  );
  input.followUps.forEach((f, i) => {
    if (!agencies.has(f.assigneeAgencyId))
      problems.push(msg(`followUps.${i}.assigneeAgencyId`, 'Bitte eine Stelle auswählen.', 'Please choose an agency.'));
    else if (f.assigneeUserId) {
      const u = assignees.get(f.assigneeUserId);
      if (!u || u.agencyId !== f.assigneeAgencyId || !u.roles.some((r) => CASE_WORK_ROLES.includes(r)))
        problems.push(
          msg(
            `followUps.${i}.assigneeUserId`,
            'Die benannte Person muss eine aktive Fachkraft oder Teamleitung der gewählten Stelle sein.',
            'The named colleague must be an active caseworker or team lead of the chosen agency.',
          ),
        );
    }
  });
  if (problems.length) throw invalid(problems);

  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(explorations)
      .values({
        districtId: input.districtId,
        exploredOn: input.exploredOn,
        agencyId: a.agencyId,
        participants,
        route: blankToNull(input.route) ?? null,
        findings: blankToNull(input.findings) ?? null,
        stakeholders,
        createdBy: a.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: explorations.id });
    const explorationId = row!.id;

    // The directory validates its own input; its field errors are named below this item.
    const nested: FieldError[] = [];
    for (const [i, resource] of input.resourcesDiscovered.entries()) {
      try {
        const { id: serviceId } = await createResourceInTx(tx, ctx, resource);
        await tx.insert(explorationResources).values({ explorationId, serviceId, change: 'discovered', note: null });
      } catch (e) {
        if (e instanceof ZodError) {
          for (const issue of e.issues)
            nested.push({
              path: `resourcesDiscovered.${i}.${issue.path.join('.')}`,
              message: fieldMessage(issue.message, issue.message),
            });
          continue;
        }
        if (!(e instanceof AppError) || e.code !== 'VALIDATION_FAILED') throw e;
        for (const fe of e.options.fieldErrors ?? [])
          nested.push({ ...fe, path: `resourcesDiscovered.${i}.${fe.path}` });
      }
    }
    if (nested.length) throw invalid(nested);

    for (const r of input.resourcesUpdated) {
      await markResourceVerifiedInTx(tx, ctx, r.serviceId, r.note);
      await tx
        .insert(explorationResources)
        .values({ explorationId, serviceId: r.serviceId, change: 'updated', note: r.note || null });
    }

    for (const x of input.addresses) {
      const addressId = x.addressId ?? (await registerAddress(tx, x.address!));
      const { checkId } = await recordAddressCheck(tx, ctx, {
        addressId,
        facts: x.facts,
        source: 'exploration',
        sourceId: explorationId,
        note: x.note || null,
        point: x.point ?? undefined,
      });
      await tx.insert(explorationAddresses).values({ explorationId, addressId, checkId });
    }

    if (input.followUps.length)
      await tx.insert(explorationFollowUps).values(
        input.followUps.map((f) => ({
          explorationId,
          title: f.title,
          description: f.description || null,
          assigneeAgencyId: f.assigneeAgencyId,
          assigneeUserId: f.assigneeUserId,
          dueDate: f.dueDate,
          createdAt: ctx.now,
        })),
      );

    await recordAudit(tx, ctx, {
      type: 'exploration.created',
      subjectType: 'exploration',
      subjectId: explorationId,
      details: {
        districtId: input.districtId,
        exploredOn: input.exploredOn,
        resourcesDiscovered: input.resourcesDiscovered.length,
        resourcesUpdated: input.resourcesUpdated.length,
        addressesChecked: input.addresses.length,
        followUps: input.followUps.length,
      },
    });
    return explorationId;
  });
  const detail = await loadDetail(db, a, id, ctx.now);
  return { value: detail, etag: etagOf(detail.version) };
}

// ---------------------------------------------------------------------------------------------
// Reads

async function loadDetail(db: Db, actor: Actor, id: string, now: Date): Promise<ExplorationDetail> {
  const record = await findExploration(db, id);
  if (!record) throw new AppError('NOT_FOUND');
  const [resources, addressRows, followUps, names] = [
    await resourcesOfExploration(db, id),
    await addressesOfExploration(db, id),
    (await listFollowUps(db, { explorationId: id }, 200, 0)).rows,
    await serviceNames(
      db,
      record.exploration.stakeholders.flatMap((s) => (s.serviceId ? [s.serviceId] : [])),
    ),
  ];
  return presentExplorationDetail(
    record,
    { resources, addresses: addressRows, followUps, serviceNames: names },
    actor,
    now,
  );
}

export async function getExploration(
  db: Db,
  actor: Actor | null,
  id: string,
  ctx: AuditContext,
): Promise<Versioned<ExplorationDetail>> {
  const a = await check(db, actor, 'exploration.read');
  return db.transaction(async (tx) => {
    const detail = await loadDetail(tx, a, id, ctx.now);
    // The protocol names people met and the names on mailboxes of the addresses checked.
    await recordAudit(tx, ctx, {
      type: 'exploration.viewed',
      subjectType: 'exploration',
      subjectId: id,
      details: { addresses: detail.addresses.length },
    });
    return { value: detail, etag: etagOf(detail.version) };
  });
}

export async function listExplorationProtocols(
  db: Db,
  actor: Actor | null,
  query: z.output<typeof explorationListQuerySchema>,
): Promise<ExplorationList> {
  await check(db, actor, 'exploration.read');
  const { rows, total } = await listExplorations(
    db,
    { districtId: query.districtId, agencyId: query.agencyId, from: query.from, to: query.to },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return { items: rows.map(presentExplorationSummary), page: { page: query.page, pageSize: query.pageSize, total } };
}

/** Per district: last explored, explorations in the last 12 months, cadence, next due, overdue, open follow-ups. */
export async function explorationOverview(
  db: Db,
  actor: Actor | null,
  ctx: AuditContext,
): Promise<ExplorationOverview> {
  await check(db, actor, 'exploration.read');
  const today = todayIn(ctx.now);
  const rows = await districtExplorationStats(db, yearBefore(today));
  return {
    items: rows.map((r) => {
      const due = explorationDue(r.lastExploredOn, r.cadenceDays, today);
      return {
        district: { id: r.id, code: r.code, name: r.name },
        lastExploredOn: r.lastExploredOn,
        explorationsLast12Months: r.recent,
        cadenceDays: r.cadenceDays,
        nextDueOn: due.nextDueOn,
        overdue: due.overdue,
        openFollowUps: r.openFollowUps,
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Update

/** Changes the protocol (texts, participants, stakeholders); only the recording agency. */
export async function updateExploration(
  db: Db,
  actor: Actor | null,
  id: string,
  ifMatch: string | undefined,
  body: ExplorationUpdateRequest,
  ctx: AuditContext,
): Promise<Versioned<ExplorationDetail>> {
  const a = await check(db, actor, 'exploration.write');
  const expected = ifMatchVersion(ifMatch, true);
  const input = explorationUpdateRequestSchema.parse(body);
  await db.transaction(async (tx) => {
    const row = await lockExploration(tx, id);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.agencyId !== a.agencyId)
      throw new AppError('FORBIDDEN', {
        fieldErrors: [
          msg(
            'agencyId',
            'Das Protokoll ändert nur die Stelle, die es aufgenommen hat.',
            'Only the agency that recorded the protocol changes it.',
          ),
        ],
      });
    if (row.version !== expected)
      throw new AppError('PRECONDITION_FAILED', {
        fieldErrors: [
          msg(
            'version',
            `Das Protokoll wurde inzwischen geändert (jetzt Version ${row.version}). Bitte laden Sie es neu.`,
            `The protocol was changed in the meantime (now version ${row.version}). Please reload it.`,
          ),
        ],
      });
    const problems: FieldError[] = [];
    const participants = input.participants ? await resolveParticipants(tx, input.participants, problems) : undefined;
    const stakeholders = input.stakeholders ? await resolveStakeholders(tx, input.stakeholders, problems) : undefined;
    if (problems.length) throw invalid(problems);
    const values = {
      ...(input.route !== undefined ? { route: blankToNull(input.route) ?? null } : {}),
      ...(input.findings !== undefined ? { findings: blankToNull(input.findings) ?? null } : {}),
      ...(participants ? { participants } : {}),
      ...(stakeholders ? { stakeholders } : {}),
    };
    const fields = Object.keys(values);
    if (fields.length === 0) return;
    await tx
      .update(explorations)
      .set({ ...values, version: row.version + 1, updatedAt: ctx.now })
      .where(eq(explorations.id, id));
    await recordAudit(tx, ctx, {
      type: 'exploration.updated',
      subjectType: 'exploration',
      subjectId: id,
      details: { fields, version: row.version + 1 },
    });
  });
  const detail = await loadDetail(db, a, id, ctx.now);
  return { value: detail, etag: etagOf(detail.version) };
}

// ---------------------------------------------------------------------------------------------
// Follow-ups

export async function listExplorationFollowUps(
  db: Db,
  actor: Actor | null,
  query: z.output<typeof followUpListQuerySchema>,
  ctx: AuditContext,
): Promise<FollowUpList> {
  const a = await check(db, actor, 'exploration.read');
  const { rows, total } = await listFollowUps(
    db,
    query.scope === 'mine'
      ? { userId: a.userId, status: query.status }
      : { agencyId: a.agencyId, status: query.status },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return {
    items: rows.map((r) => presentFollowUp(r, a, ctx.now)),
    page: { page: query.page, pageSize: query.pageSize, total },
  };
}

/** Completes or reopens a follow-up (If-Match); only the assignee agency. */
export async function updateFollowUp(
  db: Db,
  actor: Actor | null,
  id: string,
  ifMatch: string | undefined,
  input: FollowUpUpdateRequest,
  ctx: AuditContext,
): Promise<Versioned<ExplorationFollowUp>> {
  const a = await check(db, actor, 'exploration.write');
  const expected = ifMatchVersion(ifMatch, true);
  await db.transaction(async (tx) => {
    const row = await lockFollowUp(tx, id);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.assigneeAgencyId !== a.agencyId)
      throw new AppError('FORBIDDEN', {
        fieldErrors: [
          msg(
            'assigneeAgencyId',
            'Diese Folgeaufgabe erledigt die Stelle, der sie zugewiesen ist.',
            'This follow-up is completed by the agency it is assigned to.',
          ),
        ],
      });
    if (row.version !== expected)
      throw new AppError('PRECONDITION_FAILED', {
        fieldErrors: [
          msg(
            'version',
            `Die Folgeaufgabe wurde inzwischen geändert (jetzt Version ${row.version}). Bitte laden Sie sie neu.`,
            `The follow-up was changed in the meantime (now version ${row.version}). Please reload it.`,
          ),
        ],
      });
    if (row.status === input.status) return;
    await tx
      .update(explorationFollowUps)
      .set({
        status: input.status,
        completedAt: input.status === 'done' ? ctx.now : null,
        completedBy: input.status === 'done' ? a.userId : null,
        version: row.version + 1,
      })
      .where(eq(explorationFollowUps.id, id));
    await recordAudit(tx, ctx, {
      type: 'exploration_follow_up.updated',
      subjectType: 'exploration',
      subjectId: row.explorationId,
      details: { followUpId: id, status: input.status, version: row.version + 1 },
    });
  });
  const record = await findFollowUp(db, id);
  if (!record) throw new AppError('NOT_FOUND');
  return { value: presentFollowUp(record, a, ctx.now), etag: etagOf(record.followUp.version) };
}
