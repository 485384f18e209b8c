import type { TFunction } from 'i18next';
import { mergeFieldNames, type MergeField } from '../../../shared/contracts/person-merge';
import type { Person } from '../../../shared/contracts/people';
import { formatDateTime } from '../../lib/format';
import { languageLabel } from './language-names';
import { countryName, formatDateOfBirth, personName } from './people-format';

/**
 * How a row of the merge screen turns into the merged record:
 * - `choice`: the caseworker picks the value of one record (the fields of `mergeFieldNames`);
 * - `combined`: both records' entries are kept (united, duplicates once);
 * - `survivor`: facts about the record itself, which stay those of the surviving record.
 */
export type RowKind = 'choice' | 'combined' | 'survivor';

export const comparisonRows = [
  { key: 'givenNames', kind: 'choice' },
  { key: 'familyName', kind: 'choice' },
  { key: 'nameOrder', kind: 'choice' },
  { key: 'nameVariants', kind: 'combined' },
  { key: 'sex', kind: 'choice' },
  { key: 'dateOfBirth', kind: 'choice' },
  { key: 'placeOfBirth', kind: 'choice' },
  { key: 'countryOfBirth', kind: 'choice' },
  { key: 'nationalities', kind: 'combined' },
  { key: 'identifiers', kind: 'combined' },
  { key: 'languages', kind: 'combined' },
  { key: 'germanLevels', kind: 'choice' },
  { key: 'interpreter', kind: 'choice' },
  { key: 'contacts', kind: 'combined' },
  { key: 'addresses', kind: 'combined' },
  { key: 'households', kind: 'combined' },
  { key: 'registeredBy', kind: 'survivor' },
  { key: 'createdAt', kind: 'survivor' },
] as const satisfies readonly { key: string; kind: RowKind }[];

export type RowKey = (typeof comparisonRows)[number]['key'];

/** The two columns of the merge screen: `a` is the record the caseworker came from, `b` the other one. */
export type Side = 'a' | 'b';

export function otherSide(side: Side): Side {
  return side === 'a' ? 'b' : 'a';
}

export function isMergeField(key: string): key is MergeField {
  return (mergeFieldNames as readonly string[]).includes(key);
}

const GERMAN_SKILLS = ['listening', 'reading', 'speaking', 'writing'] as const;

function text(value: string | null | undefined): string {
  return (value ?? '').trim().replace(/\s+/g, ' ');
}

/** Folds a name for "is this the same spelling": case and spacing do not make another spelling. */
function nameKey(givenNames: string | null, familyName: string | null): string {
  return `${text(givenNames).toLocaleLowerCase('de')}|${text(familyName).toLocaleLowerCase('de')}`;
}

/**
 * A recorded date of birth as year-month-day with `??` for unknown parts, so that "15.03.1990" and
 * "1990-03-15" compare equal while "1990" and "01.01.1990" do not.
 */
export function canonicalDateOfBirth(value: string | null | undefined): string {
  if (!value) return '';
  const iso = /^(\d{4})(?:-(\d{2}|xx)(?:-(\d{2}|xx))?)?$/i.exec(value.trim());
  const german = /^(?:(\d{2}|xx)\.)?(\d{2}|xx)\.(\d{4})$/i.exec(value.trim());
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : german ? [german[3], german[2], german[1]] : [];
  if (!year) return value.trim();
  const part = (p: string | undefined) => (p && !/^(00|xx)$/i.test(p) ? p : '??');
  const m = part(month);
  return `${year}-${m}-${m === '??' ? '??' : part(day)}`;
}

function sortedSet(values: string[]): string {
  return JSON.stringify([...new Set(values)].sort());
}

/** A value of a row in a form that is equal exactly when the two records say the same. */
export function comparableValue(person: Person, key: RowKey): string {
  switch (key) {
    case 'givenNames':
      return text(person.givenNames);
    case 'familyName':
      return text(person.familyName);
    case 'nameOrder':
      return person.nameOrder;
    case 'nameVariants':
      return sortedSet(
        person.nameVariants.map((v) => `${v.kind}|${nameKey(v.givenNames, v.familyName)}|${v.script ?? ''}`),
      );
    case 'sex':
      return person.sex;
    case 'dateOfBirth':
      return person.dateOfBirth
        ? `${canonicalDateOfBirth(person.dateOfBirth.value)}|${person.dateOfBirth.precision}`
        : '';
    case 'placeOfBirth':
      return text(person.placeOfBirth).toLocaleLowerCase('de');
    case 'countryOfBirth':
      return (person.countryOfBirth ?? '').toUpperCase();
    case 'nationalities':
      return sortedSet(person.nationalities.map((n) => n.toUpperCase()));
    case 'identifiers':
      return sortedSet(person.identifiers.map((i) => `${i.kind}|${i.value.toUpperCase()}`));
    case 'languages':
      return sortedSet(person.languages.map((l) => `${l.language}|${l.motherTongue}|${text(l.level)}`));
    case 'germanLevels':
      return GERMAN_SKILLS.map((skill) => person.germanLevels[skill] ?? '').join('|');
    case 'interpreter':
      return person.interpreter.needed ? `yes|${person.interpreter.language ?? ''}` : 'no';
    case 'contacts':
      return sortedSet(person.contacts.map((c) => `${c.kind}|${text(c.value)}|${c.service ?? ''}|${c.consentToUse}`));
    case 'addresses':
      return sortedSet(
        person.addresses.map((a) => `${a.addressId}|${a.kind}|${a.validFrom ?? ''}|${a.validUntil ?? ''}`),
      );
    case 'households':
      return sortedSet(
        person.households.map((h) => `${h.householdId}|${h.relationship}|${h.validFrom}|${h.validUntil ?? ''}`),
      );
    case 'registeredBy':
      return person.registeredBy.id;
    case 'createdAt':
      return person.createdAt.slice(0, 10);
  }
}

