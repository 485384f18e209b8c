import {
  hasDeliveryProblem,
  mailDeliverySchema,
  type AddressDeliverySummary,
} from '../../../shared/contracts/addresses';
import { cefrLevels, type Person, type PersonSummary } from '../../../shared/contracts/people';
import { todayIn } from '../../../shared/domain/calendar-date';
import type { DobPrecision } from '../../../shared/domain/people-matching/date-of-birth';
import { personFieldCategories } from '../../../shared/domain/data-protection/field-groups';
import { orderedCategories, withheldCategories, type PersonAccess } from '../../platform/access/person-access';
import type { PersonAddressEntry, PersonRecord, PersonRow } from './people.repository';

type NameVariantKind = Person['nameVariants'][number]['kind'];
type IdentifierKind = Person['identifiers'][number]['kind'];
type GermanLevels = Person['germanLevels'];
type Cefr = (typeof cefrLevels)[number];

const germanSkills = ['listening', 'reading', 'speaking', 'writing'] as const;

function presentDateOfBirth(p: PersonRow): Person['dateOfBirth'] {
  if (p.dateOfBirthRaw === null) return null;
  return { value: p.dateOfBirthRaw, precision: p.dobPrecision as DobPrecision, placeholder: p.dobPlaceholder };
}

/** The stored jsonb in the contract's skill order; anything that is not a skill with a CEFR level is dropped. */
function presentGermanLevels(stored: Record<string, string>): GermanLevels {
  const out: GermanLevels = {};
  for (const skill of germanSkills) {
    const level = stored[skill];
    if ((cefrLevels as readonly string[]).includes(level ?? '')) out[skill] = level as Cefr;
  }
  return out;
}

/** A period is current while it has no end or ends today or later ('YYYY-MM-DD' compares as text). */
const isCurrent = (validUntil: string | null, today: string) => validUntil === null || validUntil >= today;

/** Newer start first; a period without a start goes last. */
const byStartDesc = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? 1 : -1;

/** The register's delivery facts of an address, once someone checked it (absent before). */
function deliveryOf(a: PersonAddressEntry['address']): { delivery?: AddressDeliverySummary } {
  if (a.lastCheckedAt === null && a.mailDelivery === 'unknown' && a.mailboxPresent === null) return {};
  const mailDelivery = mailDeliverySchema.catch('unknown').parse(a.mailDelivery);
  return {
    delivery: {
      mailDelivery,
      mailboxPresent: a.mailboxPresent,
      sharedAccommodation: a.sharedAccommodation,
      lastCheckedAt: a.lastCheckedAt ? a.lastCheckedAt.toISOString() : null,
      problem: hasDeliveryProblem({ mailDelivery, mailboxPresent: a.mailboxPresent }),
    },
  };
}

function presentAddresses(entries: readonly PersonAddressEntry[], today: string): Person['addresses'] {
  const shown = entries.map((e) => ({
    position: e.position,
    value: {
      addressId: e.addressId,
      kind: e.kind as Person['addresses'][number]['kind'],
      street: e.address.street,
      houseNumber: e.address.houseNumber,
      postalCode: e.address.postalCode,
      city: e.address.city,
      addressSuffix: e.addressSuffix,
      validFrom: e.validFrom,
      validUntil: e.validUntil,
      current: isCurrent(e.validUntil, today),
      ...deliveryOf(e.address),
    },
  }));
  // Current addresses in the order the caseworker entered them; the history newest first.
  shown.sort(
    (x, y) =>
      Number(y.value.current) - Number(x.value.current) ||
      (x.value.current ? 0 : byStartDesc(x.value.validFrom, y.value.validFrom)) ||
      x.position - y.position,
  );
  return shown.map((s) => s.value);
}

function presentHouseholds(r: PersonRecord, today: string): Person['households'] {
  return r.households
    .map((h) => ({
      householdId: h.householdId,
      kind: h.kind as Person['households'][number]['kind'],
      name: h.name,
      relationship: h.relationship as Person['households'][number]['relationship'],
      validFrom: h.validFrom,
      validUntil: h.validUntil,
      current: isCurrent(h.validUntil, today),
    }))
    .sort((x, y) => Number(y.current) - Number(x.current) || byStartDesc(x.validFrom, y.validFrom));
}

/**
 * Whitelists a person for the caseworker: no blocking keys, no internal user ids. `now` decides
 * which addresses and household memberships are current (the day in Europe/Berlin); services pass
 * the request clock (`ctx.now`). `access` (person-access.ts) decides the field groups: a group of
 * a withheld category is sent empty, and `access.withheld` says so.
 */
export function presentPerson(r: PersonRecord, now: Date, access: PersonAccess): Person {
  const full = presentAllGroups(r, now);
  const shown = (group: keyof typeof personFieldCategories) => access.categories.has(personFieldCategories[group]);
  return {
    ...full,
    nameVariants: shown('nameVariants') ? full.nameVariants : [],
    identifiers: shown('identifiers') ? full.identifiers : [],
    languages: shown('languages') ? full.languages : [],
    germanLevels: shown('germanLevels') ? full.germanLevels : {},
    contacts: shown('contacts') ? full.contacts : [],
    addresses: shown('addresses') ? full.addresses : [],
    households: shown('households') ? full.households : [],
    access: {
      grounds: access.grounds,
      categories: orderedCategories(access.categories),
      withheld: withheldCategories(access),
    },
  };
}

function presentAllGroups(r: PersonRecord, now: Date): Omit<Person, 'access'> {
  const p = r.person;
  const today = todayIn(now);
  return {
    id: p.id,
    version: p.version,
    givenNames: p.givenNames,
    familyName: p.familyName,
    nameOrder: p.nameOrder as Person['nameOrder'],
    nameVariants: r.variants.map((v) => ({
      kind: v.kind as NameVariantKind,
      givenNames: v.givenNames,
      familyName: v.familyName,
      script: v.script,
    })),
    sex: p.sex as Person['sex'],
    dateOfBirth: presentDateOfBirth(p),
    placeOfBirth: p.placeOfBirth,
    countryOfBirth: p.countryOfBirth,
    nationalities: p.nationalities,
    identifiers: r.identifiers.map((i) => ({ kind: i.kind as IdentifierKind, value: i.value })),
    languages: r.languages.map((l) => ({ language: l.language, motherTongue: l.motherTongue, level: l.level })),
    germanLevels: presentGermanLevels(p.germanLevels),
    interpreter: { needed: p.interpreterNeeded, language: p.interpreterLanguage },
    contacts: r.contacts.map((c) => ({
      kind: c.kind as Person['contacts'][number]['kind'],
      value: c.value,
      service: c.service as Person['contacts'][number]['service'],
      consentToUse: c.consentToUse,
      consentRecordedOn: c.consentRecordedOn,
      note: c.note,
    })),
    addresses: presentAddresses(r.addresses, today),
    households: presentHouseholds(r, today),
    mergedInto: p.mergedIntoId,
    registeredBy: { id: r.agency.id, name: r.agency.name },
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** What a result list shows of a person. */
export function presentPersonSummary(r: Pick<PersonRecord, 'person'>): PersonSummary {
  const p = r.person;
  return {
    id: p.id,
    givenNames: p.givenNames,
    familyName: p.familyName,
    dateOfBirth: presentDateOfBirth(p),
    nationalities: p.nationalities,
  };
}
