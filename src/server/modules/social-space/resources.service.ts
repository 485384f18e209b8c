import { randomUUID } from 'node:crypto';
import {
  resourceInputSchema,
  type ResourceDetail,
  type ResourceImportResult,
  type ResourceInput,
  type ResourceInputParsed,
  type ResourceList,
  type ResourceListQuery,
  type TaxonomyTerm,
} from '../../../shared/contracts/resources';
import { resourceListQuerySchema } from '../../../shared/contracts/resources';
import { todayIn } from '../../../shared/domain/calendar-date';
import type { Db } from '../../db/client';
import type { ResourceContact, ResourceSchedule } from '../../db/schema';
import { check, hasPermission } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage, type FieldError } from '../../platform/errors/app-error';
import { etagOf, ifMatchVersion, type Versioned } from '../../platform/http/etag';
import { districtIdAt, registerAddress } from './address-register';
import { loadDirectory, organizationObjects } from './hsds-export';
import { runHsdsImport } from './hsds-import';
import { presentResourceDetail, presentResourceSummary, presentTaxonomyTerm } from './resources.presenter';
import {
  addressDistrictId,
  deleteLocation,
  deleteService,
  findOrganization,
  findService,
  insertLocation,
  insertOrganization,
  insertService,
  knownCategoryCodes,
  linkServiceLocation,
  listServices,
  locationsOfServices,
  openPlanCount,
  organizationRefs,
  planStepCount,
  servicesAtLocation,
  taxonomyTerms,
  unlinkServiceLocation,
  updateLocation,
  updateServiceIfVersion,
  userName,
  type ServiceRow,
} from './resources.repository';

// ---------------------------------------------------------------------------------------------
// Input checks that need the database

/** The rules across fields (the contract checks each field alone). */
export function resourceInputProblems(data: ResourceInputParsed): FieldError[] {
  const problems: FieldError[] = [];
  if ((data.organization.id === undefined) === (data.organization.name === undefined)) {
    problems.push({
      path: 'organization.name',
      message: fieldMessage(
        'Bitte wählen Sie einen vorhandenen Träger oder geben Sie den Namen eines neuen an.',
        'Please choose an existing organisation or enter the name of a new one.',
      ),
    });
  }
  data.schedules.forEach((s, i) => {
    if (s.opensAt >= s.closesAt) {
      problems.push({
        path: `schedules.${i}.closesAt`,
        message: fieldMessage('Das Ende muss nach dem Beginn liegen.', 'The end must be after the start.'),
      });
    }
  });
  if (data.minimumAge !== null && data.maximumAge !== null && data.minimumAge > data.maximumAge) {
    problems.push({
      path: 'maximumAge',
      message: fieldMessage(
        'Das Höchstalter darf nicht unter dem Mindestalter liegen.',
        'The maximum age must not be below the minimum age.',
      ),
    });
  }
  return problems;
}

async function referenceProblems(db: Db, data: ResourceInputParsed): Promise<FieldError[]> {
  const problems: FieldError[] = resourceInputProblems(data);
  if (problems.some((p) => p.path === 'organization.name')) return problems;
  const known = await knownCategoryCodes(db, data.categories);
  data.categories.forEach((code, i) => {
    if (!known.has(code)) {
      problems.push({
        path: `categories.${i}`,
        message: fieldMessage(
          `Die Kategorie „${code}“ gibt es im Verzeichnis nicht.`,
          `The category "${code}" does not exist in the directory.`,
        ),
      });
    }
  });
  if (data.organization.id !== undefined && !(await findOrganization(db, data.organization.id))) {
    problems.push({
      path: 'organization.id',
      message: fieldMessage(
        'Diesen Träger gibt es im Verzeichnis nicht.',
        'This organisation does not exist in the directory.',
      ),
    });
  }
  return problems;
}

function assertNoProblems(problems: FieldError[]): void {
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: problems });
}

async function organizationFor(
  tx: Db,
  data: ResourceInputParsed,
  now: Date,
): Promise<{ id: string; created: boolean }> {
  if (data.organization.id !== undefined) return { id: data.organization.id, created: false };
  const id = await insertOrganization(tx, {
    name: data.organization.name!,
    website: data.organization.website ?? null,
    email: data.organization.email ?? null,
    createdAt: now,
    updatedAt: now,
  });
  return { id, created: true };
}

