/**
 * Builds Open Referral HSDS 3 objects from the resource directory. Two audiences:
 * - `full` (authenticated export for exchange between installations): every service with all
 *   contacts, the internal note and the cost summary as Lotse extensions (x_lotse_*);
 * - `public` (the open HSDS API): only services that are active or temporarily closed, only
 *   contacts marked public, never the internal note, never who verified an entry.
 * Ids are stable: the rows' own ids, and for child records without a row of their own (address,
 * accessibility, language, attribute, phone, cost option) an id derived from the parent's id.
 */
import { HSDS_VERSION } from '../../../shared/contracts/hsds';
import { publicResourceStatuses } from '../../../shared/contracts/resources';
import { languageNames } from '../../../shared/domain/languages';
import type { Db } from '../../db/client';
import { derivedId, LOCAL_TAXONOMY } from './resource-taxonomy';
import {
  allOrganizations,
  allServices,
  locationsOfServices,
  taxonomyTerms,
  type LocationEntry,
  type OrganizationRow,
  type ServiceRow,
  type TaxonomyRow,
} from './resources.repository';

export type HsdsAudience = 'full' | 'public';
type Obj = Record<string, unknown>;

export { derivedId };

/** Leaves out null, undefined and empty strings: HSDS has no null. */
function compact(o: Obj): Obj {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== ''));
}

export function hsdsTaxonomy(): Obj {
  return {
    id: LOCAL_TAXONOMY.id,
    name: LOCAL_TAXONOMY.name,
    description: LOCAL_TAXONOMY.description,
    uri: LOCAL_TAXONOMY.uri,
    version: LOCAL_TAXONOMY.version,
  };
}

export function hsdsTaxonomyTerm(t: TaxonomyRow): Obj {
  return compact({
    id: t.id,
    code: t.code,
    name: t.name,
    // HSDS requires a description; the English name serves when there is none.
    description: t.description ?? t.nameEn,
    taxonomy: LOCAL_TAXONOMY.name,
    taxonomy_id: LOCAL_TAXONOMY.id,
    language: 'de',
    taxonomy_detail: { id: LOCAL_TAXONOMY.id, name: LOCAL_TAXONOMY.name, description: LOCAL_TAXONOMY.description },
  });
}

export function hsdsLocation(entry: LocationEntry, audience: HsdsAudience): Obj {
  const l = entry.location;
  const a = entry.address;
  return compact({
    id: l.id,
    location_type: 'physical',
    organization_id: l.organizationId,
    name: l.name,
    description: l.description,
    transportation: l.transportation,
    latitude: l.latitude,
    longitude: l.longitude,
    // The district is ours, not HSDS's: it is derived again from the point on import.
    external_identifier: audience === 'full' && entry.district ? entry.district.name : null,
    external_identifier_type: audience === 'full' && entry.district ? 'lotse_district' : null,
    addresses: a
      ? [
          {
            id: derivedId(l.id, 'address'),
            location_id: l.id,
            address_1: `${a.street} ${a.houseNumber}`,
            city: a.city,
            state_province: 'Nordrhein-Westfalen',
            postal_code: a.postalCode,
            country: 'DE',
            address_type: 'physical',
          },
        ]
      : [],
    accessibility: l.accessibility
      ? [{ id: derivedId(l.id, 'accessibility'), location_id: l.id, description: l.accessibility }]
      : [],
  });
}

