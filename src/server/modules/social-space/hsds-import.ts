/**
 * Imports an HSDS 3 document as the export writes it (an array of organizations with nested
 * services and locations). Upsert by HSDS id; all or nothing: the whole import runs in one
 * transaction, and a dry run (or any error) rolls it back after counting. Errors name the item by
 * a JSON pointer into the uploaded document (/0/services/2/name).
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { hsdsOrganizationSchema, type HsdsOrganization, type HsdsService } from '../../../shared/contracts/hsds';
import { taxonomyCodeSchema, weekDays, type ResourceImportResult } from '../../../shared/contracts/resources';
import type { Db } from '../../db/client';
import {
  resourceLocations,
  resourceOrganizations,
  resourceServiceLocations,
  resourceServices,
  resourceTaxonomyTerms,
  type ResourceContact,
  type ResourceSchedule,
} from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { canonicalJson } from '../../platform/audit/canonical-json';
import { districtIdAt, registerAddress } from './address-register';
import { addressDistrictId } from './resources.repository';

type ImportError = { pointer: string; message: string };
type Counts = { created: number; updated: number; unchanged: number };

/** Thrown inside the transaction to roll it back after a dry run or when errors were found. */
class Rollback extends Error {}

const pointerOf = (base: string, path: readonly PropertyKey[]) =>
  `${base}/${path.map((p) => String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`.replace(/\/$/, '');

/**
 * Splits "Kaiserstraße 12a" into street and house number; the house number is the last word
 * starting with a digit (also "12-14", "3 a").
 */
export function splitAddressLine(line: string): { street: string; houseNumber: string } | null {
  const m = /^(.*?\S)\s+(\d+(?:\s?[a-zA-Z])?(?:\s?[-/]\s?\d+(?:\s?[a-zA-Z])?)?)$/.exec(line.trim());
  return m ? { street: m[1]!, houseNumber: m[2]! } : null;
}

const hhmm = (t: string | undefined): string | null => {
  if (t === undefined) return null;
  const m = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/.exec(t);
  return m ? `${m[1]}:${m[2]}` : null;
};

const nn = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
/** Equal as data (jsonb reorders object keys, so key order must not matter). */
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

function issuesToErrors(base: string, issues: readonly z.core.$ZodIssue[]): ImportError[] {
  return issues.map((i) => ({ pointer: pointerOf(base, i.path), message: `${i.message} (${i.code})` }));
}