/** The location columns: the address goes to the register, the point decides the district. */
async function locationValues(tx: Db, location: NonNullable<ResourceInputParsed['location']>) {
  const addressId = await registerAddress(tx, location);
  const fromPoint = location.point ? await districtIdAt(tx, location.point) : null;
  return {
    name: location.name,
    addressId,
    districtId: fromPoint ?? (await addressDistrictId(tx, addressId)),
    latitude: location.point?.latitude ?? null,
    longitude: location.point?.longitude ?? null,
    accessibility: location.accessibility,
    transportation: location.transportation,
  };
}

const contactsOf = (data: ResourceInputParsed): ResourceContact[] =>
  data.contacts.map((c) => ({
    id: randomUUID(),
    name: c.name,
    title: c.role,
    email: c.email,
    phone: c.phone,
    public: c.public,
  }));

const schedulesOf = (data: ResourceInputParsed): ResourceSchedule[] =>
  data.schedules.map((s) => ({
    id: randomUUID(),
    byDay: s.byDay,
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    description: s.description,
  }));

/** The service columns an input sets (everything but organisation and location). */
function serviceValues(data: ResourceInputParsed) {
  return {
    name: data.name,
    description: data.description,
    url: data.url,
    email: data.email,
    status: data.status,
    alert: data.alert,
    categories: [...new Set(data.categories)],
    languages: [...new Set(data.languages)],
    cost: data.cost,
    feesDescription: data.costDescription,
    eligibilityDescription: data.eligibility,
    minimumAge: data.minimumAge,
    maximumAge: data.maximumAge,
    contacts: contactsOf(data),
    schedules: schedulesOf(data),
    internalNote: data.internalNote,
  };
}

// ---------------------------------------------------------------------------------------------
// Writes usable inside other transactions (explorations create and verify resources)

/**
 * Creates an entry (service, and the organisation when new, and its location) in the caller's
 * transaction and audits it. The input is validated here (ZodError → 400 with field paths; an
 * unknown category or organisation → 400). Permission checks are the caller's.
 */