export function hsdsService(
  row: ServiceRow,
  ctx: { terms: Map<string, TaxonomyRow>; locations: LocationEntry[]; audience: HsdsAudience },
): Obj {
  const full = ctx.audience === 'full';
  const contacts = row.contacts.filter((c) => full || c.public);
  return compact({
    id: row.id,
    organization_id: row.organizationId,
    name: row.name,
    alternate_name: row.alternateName,
    description: row.description,
    url: row.url,
    email: row.email,
    status: row.status,
    alert: row.alert,
    interpretation_services: row.interpretationServices,
    application_process: row.applicationProcess,
    fees_description: row.feesDescription,
    eligibility_description: row.eligibilityDescription,
    minimum_age: row.minimumAge,
    maximum_age: row.maximumAge,
    assured_date: row.verifiedOn,
    last_modified: row.updatedAt.toISOString(),
    attributes: row.categories.flatMap((code) => {
      const term = ctx.terms.get(code);
      return term
        ? [
            {
              id: derivedId(row.id, 'attribute', code),
              link_id: row.id,
              link_type: 'service',
              link_entity: 'service',
              taxonomy_term_id: term.id,
              taxonomy_term: hsdsTaxonomyTerm(term),
            },
          ]
        : [];
    }),
    schedules: row.schedules.map((s) =>
      compact({
        id: s.id,
        service_id: row.id,
        freq: 'WEEKLY',
        wkst: 'MO',
        byday: s.byDay.join(','),
        opens_at: s.opensAt,
        closes_at: s.closesAt,
        description: s.description,
        notes: 'Ortszeit Europe/Berlin',
      }),
    ),
    languages: row.languages.map((code) =>
      compact({
        id: derivedId(row.id, 'language', code),
        service_id: row.id,
        code,
        name: languageNames[code]?.de ?? null,
      }),
    ),
    contacts: contacts.map((c) =>
      compact({
        id: c.id,
        service_id: row.id,
        name: c.name,
        title: c.title,
        email: c.email,
        phones: c.phone ? [{ id: derivedId(c.id, 'phone'), contact_id: c.id, number: c.phone }] : [],
        x_lotse_public: full ? c.public : null,
      }),
    ),
    cost_options:
      row.cost === 'free'
        ? [{ id: derivedId(row.id, 'cost'), service_id: row.id, option: 'kostenlos', currency: 'EUR', amount: 0 }]
        : [],
    service_at_locations: ctx.locations.map((e) =>
      compact({
        id: e.linkId,
        service_id: row.id,
        location_id: e.location.id,
        location: hsdsLocation(e, ctx.audience),
      }),
    ),
    x_lotse_internal_note: full ? row.internalNote : null,
    x_lotse_cost: full ? row.cost : null,
  });
}

export function hsdsOrganization(org: OrganizationRow, services: Obj[], locations: Obj[]): Obj {
  const o = compact({
    id: org.id,
    name: org.name,
    alternate_name: org.alternateName,
    email: org.email,
    website: org.website,
    legal_status: org.legalStatus,
    locations,
    services,
  });
  // HSDS requires a description (compact() would drop an empty one); it follows the name.
  return { id: o.id, name: o.name, description: org.description ?? '', ...o };
}

/** Everything the directory holds for one audience, loaded once. */
export type DirectorySnapshot = {
  organizations: OrganizationRow[];
  services: ServiceRow[];
  locations: Map<string, LocationEntry[]>;
  terms: Map<string, TaxonomyRow>;
  termRows: TaxonomyRow[];
};

export async function loadDirectory(db: Db, audience: HsdsAudience): Promise<DirectorySnapshot> {
  const services = await allServices(db, audience === 'public' ? publicResourceStatuses : undefined);
  const [orgs, locations, termRows] = await Promise.all([
    allOrganizations(db),
    locationsOfServices(
      db,
      services.map((s) => s.id),
    ),
    taxonomyTerms(db),
  ]);
  const withServices = new Set(services.map((s) => s.organizationId));
  return {
    organizations: audience === 'public' ? orgs.filter((o) => withServices.has(o.id)) : orgs,
    services,
    locations,
    terms: new Map(termRows.map((t) => [t.code, t])),
    termRows,
  };
}

export function serviceObject(snap: DirectorySnapshot, row: ServiceRow, audience: HsdsAudience): Obj {
  return hsdsService(row, { terms: snap.terms, locations: snap.locations.get(row.id) ?? [], audience });
}

/** Organizations with their services and the locations those services are offered at. */
export function organizationObjects(snap: DirectorySnapshot, audience: HsdsAudience): Obj[] {
  return snap.organizations.map((org) => {
    const services = snap.services.filter((s) => s.organizationId === org.id);
    const locations = new Map<string, LocationEntry>();
    for (const s of services) for (const e of snap.locations.get(s.id) ?? []) locations.set(e.location.id, e);
    return hsdsOrganization(
      org,
      services.map((s) => serviceObject(snap, s, audience)),
      [...locations.values()]
        .sort((a, b) => a.location.id.localeCompare(b.location.id))
        .map((e) => hsdsLocation(e, audience)),
    );
  });
}

export const hsdsMeta = (baseUrl: string) => ({
  version: HSDS_VERSION,
  profile: 'https://openreferral.org/hsds',
  openapi_url: `${baseUrl}/api/v1/openapi.json`,
});