/** Runs the import; returns the counts, or the errors (nothing is written then). */
export async function runHsdsImport(
  db: Db,
  ctx: AuditContext,
  doc: readonly unknown[],
  dryRun: boolean,
): Promise<ResourceImportResult> {
  const errors: ImportError[] = [];
  const orgs: { org: HsdsOrganization; pointer: string }[] = [];
  const seen = new Set<string>();
  const once = (id: string, pointer: string) => {
    if (seen.has(id)) errors.push({ pointer, message: `Die ID ${id} kommt mehrfach vor.` });
    seen.add(id);
  };
  doc.forEach((raw, i) => {
    const parsed = hsdsOrganizationSchema.safeParse(raw);
    if (!parsed.success) {
      errors.push(...issuesToErrors(`/${i}`, parsed.error.issues));
      return;
    }
    once(parsed.data.id, `/${i}/id`);
    parsed.data.services?.forEach((s, j) => {
      once(s.id, `/${i}/services/${j}/id`);
      if (s.organization_id !== undefined && s.organization_id !== parsed.data.id) {
        errors.push({
          pointer: `/${i}/services/${j}/organization_id`,
          message: 'organization_id passt nicht zur Organisation.',
        });
      }
      s.schedules?.forEach((sc, k) => {
        const p = `/${i}/services/${j}/schedules/${k}`;
        const days = (sc.byday ?? '').split(',').filter(Boolean);
        if (days.length === 0 || days.some((d) => !(weekDays as readonly string[]).includes(d))) {
          errors.push({ pointer: `${p}/byday`, message: 'Wochentage als MO,TU,WE,TH,FR,SA,SU angeben.' });
        }
        if (hhmm(sc.opens_at) === null)
          errors.push({ pointer: `${p}/opens_at`, message: 'Uhrzeit als HH:MM angeben.' });
        if (hhmm(sc.closes_at) === null)
          errors.push({ pointer: `${p}/closes_at`, message: 'Uhrzeit als HH:MM angeben.' });
      });
      s.languages?.forEach((l, k) => {
        if (!l.code || !/^[a-z]{2,3}$/.test(l.code)) {
          errors.push({
            pointer: `/${i}/services/${j}/languages/${k}/code`,
            message: 'Sprachcode nach ISO 639-1 oder 639-3 angeben.',
          });
        }
      });
      s.attributes?.forEach((a, k) => {
        if (a.taxonomy_term && !taxonomyCodeSchema.safeParse(a.taxonomy_term.code ?? '').success) {
          errors.push({
            pointer: `/${i}/services/${j}/attributes/${k}/taxonomy_term/code`,
            message: 'Kategorie-Code in Kleinbuchstaben mit Unterstrichen angeben (z. B. language_cafe).',
          });
        }
      });
      s.service_at_locations?.forEach((sal, k) => {
        const a = sal.location?.addresses?.[0];
        if (a && !splitAddressLine(a.address_1)) {
          errors.push({
            pointer: `/${i}/services/${j}/service_at_locations/${k}/location/addresses/0/address_1`,
            message: 'Straße und Hausnummer angeben (z. B. „Kaiserstraße 12“).',
          });
        }
        if (a && !/^\d{5}$/.test(a.postal_code)) {
          errors.push({
            pointer: `/${i}/services/${j}/service_at_locations/${k}/location/addresses/0/postal_code`,
            message: 'Postleitzahl mit fünf Ziffern angeben.',
          });
        }
      });
    });
    orgs.push({ org: parsed.data, pointer: `/${i}` });
  });
  if (errors.length) return { dryRun, created: 0, updated: 0, unchanged: 0, errors };

  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  const count = (kind: keyof Counts) => (counts[kind] += 1);
  try {
    await db.transaction(async (tx) => {
      for (const { org } of orgs) {
        await upsertOrganization(tx, org, ctx.now, count);
        const done = new Set<string>();
        for (const service of org.services ?? []) {
          for (const sal of service.service_at_locations ?? []) {
            if (sal.location && !done.has(sal.location.id)) {
              done.add(sal.location.id);
              await upsertLocation(tx, org.id, sal.location, count);
            }
          }
          await upsertService(tx, org.id, service, ctx.now, count);
        }
      }
      if (dryRun) throw new Rollback();
      await recordAudit(tx, ctx, { type: 'resource.imported', details: { ...counts } });
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  return { dryRun, ...counts, errors: [] };
}

async function upsertOrganization(tx: Db, org: HsdsOrganization, now: Date, count: (k: keyof Counts) => void) {
  const values = {
    name: org.name,
    alternateName: nn(org.alternate_name),
    description: org.description === '' ? null : org.description,
    email: nn(org.email),
    website: nn(org.website),
    legalStatus: nn(org.legal_status),
  };
  const [existing] = await tx.select().from(resourceOrganizations).where(eq(resourceOrganizations.id, org.id));
  if (!existing) {
    await tx.insert(resourceOrganizations).values({ id: org.id, ...values, createdAt: now, updatedAt: now });
    return count('created');
  }
  const before = {
    name: existing.name,
    alternateName: existing.alternateName,
    description: existing.description,
    email: existing.email,
    website: existing.website,
    legalStatus: existing.legalStatus,
  };
  if (same(before, values)) return count('unchanged');
  await tx
    .update(resourceOrganizations)
    .set({ ...values, updatedAt: now, version: existing.version + 1 })
    .where(eq(resourceOrganizations.id, org.id));
  count('updated');
}

type HsdsLocation = NonNullable<NonNullable<HsdsService['service_at_locations']>[number]['location']>;

async function upsertLocation(tx: Db, organizationId: string, loc: HsdsLocation, count: (k: keyof Counts) => void) {
  const a = loc.addresses?.[0];
  const parts = a ? splitAddressLine(a.address_1) : null;
  const addressId =
    a && parts ? await registerAddress(tx, { ...parts, postalCode: a.postal_code, city: a.city }) : null;
  const point =
    loc.latitude !== undefined && loc.longitude !== undefined
      ? { latitude: loc.latitude, longitude: loc.longitude }
      : null;
  const districtId =
    (point ? await districtIdAt(tx, point) : null) ?? (addressId ? await addressDistrictId(tx, addressId) : null);
  const values = {
    organizationId,
    name: nn(loc.name),
    description: nn(loc.description as string | undefined),
    addressId,
    districtId,
    latitude: point?.latitude ?? null,
    longitude: point?.longitude ?? null,
    accessibility: nn(loc.accessibility?.[0]?.description),
    transportation: nn(loc.transportation),
  };
  const [existing] = await tx.select().from(resourceLocations).where(eq(resourceLocations.id, loc.id));
  if (!existing) {
    await tx.insert(resourceLocations).values({ id: loc.id, ...values });
    return count('created');
  }
  const { id: _id, ...before } = existing;
  if (same(before, values)) return count('unchanged');
  await tx.update(resourceLocations).set(values).where(eq(resourceLocations.id, loc.id));
  count('updated');
}

async function categoriesOf(tx: Db, service: HsdsService): Promise<string[]> {
  const codes: string[] = [];
  for (const a of service.attributes ?? []) {
    const term = a.taxonomy_term;
    if (term?.code) {
      // A term of another installation's taxonomy is added (never renamed) so the entry keeps it.
      await tx
        .insert(resourceTaxonomyTerms)
        .values({
          id: term.id,
          code: term.code,
          name: term.name,
          nameEn: term.name,
          description: term.description ?? null,
          position: 1000,
        })
        .onConflictDoNothing({ target: resourceTaxonomyTerms.code });
      codes.push(term.code);
    } else if (a.taxonomy_term_id) {
      const [row] = await tx
        .select({ code: resourceTaxonomyTerms.code })
        .from(resourceTaxonomyTerms)
        .where(eq(resourceTaxonomyTerms.id, a.taxonomy_term_id));
      if (row) codes.push(row.code);
    }
  }
  return [...new Set(codes)];
}

async function upsertService(
  tx: Db,
  organizationId: string,
  s: HsdsService,
  now: Date,
  count: (k: keyof Counts) => void,
) {
  const contacts: ResourceContact[] = (s.contacts ?? []).map((c) => ({
    id: c.id,
    name: nn(c.name),
    title: nn(c.title),
    email: nn(c.email),
    phone: c.phones?.[0]?.number ?? null,
    // Without the Lotse flag a contact stays internal: publishing is a decision, not a default.
    public: c.x_lotse_public ?? false,
  }));
  const schedules: ResourceSchedule[] = (s.schedules ?? []).map((sc) => ({
    id: sc.id,
    byDay: (sc.byday ?? '').split(',').filter(Boolean),
    opensAt: hhmm(sc.opens_at),
    closesAt: hhmm(sc.closes_at),
    description: nn(sc.description),
  }));
  const costOptions = (s.cost_options as { amount?: number }[] | undefined) ?? [];
  const values = {
    organizationId,
    name: s.name,
    alternateName: nn(s.alternate_name),
    description: nn(s.description),
    url: nn(s.url),
    email: nn(s.email),
    status: s.status,
    alert: nn(s.alert),
    interpretationServices: nn(s.interpretation_services),
    applicationProcess: nn(s.application_process),
    feesDescription: nn(s.fees_description),
    cost: s.x_lotse_cost ?? (costOptions.some((o) => o.amount === 0) ? 'free' : null),
    eligibilityDescription: nn(s.eligibility_description),
    minimumAge: nn(s.minimum_age),
    maximumAge: nn(s.maximum_age),
    categories: await categoriesOf(tx, s),
    languages: [...new Set((s.languages ?? []).map((l) => l.code!))],
    contacts,
    schedules,
    internalNote: nn(s.x_lotse_internal_note),
    verifiedOn: nn(s.assured_date),
  };
  const modified = s.last_modified && !Number.isNaN(Date.parse(s.last_modified)) ? new Date(s.last_modified) : now;
  const [existing] = await tx.select().from(resourceServices).where(eq(resourceServices.id, s.id));
  const links = (s.service_at_locations ?? []).filter((sal) => sal.location !== undefined);
  if (!existing) {
    await tx.insert(resourceServices).values({ id: s.id, ...values, createdAt: modified, updatedAt: modified });
    count('created');
  } else {
    const before = Object.fromEntries(Object.keys(values).map((k) => [k, existing[k as keyof typeof existing]]));
    if (same(before, values)) {
      count('unchanged');
    } else {
      await tx
        .update(resourceServices)
        .set({
          ...values,
          // Who verified is kept only while the date stays the same.
          verifiedBy: existing.verifiedOn === values.verifiedOn ? existing.verifiedBy : null,
          updatedAt: modified,
          version: existing.version + 1,
        })
        .where(eq(resourceServices.id, s.id));
      count('updated');
    }
    await tx.delete(resourceServiceLocations).where(eq(resourceServiceLocations.serviceId, s.id));
  }
  for (const sal of links) {
    await tx
      .insert(resourceServiceLocations)
      .values({ id: sal.id, serviceId: s.id, locationId: sal.location!.id })
      .onConflictDoNothing();
  }
}