export async function createResourceInTx(tx: Db, ctx: AuditContext, input: ResourceInput): Promise<{ id: string }> {
  const data = resourceInputSchema.parse(input);
  assertNoProblems(await referenceProblems(tx, data));
  const org = await organizationFor(tx, data, ctx.now);
  const id = await insertService(tx, {
    ...serviceValues(data),
    organizationId: org.id,
    createdBy: ctx.actor?.userId ?? null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  let locationId: string | null = null;
  if (data.location) {
    locationId = await insertLocation(tx, { organizationId: org.id, ...(await locationValues(tx, data.location)) });
    await linkServiceLocation(tx, id, locationId);
  }
  await recordAudit(tx, ctx, {
    type: 'resource.created',
    subjectType: 'resource',
    subjectId: id,
    details: { organizationId: org.id, newOrganization: org.created, locationId },
  });
  return { id };
}

/**
 * Marks an entry verified today (Europe/Berlin of ctx.now) by the actor, in the caller's
 * transaction: version + 1, audited. `expectedVersion` given: another version fails with 412.
 * The note is not stored (no column for it yet); explorations keep their own note.
 */
export async function markResourceVerifiedInTx(
  tx: Db,
  ctx: AuditContext,
  serviceId: string,
  _note?: string | null,
  expectedVersion?: number,
): Promise<{ version: number }> {
  const current = await findService(tx, serviceId, true);
  if (!current) throw new AppError('NOT_FOUND');
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleResource(current.version);
  const verifiedOn = todayIn(ctx.now);
  const updated = await updateServiceIfVersion(tx, serviceId, current.version, {
    verifiedOn,
    verifiedBy: ctx.actor?.userId ?? null,
    updatedAt: ctx.now,
  });
  if (!updated) throw staleResource(current.version + 1);
  await recordAudit(tx, ctx, {
    type: 'resource.verified',
    subjectType: 'resource',
    subjectId: serviceId,
    details: { verifiedOn, version: updated.version },
  });
  return { version: updated.version };
}

function staleResource(version: number): AppError {
  return new AppError('PRECONDITION_FAILED', {
    fieldErrors: [
      {
        path: 'version',
        message: fieldMessage(
          `Der Eintrag wurde inzwischen geändert (jetzt Version ${version}). Bitte laden Sie die Seite neu und übertragen Sie Ihre Änderungen erneut.`,
          `The entry was changed in the meantime (now version ${version}). Please reload the page and enter your changes again.`,
        ),
      },
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// Use cases of the authenticated API

export async function getTaxonomy(db: Db, actor: Actor | null): Promise<TaxonomyTerm[]> {
  await check(db, actor, 'social_space.read');
  return (await taxonomyTerms(db)).map(presentTaxonomyTerm);
}

export async function getResources(
  db: Db,
  actor: Actor | null,
  query: ResourceListQuery,
  now: Date,
): Promise<ResourceList> {
  await check(db, actor, 'social_space.read');
  const q = resourceListQuerySchema.parse(query);
  const { rows, total } = await listServices(db, q);
  const [orgs, locations] = await Promise.all([
    organizationRefs(
      db,
      rows.map((r) => r.organizationId),
    ),
    locationsOfServices(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  const today = todayIn(now);
  return {
    items: rows.map((r) => presentResourceSummary(r, orgs.get(r.organizationId)!, locations.get(r.id)?.[0], today)),
    pageInfo: { page: q.page, pageSize: q.pageSize, total },
  };
}

async function detailOf(db: Db, actor: Actor, row: ServiceRow, now: Date): Promise<Versioned<ResourceDetail>> {
  const [org, locations, verifiedBy, plans] = await Promise.all([
    findOrganization(db, row.organizationId),
    locationsOfServices(db, [row.id]),
    userName(db, row.verifiedBy),
    openPlanCount(db, row.id),
  ]);
  const value = presentResourceDetail(row, org!, locations.get(row.id)?.[0], {
    today: todayIn(now),
    verifiedBy,
    openPlanCount: plans,
    canEdit: hasPermission(actor, 'resource.write'),
    canDelete: hasPermission(actor, 'resource.manage'),
  });
  return { value, etag: etagOf(row.version) };
}

async function serviceOr404(db: Db, id: string): Promise<ServiceRow> {
  const row = await findService(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function getResource(
  db: Db,
  actor: Actor | null,
  id: string,
  now: Date,
): Promise<Versioned<ResourceDetail>> {
  const a = await check(db, actor, 'social_space.read');
  return detailOf(db, a, await serviceOr404(db, id), now);
}

export async function createResource(
  db: Db,
  actor: Actor | null,
  input: ResourceInput,
  ctx: AuditContext,
): Promise<Versioned<ResourceDetail>> {
  const a = await check(db, actor, 'resource.write');
  const { id } = await db.transaction((tx) => createResourceInTx(tx, ctx, input));
  return detailOf(db, a, await serviceOr404(db, id), ctx.now);
}

/** The fields that differ, for the audit (names of fields, never values). */
function changedFields(before: ServiceRow, after: ServiceRow): string[] {
  const keys = [
    'organizationId',
    'name',
    'description',
    'url',
    'email',
    'status',
    'alert',
    'categories',
    'languages',
    'cost',
    'feesDescription',
    'eligibilityDescription',
    'minimumAge',
    'maximumAge',
    'internalNote',
  ] as const;
  const out: string[] = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  const strip = <T extends { id: string }>(xs: T[]) => JSON.stringify(xs.map(({ id: _id, ...rest }) => rest));
  if (strip(before.contacts) !== strip(after.contacts)) out.push('contacts');
  if (strip(before.schedules) !== strip(after.schedules)) out.push('schedules');
  return out;
}

/**
 * Replaces the editable fields of an entry (the form sends all of them) with If-Match. The
 * location is updated in place unless other services share it; then this one gets its own.
 */
export async function updateResource(
  db: Db,
  actor: Actor | null,
  id: string,
  ifMatch: string | undefined,
  input: ResourceInput,
  ctx: AuditContext,
): Promise<Versioned<ResourceDetail>> {
  const a = await check(db, actor, 'resource.write');
  const expected = ifMatchVersion(ifMatch, true);
  const data = resourceInputSchema.parse(input);
  await db.transaction(async (tx) => {
    const current = await findService(tx, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    if (current.version !== expected) throw staleResource(current.version);
    assertNoProblems(await referenceProblems(tx, data));
    const org = await organizationFor(tx, data, ctx.now);
    const values = serviceValues(data);
    // Keep the ids of unchanged contacts and schedules, so the HSDS ids stay stable.
    values.contacts = values.contacts.map((c, i) => {
      const old = current.contacts[i];
      return old && JSON.stringify({ ...old, id: '' }) === JSON.stringify({ ...c, id: '' }) ? old : c;
    });
    values.schedules = values.schedules.map((s, i) => {
      const old = current.schedules[i];
      return old && JSON.stringify({ ...old, id: '' }) === JSON.stringify({ ...s, id: '' }) ? old : s;
    });
    const updated = await updateServiceIfVersion(tx, id, expected, {
      ...values,
      organizationId: org.id,
      updatedAt: ctx.now,
    });
    if (!updated) throw staleResource(expected + 1);
    const fields = changedFields(current, updated);
    const existing = (await locationsOfServices(tx, [id])).get(id)?.[0]?.location;
    if (data.location) {
      const loc = await locationValues(tx, data.location);
      if (existing && existing.organizationId === org.id && (await servicesAtLocation(tx, existing.id)) === 1) {
        await updateLocation(tx, existing.id, loc);
      } else {
        if (existing) await detachLocation(tx, id, existing.id);
        await linkServiceLocation(tx, id, await insertLocation(tx, { organizationId: org.id, ...loc }));
      }
      fields.push('location');
    } else if (existing) {
      await detachLocation(tx, id, existing.id);
      fields.push('location');
    }
    await recordAudit(tx, ctx, {
      type: 'resource.updated',
      subjectType: 'resource',
      subjectId: id,
      details: { fields, version: updated.version },
    });
  });
  return detailOf(db, a, await serviceOr404(db, id), ctx.now);
}

/** Unlinks a location from a service and deletes it when no other service is offered there. */
async function detachLocation(tx: Db, serviceId: string, locationId: string): Promise<void> {
  await unlinkServiceLocation(tx, serviceId, locationId);
  if ((await servicesAtLocation(tx, locationId)) === 0) await deleteLocation(tx, locationId);
}

export async function verifyResource(
  db: Db,
  actor: Actor | null,
  id: string,
  ifMatch: string | undefined,
  note: string | null,
  ctx: AuditContext,
): Promise<Versioned<ResourceDetail>> {
  const a = await check(db, actor, 'resource.write');
  const expected = ifMatchVersion(ifMatch, false) ?? undefined;
  await db.transaction((tx) => markResourceVerifiedInTx(tx, ctx, id, note, expected));
  return detailOf(db, a, await serviceOr404(db, id), ctx.now);
}

/**
 * Deletes an entry. Refused (409) while any plan step links it: the plan keeps its history, so
 * the entry is to be set to "eingestellt" (defunct) instead.
 */
export async function removeResource(db: Db, actor: Actor | null, id: string, ctx: AuditContext): Promise<void> {
  await check(db, actor, 'resource.manage');
  await db.transaction(async (tx) => {
    const current = await findService(tx, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    const steps = await planStepCount(tx, id);
    if (steps > 0) {
      throw new AppError('CONFLICT', {
        fieldErrors: [
          {
            path: 'id',
            message: fieldMessage(
              `Der Eintrag wird in Hilfeplänen verwendet (${steps} ${steps === 1 ? 'Schritt' : 'Schritte'}) und kann nicht gelöscht werden. Setzen Sie den Status stattdessen auf „eingestellt“.`,
              `The entry is used in plans (${steps} ${steps === 1 ? 'step' : 'steps'}) and cannot be deleted. Set its status to "defunct" instead.`,
            ),
          },
        ],
      });
    }
    const locations = (await locationsOfServices(tx, [id])).get(id) ?? [];
    await deleteService(tx, id);
    for (const l of locations) {
      if ((await servicesAtLocation(tx, l.location.id)) === 0) await deleteLocation(tx, l.location.id);
    }
    await recordAudit(tx, ctx, {
      type: 'resource.deleted',
      subjectType: 'resource',
      subjectId: id,
      details: { organizationId: current.organizationId },
    });
  });
}

/** Whether a case-plan step may link the entry: it must exist and not be defunct. */
export async function resourceLinkProblem(db: Db, id: string): Promise<'missing' | 'defunct' | null> {
  const row = await findService(db, id);
  if (!row) return 'missing';
  return row.status === 'defunct' ? 'defunct' : null;
}

// ---------------------------------------------------------------------------------------------
// HSDS exchange (authenticated)

/** The whole directory as HSDS (full audience: confidential fields included), audited. */
export async function exportDirectory(
  db: Db,
  actor: Actor | null,
  ctx: AuditContext,
): Promise<Record<string, unknown>[]> {
  await check(db, actor, 'social_space.read');
  return db.transaction(async (tx) => {
    const snap = await loadDirectory(tx, 'full');
    const doc = organizationObjects(snap, 'full');
    await recordAudit(tx, ctx, {
      type: 'resource.exported',
      details: { organizations: snap.organizations.length, services: snap.services.length },
    });
    return doc;
  });
}

export async function importDirectory(
  db: Db,
  actor: Actor | null,
  doc: readonly unknown[],
  dryRun: boolean,
  ctx: AuditContext,
): Promise<ResourceImportResult> {
  await check(db, actor, 'resource.manage');
  const result = await runHsdsImport(db, ctx, doc, dryRun);
  if (!dryRun && result.errors.length) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: result.errors.map((e) => ({ path: e.pointer, message: fieldMessage(e.message, e.message) })),
    });
  }
  return result;
}
