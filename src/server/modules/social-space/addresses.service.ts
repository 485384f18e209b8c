import type { z } from 'zod';
import type {
  AddressCheckRequest,
  AddressCreateRequest,
  AddressDetail,
  AddressList,
  addressListQuerySchema,
} from '../../../shared/contracts/addresses';
import { addressCheckRequestSchema, addressCreateRequestSchema } from '../../../shared/contracts/addresses';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { personAccess } from '../../platform/access/person-access';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError } from '../../platform/errors/app-error';
import { etagOf, ifMatchVersion, type Versioned } from '../../platform/http/etag';
import {
  districtIdAt,
  findAddressIdByKey,
  normaliseAddressKey,
  recordAddressCheck,
  registerAddress,
} from './address-register';
import { presentAddressDetail, presentAddressSummary } from './addresses.presenter';
import { checksOf, findAddress, listAddresses, peopleAtAddress, setPointIfMissing } from './addresses.repository';

/**
 * May the actor see this address? Addresses with knowledge of their own are the register's; a bare
 * address of people only when the actor sees the contact data of one of them.
 */
async function mayView(db: Db, actor: Actor, known: boolean, addressId: string, now: Date): Promise<boolean> {
  if (known) return true;
  const residents = await peopleAtAddress(db, addressId);
  const access = await personAccess(db, actor, residents, now);
  for (const entry of access.values()) if (entry.categories.has('contact')) return true;
  return false;
}

async function loadDetail(db: Db, actor: Actor, id: string, now: Date): Promise<AddressDetail> {
  const record = await findAddress(db, id);
  if (!record || !(await mayView(db, actor, record.known, id, now))) throw new AppError('NOT_FOUND');
  return presentAddressDetail(record, await checksOf(db, id));
}

export async function listAddressRegister(
  db: Db,
  actor: Actor | null,
  query: z.output<typeof addressListQuerySchema>,
  ctx: AuditContext,
): Promise<AddressList> {
  await check(db, actor, 'address.read');
  const { rows, total } = await listAddresses(
    db,
    {
      q: query.q,
      districtId: query.districtId,
      problem: query.problem,
      mailDelivery: query.mailDelivery,
      uncheckedSince: query.uncheckedSince,
    },
    query.sort,
    query.dir,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  const items = rows.map(presentAddressSummary);
  // The names on mailboxes are personal data: lists are audited like the detail.
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'address.listed',
      subjectType: 'address',
      details: { resultCount: items.length, total, problem: query.problem },
    });
  });
  return { items, page: { page: query.page, pageSize: query.pageSize, total } };
}

export async function getAddress(
  db: Db,
  actor: Actor | null,
  id: string,
  ctx: AuditContext,
): Promise<Versioned<AddressDetail>> {
  const a = await check(db, actor, 'address.read');
  return db.transaction(async (tx) => {
    const detail = await loadDetail(tx, a, id, ctx.now);
    await recordAudit(tx, ctx, {
      type: 'address.viewed',
      subjectType: 'address',
      subjectId: id,
      details: { checks: detail.checks.length },
    });
    return { value: detail, etag: etagOf(detail.version) };
  });
}

/**
 * Registers an address (or finds it by its normalised key). A point places it on the map and in
 * its district; an existing address gets the point only when it has none yet.
 */
export async function createAddress(
  db: Db,
  actor: Actor | null,
  input: AddressCreateRequest,
  ctx: AuditContext,
): Promise<Versioned<AddressDetail> & { created: boolean }> {
  const a = await check(db, actor, 'address.write');
  const parsed = addressCreateRequestSchema.parse(input);
  return db.transaction(async (tx) => {
    const before = await findAddressIdByKey(tx, normaliseAddressKey(parsed));
    const id = before ?? (await registerAddress(tx, parsed));
    let districtId: string | null = null;
    if (parsed.point) {
      districtId = await districtIdAt(tx, parsed.point);
      await setPointIfMissing(tx, id, parsed.point, districtId);
    }
    await recordAudit(tx, ctx, {
      type: 'address.registered',
      subjectType: 'address',
      subjectId: id,
      details: { existing: before !== null, districtId },
    });
    const record = await findAddress(tx, id);
    if (!record) throw new AppError('NOT_FOUND');
    // The caller typed the address: answering the register row does not disclose more than that.
    const detail = presentAddressDetail(
      record,
      (await mayView(tx, a, record.known, id, ctx.now)) ? await checksOf(tx, id) : [],
    );
    return { value: detail, etag: etagOf(detail.version), created: before === null };
  });
}

/** Casework records what it found at the address (If-Match with the address's version). */
export async function checkAddress(
  db: Db,
  actor: Actor | null,
  id: string,
  ifMatch: string | undefined,
  input: AddressCheckRequest,
  ctx: AuditContext,
): Promise<Versioned<AddressDetail>> {
  const a = await check(db, actor, 'address.write');
  const expected = ifMatchVersion(ifMatch, true);
  const parsed = addressCheckRequestSchema.parse(input);
  return db.transaction(async (tx) => {
    const record = await findAddress(tx, id);
    if (!record || !(await mayView(tx, a, record.known, id, ctx.now))) throw new AppError('NOT_FOUND');
    await recordAddressCheck(tx, ctx, {
      addressId: id,
      facts: parsed.facts,
      source: 'casework',
      sourceId: null,
      note: parsed.note === '' ? null : parsed.note,
      point: parsed.point,
      expectedVersion: expected,
    });
    const detail = await loadDetail(tx, a, id, ctx.now);
    return { value: detail, etag: etagOf(detail.version) };
  });
}