// ---------------------------------------------------------------------------------------------
// The public HSDS API: reads without login, always the public audience. The directory of a city
// holds hundreds of entries, not millions: filtering and paging happen on the loaded snapshot.

export type HsdsPageParams = {
  page: number;
  per_page: number;
  search?: string;
  taxonomy_term_id?: string;
  organization_id?: string;
};

export function hsdsPage<T>(all: readonly T[], page: number, perPage: number) {
  const totalPages = Math.max(1, Math.ceil(all.length / perPage));
  const contents = all.slice((page - 1) * perPage, page * perPage);
  return {
    total_items: all.length,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

const matches = (text: (string | null)[], search: string) => {
  const needle = search.toLocaleLowerCase('de');
  return text.some((t) => t !== null && t.toLocaleLowerCase('de').includes(needle));
};

export async function publicServices(db: Db, p: HsdsPageParams) {
  const snap = await loadDirectory(db, 'public');
  const orgName = new Map(snap.organizations.map((o) => [o.id, o.name]));
  const termCode = p.taxonomy_term_id ? snap.termRows.find((t) => t.id === p.taxonomy_term_id)?.code : undefined;
  const rows = snap.services.filter(
    (s) =>
      (!p.search ||
        matches([s.name, s.description, s.alternateName, orgName.get(s.organizationId) ?? null], p.search)) &&
      (!p.taxonomy_term_id || (termCode !== undefined && s.categories.includes(termCode))) &&
      (!p.organization_id || s.organizationId === p.organization_id),
  );
  return hsdsPage(
    rows.map((s) => serviceObject(snap, s, 'public')),
    p.page,
    p.per_page,
  );
}

/** One public service with its organization nested; null when absent or not public. */
export async function publicService(db: Db, id: string): Promise<Obj | null> {
  const snap = await loadDirectory(db, 'public');
  const row = snap.services.find((s) => s.id === id);
  if (!row) return null;
  const org = snap.organizations.find((o) => o.id === row.organizationId)!;
  return { ...serviceObject(snap, row, 'public'), organization: hsdsOrganization(org, [], []) };
}

export async function publicOrganizations(db: Db, p: HsdsPageParams) {
  const snap = await loadDirectory(db, 'public');
  const rows = snap.organizations.filter(
    (o) => !p.search || matches([o.name, o.description, o.alternateName], p.search),
  );
  return hsdsPage(
    rows.map((o) => hsdsOrganization(o, [], [])),
    p.page,
    p.per_page,
  );
}

export async function publicOrganization(db: Db, id: string): Promise<Obj | null> {
  const snap = await loadDirectory(db, 'public');
  if (!snap.organizations.some((o) => o.id === id)) return null;
  return organizationObjects({ ...snap, organizations: snap.organizations.filter((o) => o.id === id) }, 'public')[0]!;
}

export async function publicTaxonomyTerms(db: Db, p: HsdsPageParams) {
  const terms = (await taxonomyTerms(db)).filter((t) => !p.search || matches([t.name, t.nameEn, t.code], p.search));
  return hsdsPage(terms.map(hsdsTaxonomyTerm), p.page, p.per_page);
}

export function publicTaxonomies(p: HsdsPageParams) {
  return hsdsPage([hsdsTaxonomy()], p.page, p.per_page);
}

/** service_at_location objects with the service and the location nested. */
async function publicServiceAtLocations(db: Db): Promise<Obj[]> {
  const snap = await loadDirectory(db, 'public');
  return snap.services.flatMap((s) =>
    (snap.locations.get(s.id) ?? []).map((e) => ({
      id: e.linkId,
      service_id: s.id,
      location_id: e.location.id,
      location: hsdsLocation(e, 'public'),
      service: serviceObject(snap, s, 'public'),
    })),
  );
}

export async function publicServiceAtLocationPage(db: Db, p: HsdsPageParams) {
  const all = (await publicServiceAtLocations(db)).filter((sal) => {
    const s = sal.service as { name: string; description?: string };
    return !p.search || matches([s.name, s.description ?? null], p.search);
  });
  return hsdsPage(all, p.page, p.per_page);
}

export async function publicServiceAtLocation(db: Db, id: string): Promise<Obj | null> {
  return (await publicServiceAtLocations(db)).find((sal) => sal.id === id) ?? null;
}