export type ComparisonRow = { key: RowKey; kind: RowKind; differs: boolean };

/** Every row of the merge screen with whether the two records disagree on it. */
export function compareRecords(a: Person, b: Person): ComparisonRow[] {
  return comparisonRows.map(({ key, kind }) => ({
    key,
    kind,
    differs: comparableValue(a, key) !== comparableValue(b, key),
  }));
}

/** The caseworker's explicit picks; a field without one keeps the surviving record's value. */
export type Choices = Partial<Record<MergeField, Side>>;

/** Which record's value a field ends up with. */
export function chosenSide(choices: Choices, field: MergeField, survivor: Side): Side {
  return choices[field] ?? survivor;
}

/**
 * The `take` list of the merge request: the fields whose value comes from the merged record. Fields
 * on which both records agree are left out — taking an equal value would change nothing.
 */
export function takeFields(choices: Choices, survivor: Side, rows: readonly ComparisonRow[]): MergeField[] {
  const differing = new Set(rows.filter((row) => row.differs).map((row) => row.key));
  return mergeFieldNames.filter((field) => differing.has(field) && chosenSide(choices, field, survivor) !== survivor);
}

type Variant = Person['nameVariants'][number];
type Period = { validFrom: string | null; validUntil: string | null };

/** A spelling compared without case and extra spaces (the server's rule for "already known"). */
function spellingKey(v: { givenNames: string | null; familyName: string | null }): string {
  const part = (s: string | null) => (s ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');
  return `${part(v.givenNames)}|${part(v.familyName)}`;
}

/** Phone numbers and messenger ids without separators, e-mail addresses without case. */
function contactKey(c: { kind: string; value: string }): string {
  return `${c.kind}:${c.kind === 'email' ? c.value.trim().toLowerCase() : c.value.replace(/[\s\-/().]/g, '').toLowerCase()}`;
}

function periodsOverlap(a: Period, b: Period): boolean {
  return (a.validFrom ?? '0000') <= (b.validUntil ?? '9999') && (b.validFrom ?? '0000') <= (a.validUntil ?? '9999');
}

/** The survivor's entries, then those of the merged record that say something the survivor does not. */
function unite<T>(survivor: readonly T[], merged: readonly T[], same: (a: T, b: T) => boolean): T[] {
  return [...survivor, ...merged.filter((m) => !survivor.some((s) => same(s, m)))];
}

/**
 * The merged record as the server builds it (person-merge.service): the survivor's values, the
 * merged record's for the fields in `take`, nationalities united, and the merged record's entries
 * moved over unless the survivor already has the same. Names that are not the main name afterwards
 * (the survivor's own if it was replaced, the merged record's) become aliases, and the merged
 * record's variants are added — each spelling once, so no spelling is lost.
 */
export function mergePreview(survivor: Person, merged: Person, take: readonly MergeField[]): Person {
  const taken = new Set(take);
  const pick = <K extends MergeField>(field: K): Person[K] => (taken.has(field) ? merged[field] : survivor[field]);
  const givenNames = pick('givenNames');
  const familyName = pick('familyName');

  const known = new Set([spellingKey({ givenNames, familyName }), ...survivor.nameVariants.map(spellingKey)]);
  const added: Variant[] = [];
  const offer = (v: Variant) => {
    const key = spellingKey(v);
    if (key === '|' || known.has(key)) return;
    known.add(key);
    added.push(v);
  };
  offer({ kind: 'alias', givenNames: survivor.givenNames, familyName: survivor.familyName, script: null });
  offer({ kind: 'alias', givenNames: merged.givenNames, familyName: merged.familyName, script: null });
  merged.nameVariants.forEach(offer);

  return {
    ...survivor,
    givenNames,
    familyName,
    nameOrder: pick('nameOrder'),
    nameVariants: [...survivor.nameVariants, ...added],
    sex: pick('sex'),
    dateOfBirth: pick('dateOfBirth'),
    placeOfBirth: pick('placeOfBirth'),
    countryOfBirth: pick('countryOfBirth'),
    nationalities: [...new Set([...survivor.nationalities, ...merged.nationalities])],
    identifiers: unite(survivor.identifiers, merged.identifiers, (a, b) => a.kind === b.kind && a.value === b.value),
    languages: unite(survivor.languages, merged.languages, (a, b) => a.language === b.language),
    germanLevels: pick('germanLevels'),
    interpreter: pick('interpreter'),
    contacts: unite(survivor.contacts, merged.contacts, (a, b) => contactKey(a) === contactKey(b)),
    addresses: unite(
      survivor.addresses,
      merged.addresses,
      (a, b) =>
        a.addressId === b.addressId &&
        a.kind === b.kind &&
        a.validFrom === b.validFrom &&
        a.validUntil === b.validUntil,
    ),
    households: unite(
      survivor.households,
      merged.households,
      (a, b) => a.householdId === b.householdId && periodsOverlap(a, b),
    ),
    mergedInto: null,
  };
}

function formatDay(value: string | null): string {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  return m ? `${m[3]}.${m[2]}.${m[1]}` : (value ?? '');
}

function period(from: string | null, until: string | null, t: TFunction): string {
  if (!from && !until) return '';
  return t('personMerge.period', { from: from ? formatDay(from) : '…', until: until ? formatDay(until) : '…' });
}

/** A row's value of one record as lines of text; an empty list means "nothing recorded". */
export function rowLines(person: Person, key: RowKey, t: TFunction): string[] {
  switch (key) {
    case 'givenNames':
      return [person.givenNames];
    case 'familyName':
      return [person.familyName];
    case 'nameOrder':
      return [t(`people.nameOrders.${person.nameOrder}`)];
    case 'nameVariants':
      return person.nameVariants.map((v) => {
        const name = [v.givenNames, v.familyName].filter(Boolean).join(' ');
        return `${name} (${t(`people.variantKinds.${v.kind}`)}${v.script ? `, ${v.script}` : ''})`;
      });
    case 'sex':
      return [t(`people.sexes.${person.sex}`)];
    case 'dateOfBirth':
      return person.dateOfBirth ? [formatDateOfBirth(person.dateOfBirth, t)] : [];
    case 'placeOfBirth':
      return person.placeOfBirth ? [person.placeOfBirth] : [];
    case 'countryOfBirth':
      return person.countryOfBirth ? [countryName(person.countryOfBirth)] : [];
    case 'nationalities':
      return person.nationalities.map(countryName);
    case 'identifiers':
      return person.identifiers.map((i) => `${t(`people.identifierKinds.${i.kind}`)}: ${i.value}`);
    case 'languages':
      return person.languages.map((l) =>
        [languageLabel(l.language), l.motherTongue ? t('personMerge.motherTongue') : null, l.level]
          .filter(Boolean)
          .join(', '),
      );
    case 'germanLevels':
      return GERMAN_SKILLS.filter((skill) => person.germanLevels[skill]).map(
        (skill) => `${t(`personMerge.germanSkills.${skill}`)}: ${person.germanLevels[skill]}`,
      );
    case 'interpreter':
      return [
        person.interpreter.needed
          ? person.interpreter.language
            ? t('personMerge.interpreterFor', { language: languageLabel(person.interpreter.language) })
            : t('personMerge.interpreterNeeded')
          : t('personMerge.interpreterNotNeeded'),
      ];
    case 'contacts':
      return person.contacts.map((c) => {
        const kind = c.service
          ? `${t(`people.contactKinds.${c.kind}`)} (${t(`people.messengerServices.${c.service}`)})`
          : t(`people.contactKinds.${c.kind}`);
        const consent = c.consentToUse
          ? c.consentRecordedOn
            ? t('personMerge.consentOn', { date: formatDay(c.consentRecordedOn) })
            : t('personMerge.consentYes')
          : t('personMerge.consentNo');
        return `${kind}: ${c.value} – ${consent}`;
      });
    case 'addresses':
      return person.addresses.map((a) => {
        const line = `${a.street} ${a.houseNumber}${a.addressSuffix ? `, ${a.addressSuffix}` : ''}, ${a.postalCode} ${a.city}`;
        const when = period(a.validFrom, a.validUntil, t);
        const state = a.current ? t('personMerge.current') : t('personMerge.past');
        return `${line} (${[t(`people.addressKinds.${a.kind}`), state, when].filter(Boolean).join(', ')})`;
      });
    case 'households':
      return person.households.map((h) => {
        const label = h.name ?? t(`households.kinds.${h.kind}`);
        const when = period(h.validFrom, h.validUntil, t);
        return `${label}: ${t(`households.relationships.${h.relationship}`)}${when ? ` (${when})` : ''}`;
      });
    case 'registeredBy':
      return [person.registeredBy.name];
    case 'createdAt':
      return [formatDateTime(person.createdAt)];
  }
}

/** "Mohammed Al-Hussein, 15.03.1990" — how the screen names one record. */
export function recordLabel(person: Person, t: TFunction): string {
  return person.dateOfBirth ? `${personName(person)}, ${formatDateOfBirth(person.dateOfBirth, t)}` : personName(person);
}
