import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeFieldNames } from '../../../shared/contracts/person-merge';
import type { Person } from '../../../shared/contracts/people';
import { uiDe } from '../../../shared/i18n/ui-de';
import { uiEn } from '../../../shared/i18n/ui-en';
import {
  canonicalDateOfBirth,
  chosenSide,
  compareRecords,
  comparisonRows,
  mergePreview,
  rowLines,
  takeFields,
  type RowKey,
} from './merge-comparison';

beforeAll(async () => {
  await i18next.init({ resources: { de: { translation: uiDe }, en: { translation: uiEn } }, lng: 'de' });
});

const t = i18next.t.bind(i18next);

function person(overrides: Partial<Person> = {}): Person {
  return {
    id: '00000000-0000-4000-8000-00000000000a',
    version: 1,
    givenNames: 'Mohammed',
    familyName: 'Al-Hussein',
    nameOrder: 'given_family',
    nameVariants: [],
    sex: 'male',
    dateOfBirth: { value: '15.03.1990', precision: 'day', placeholder: false },
    placeOfBirth: 'Aleppo',
    countryOfBirth: 'SY',
    nationalities: ['SY'],
    identifiers: [],
    languages: [],
    germanLevels: {},
    interpreter: { needed: false, language: null },
    contacts: [],
    addresses: [],
    households: [],
    mergedInto: null,
    registeredBy: { id: '00000000-0000-4000-8000-0000000000f1', name: 'Sachbearbeitung Sozialamt' },
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    access: { grounds: ['registered'], categories: ['identity', 'contact'], withheld: [] },
    ...overrides,
  };
}

const differing = (a: Person, b: Person): RowKey[] =>
  compareRecords(a, b)
    .filter((r) => r.differs)
    .map((r) => r.key);

describe('comparisonRows', () => {
  it('lets the caseworker choose exactly the fields the merge request can take', () => {
    const choice = comparisonRows.filter((row) => row.kind === 'choice').map((row) => row.key);
    expect([...choice].sort()).toEqual([...mergeFieldNames].sort());
  });
});

describe('compareRecords', () => {
  it('finds nothing different in the same record', () => {
    expect(differing(person(), person())).toEqual([]);
  });

  it('marks the rows whose values differ', () => {
    const a = person();
    const b = person({
      id: '00000000-0000-4000-8000-00000000000b',
      givenNames: 'Muhamad',
      familyName: 'Husain',
      placeOfBirth: 'Halab',
      identifiers: [{ kind: 'azr', value: '123456789012' }],
      germanLevels: { speaking: 'A2' },
      createdAt: '2026-11-22T10:00:00.000Z',
    });
    expect(differing(a, b)).toEqual([
      'givenNames',
      'familyName',
      'placeOfBirth',
      'identifiers',
      'germanLevels',
      'createdAt',
    ]);
  });

  it('treats another notation of the same date as equal, but not another precision', () => {
    const iso = person({ dateOfBirth: { value: '1990-03-15', precision: 'day', placeholder: false } });
    expect(differing(person(), iso)).not.toContain('dateOfBirth');
    const yearOnly = person({ dateOfBirth: { value: '00.00.1990', precision: 'year', placeholder: false } });
    expect(differing(person(), yearOnly)).toContain('dateOfBirth');
    expect(differing(person(), person({ dateOfBirth: null }))).toContain('dateOfBirth');
  });

  it('compares lists as sets and ignores case and spacing in place names', () => {
    const a = person({ nationalities: ['SY', 'TR'], placeOfBirth: 'Aleppo ' });
    const b = person({ nationalities: ['TR', 'SY'], placeOfBirth: 'aleppo' });
    expect(differing(a, b)).toEqual([]);
    expect(differing(a, person({ nationalities: ['SY'] }))).toEqual(['nationalities']);
  });
});

describe('canonicalDateOfBirth', () => {
  it('puts every notation into year-month-day with unknown parts as ??', () => {
    expect(canonicalDateOfBirth('15.03.1990')).toBe('1990-03-15');
    expect(canonicalDateOfBirth('1990-03-15')).toBe('1990-03-15');
    expect(canonicalDateOfBirth('00.03.1990')).toBe('1990-03-??');
    expect(canonicalDateOfBirth('1990-xx')).toBe('1990-??-??');
    expect(canonicalDateOfBirth('1990')).toBe('1990-??-??');
    expect(canonicalDateOfBirth(null)).toBe('');
  });
});

describe('choices and takeFields', () => {
  const a = person();
  const b = person({ id: '00000000-0000-4000-8000-00000000000b', givenNames: 'Muhamad', placeOfBirth: 'Halab' });
  const rows = compareRecords(a, b);

  it('keeps the surviving record’s value unless the caseworker picked the other', () => {
    expect(chosenSide({}, 'givenNames', 'a')).toBe('a');
    expect(chosenSide({}, 'givenNames', 'b')).toBe('b');
    expect(chosenSide({ givenNames: 'b' }, 'givenNames', 'a')).toBe('b');
    expect(takeFields({}, 'a', rows)).toEqual([]);
  });

  it('takes the fields picked from the merged record', () => {
    expect(takeFields({ givenNames: 'b' }, 'a', rows)).toEqual(['givenNames']);
    // The same pick with B surviving means B's value stays: nothing to take from A.
    expect(takeFields({ givenNames: 'b' }, 'b', rows)).toEqual([]);
    expect(takeFields({ givenNames: 'b', placeOfBirth: 'a' }, 'b', rows)).toEqual(['placeOfBirth']);
  });

  it('leaves out fields on which both records agree', () => {
    expect(takeFields({ sex: 'b', familyName: 'b' }, 'a', rows)).toEqual([]);
  });
});

