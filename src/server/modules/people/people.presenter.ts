import type { DobPrecision } from '../../../shared/domain/people-matching/date-of-birth';
import type { Person, PersonSummary } from '../../../shared/contracts/people';
import type { PersonRecord, PersonRow } from './people.repository';

type NameVariantKind = Person['nameVariants'][number]['kind'];
type IdentifierKind = Person['identifiers'][number]['kind'];

function presentDateOfBirth(p: PersonRow): Person['dateOfBirth'] {
  if (p.dateOfBirthRaw === null) return null;
  return { value: p.dateOfBirthRaw, precision: p.dobPrecision as DobPrecision, placeholder: p.dobPlaceholder };
}

/** Whitelists a person for the caseworker: no blocking keys, no internal user ids. */
export function presentPerson(r: PersonRecord): Person {
  const p = r.person;
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
    registeredBy: { id: r.agency.id, name: r.agency.name },
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** What a result list shows of a person. */
export function presentPersonSummary(r: PersonRecord): PersonSummary {
  const p = r.person;
  return {
    id: p.id,
    givenNames: p.givenNames,
    familyName: p.familyName,
    dateOfBirth: presentDateOfBirth(p),
    nationalities: p.nationalities,
  };
}