describe('mergePreview', () => {
  const survivor = person({
    nameVariants: [{ kind: 'original_script', givenNames: 'محمد', familyName: 'الحسين', script: 'Arab' }],
    nationalities: ['SY'],
    identifiers: [{ kind: 'azr', value: '123456789012' }],
    languages: [{ language: 'ar', motherTongue: true, level: null }],
  });
  const merged = person({
    id: '00000000-0000-4000-8000-00000000000b',
    givenNames: 'Muhamad',
    familyName: 'Husain',
    placeOfBirth: 'Halab',
    nationalities: ['TR', 'SY'],
    identifiers: [
      { kind: 'azr', value: '123456789012' },
      { kind: 'bamf', value: '1234567-438' },
    ],
    languages: [
      { language: 'ar', motherTongue: true, level: null },
      { language: 'tr', motherTongue: false, level: 'gut' },
    ],
    contacts: [
      {
        kind: 'phone',
        value: '+49 208 1234',
        service: null,
        consentToUse: true,
        consentRecordedOn: '2026-11-01',
        note: null,
      },
    ],
  });

  it('keeps the survivor’s values and adds the merged record’s name as a spelling', () => {
    const result = mergePreview(survivor, merged, []);
    expect(result.id).toBe(survivor.id);
    expect(result.givenNames).toBe('Mohammed');
    expect(result.placeOfBirth).toBe('Aleppo');
    expect(result.nameVariants.map((v) => `${v.givenNames} ${v.familyName}`)).toEqual([
      'محمد الحسين',
      'Muhamad Husain',
    ]);
    expect(result.nameVariants[1]?.kind).toBe('alias');
  });

  it('adds a spelling only once, whatever its case or spacing', () => {
    const other = person({
      id: '00000000-0000-4000-8000-00000000000b',
      givenNames: 'MOHAMMED ',
      familyName: 'al-hussein',
      nameVariants: [{ kind: 'transliteration', givenNames: 'Muhammad', familyName: 'Al Husain', script: null }],
    });
    const result = mergePreview(survivor, other, []);
    expect(result.nameVariants.map((v) => `${v.givenNames} ${v.familyName}`)).toEqual([
      'محمد الحسين',
      'Muhammad Al Husain',
    ]);
  });

  it('takes the picked fields and keeps the replaced name as a spelling too', () => {
    const result = mergePreview(survivor, merged, ['givenNames', 'placeOfBirth']);
    expect(result.givenNames).toBe('Muhamad');
    expect(result.familyName).toBe('Al-Hussein');
    expect(result.placeOfBirth).toBe('Halab');
    const spellings = result.nameVariants.map((v) => `${v.givenNames} ${v.familyName}`);
    expect(spellings).toContain('Mohammed Al-Hussein');
    expect(spellings).toContain('Muhamad Husain');
  });

  it('does not list the new main name as its own variant', () => {
    const result = mergePreview(survivor, merged, ['givenNames', 'familyName']);
    expect(result.nameVariants.map((v) => `${v.givenNames} ${v.familyName}`)).toEqual([
      'محمد الحسين',
      'Mohammed Al-Hussein',
    ]);
  });

  it('unites lists without repeating an entry', () => {
    const result = mergePreview(survivor, merged, []);
    expect(result.nationalities).toEqual(['SY', 'TR']);
    expect(result.identifiers).toEqual([
      { kind: 'azr', value: '123456789012' },
      { kind: 'bamf', value: '1234567-438' },
    ]);
    expect(result.languages.map((l) => l.language)).toEqual(['ar', 'tr']);
    expect(result.contacts).toHaveLength(1);
    expect(result.registeredBy).toEqual(survivor.registeredBy);
  });

  it('recognises the same phone number written differently', () => {
    const phone = (value: string) => ({
      kind: 'phone' as const,
      value,
      service: null,
      consentToUse: false,
      consentRecordedOn: null,
      note: null,
    });
    const result = mergePreview(
      person({ contacts: [phone('+49 208 1234')] }),
      person({ contacts: [phone('+49-208-1234'), phone('+49 208 9999')] }),
      [],
    );
    expect(result.contacts.map((c) => c.value)).toEqual(['+49 208 1234', '+49 208 9999']);
  });
});

describe('rowLines', () => {
  it('describes values in German', () => {
    const p = person({
      identifiers: [{ kind: 'bamf', value: '1234567-438' }],
      germanLevels: { speaking: 'A2', reading: 'A1' },
      interpreter: { needed: true, language: 'ar' },
      contacts: [
        {
          kind: 'messenger',
          value: '+49 170 1',
          service: 'signal',
          consentToUse: true,
          consentRecordedOn: '2026-11-01',
          note: null,
        },
      ],
    });
    expect(rowLines(p, 'dateOfBirth', t)).toEqual(['15.03.1990']);
    expect(rowLines(p, 'identifiers', t)).toEqual(['BAMF-Aktenzeichen: 1234567-438']);
    expect(rowLines(p, 'germanLevels', t)).toEqual(['Lesen: A1', 'Sprechen: A2']);
    expect(rowLines(p, 'interpreter', t)).toEqual(['benötigt für Arabisch (ar)']);
    expect(rowLines(p, 'contacts', t)).toEqual(['Messenger (Signal): +49 170 1 – Einwilligung vom 01.11.2026']);
    expect(rowLines(p, 'placeOfBirth', t)).toEqual(['Aleppo']);
    expect(rowLines(person({ placeOfBirth: null }), 'placeOfBirth', t)).toEqual([]);
  });
});
