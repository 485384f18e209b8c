import { describe, expect, it } from 'vitest';
import {
  DUPLICATE_CANDIDATE_THRESHOLD,
  LIKELY_DUPLICATE_THRESHOLD,
  duplicateBand,
  scoreDuplicate,
} from './duplicate-scoring';
import { formatReasons, matchReasonCodes } from './match-reasons';
import { analysePerson, type PersonMatchInput } from './person-analysis';

const DOB = '1990-05-12';
const person = (
  givenNames: string,
  familyName: string,
  dateOfBirth: string | null = DOB,
  extra: Partial<PersonMatchInput> = {},
): PersonMatchInput => ({
  givenNames,
  familyName,
  dateOfBirth,
  ...extra,
});
const score = (a: PersonMatchInput, b: PersonMatchInput): number => scoreDuplicate(a, b).score;
const codes = (a: PersonMatchInput, b: PersonMatchInput): string[] => scoreDuplicate(a, b).reasons.map((r) => r.code);

describe('thresholds', () => {
  it('are ordered and map to bands', () => {
    expect(DUPLICATE_CANDIDATE_THRESHOLD).toBeLessThan(LIKELY_DUPLICATE_THRESHOLD);
    expect(duplicateBand(0.95)).toBe('likely_duplicate');
    expect(duplicateBand(0.7)).toBe('candidate');
    expect(duplicateBand(0.6)).toBe('none');
    expect(duplicateBand(0.2)).toBe('none');
  });
});

describe('every spelling family of the issue matches (same family name and date of birth)', () => {
  const families: readonly (readonly string[])[] = [
    ['Mohammed', 'Muhammad', 'Mohamad', 'Mehmet', 'Mohamed', 'Maxamed'],
    ['Abdulrahman', 'Abd al-Rahman', 'Abdel Rahman', 'Abdurrahman', 'Abdirahman'],
    ['Hussein', 'Husain', 'Hossein', 'Hussain', 'Hüseyin'],
    ['Yusuf', 'Youssef', 'Yousef', 'Jusuf'],
    ['Oleksandr', 'Aleksandr', 'Olexandr', 'Alexander'],
    ['Gebremedhin', 'Ghebremedhin', 'Gebre Medhin'], // Tigrinya
    ['Yohannes', 'Johannes', 'Yohanes'],
    ['Tesfay', 'Tesfaye', 'Tesfai'],
    ['Ghulam', 'Gholam', 'Gulam'], // Dari/Pashto
    ['Nasrullah', 'Nasr Ullah', 'Nasrollah'],
    ['Fereshteh', 'Freshta', 'Fereshta'],
    ['Zabihullah', 'Zabiullah'],
  ];
  for (const family of families) {
    for (let i = 0; i < family.length; i++) {
      for (let j = i + 1; j < family.length; j++) {
        const a = family[i] as string;
        const b = family[j] as string;
        it(`${a} ~ ${b}`, () => {
          const s = scoreDuplicate(person(a, 'Karimi'), person(b, 'Karimi'));
          expect(s.score).toBeGreaterThanOrEqual(LIKELY_DUPLICATE_THRESHOLD);
          expect(s.band).toBe('likely_duplicate');
        });
      }
    }
  }
});

describe('diacritics, swapped names, particles and typos match', () => {
  it.each<[string, PersonMatchInput, PersonMatchInput]>([
    ['Çelik / Celik', person('Ayşe', 'Çelik'), person('Ayse', 'Celik')],
    ['Özdemir / Oezdemir', person('Mehmet', 'Özdemir'), person('Mehmet', 'Oezdemir')],
    ['Özdemir / Ozdemir', person('Mehmet', 'Özdemir'), person('Mehmet', 'Ozdemir')],
    ['swapped given and family name', person('Mohammed', 'Hussein'), person('Hussein', 'Mohammed')],
    ['swapped and respelled', person('Mohammed', 'Hussein'), person('Hossein', 'Mohamad')],
    ['al- dropped', person('Omar', 'Al-Halabi'), person('Omar', 'Halabi')],
    ['el- / al-', person('Omar', 'El-Masri'), person('Omar', 'al Masri')],
    ['bin dropped', person('Ahmed bin Ali', 'Al-Tamimi'), person('Ahmed Ali', 'Tamimi')],
    ['abu joined', person('Abu Bakr', 'Diallo'), person('Abubakar', 'Diallo')],
    ['Abd al-Rahman / Abdulrahman', person('Abd al-Rahman', 'Hamdan'), person('Abdulrahman', 'Hamdan')],
    ['typo Mohammmed', person('Mohammed', 'Rezaei'), person('Mohammmed', 'Rezaei')],
    ['typo Hussien', person('Hussein', 'Rezaei'), person('Hussien', 'Rezaei')],
    ['typo in an unknown family name', person('Amina', 'Brinkhoffmann'), person('Amina', 'Brinkhofmann')],
    ['middle name missing', person('Mohammad Nabi', 'Ahmadi'), person('Nabi', 'Ahmadi')],
    ['written together', person('Ali Reza', 'Ahmadi'), person('Alireza', 'Ahmady')],
    ['Cyrillic record', person('Олександр', 'Шевченко'), person('Oleksandr', 'Shevchenko')],
  ])('%s', (_label, a, b) => {
    expect(score(a, b)).toBeGreaterThanOrEqual(LIKELY_DUPLICATE_THRESHOLD);
  });
});

describe('clearly different people do not match', () => {
  it.each<[string, PersonMatchInput, PersonMatchInput]>([
    ['Ahmad vs Mahmoud', person('Ahmad', 'Karimi'), person('Mahmoud', 'Karimi')],
    ['Ali vs Alia', person('Ali', 'Hassan'), person('Alia', 'Hassan')],
    ['Hassan vs Hussein (twins)', person('Hassan', 'Ahmadi'), person('Hussein', 'Ahmadi')],
    ['Samir vs Samira', person('Samir', 'Haddad'), person('Samira', 'Haddad')],
    ['other family name', person('Mohammed', 'Hussein'), person('Mohammed', 'Hassan')],
    [
      'same name, other date of birth',
      person('Yusuf', 'Karimi', '1990-05-12'),
      person('Yusuf', 'Karimi', '1987-11-03'),
    ],
    ['unrelated', person('Olena', 'Melnyk'), person('Fatima', 'Diallo')],
  ])('%s', (_label, a, b) => {
    expect(score(a, b)).toBeLessThan(DUPLICATE_CANDIDATE_THRESHOLD);
  });

  it('ranks a true variant above a different name with the same skeleton (Hassan/Hussein)', () => {
    const variant = score(person('Hussein', 'Ahmadi'), person('Husain', 'Ahmadi'));
    const other = score(person('Hussein', 'Ahmadi'), person('Hassan', 'Ahmadi'));
    expect(variant).toBeGreaterThan(other + 0.5);
  });
});

describe('date of birth', () => {
  const a = person('Yusuf', 'Karimi', '1990-05-12');
  const withDob = (dob: string | null): number => score(a, person('Youssef', 'Karimi', dob));

  it('orders the kinds of agreement', () => {
    const exact = withDob('12.05.1990');
    const swapped = withDob('1990-12-05');
    const close = withDob('1990-05-13');
    const sameYear = withDob('01.01.1990');
    const unknown = withDob(null);
    const different = withDob('1975-02-03');
    expect(exact).toBeGreaterThan(swapped);
    expect(swapped).toBeGreaterThan(close);
    expect(close).toBeGreaterThan(sameYear);
    expect(sameYear).toBeGreaterThan(unknown);
    expect(unknown).toBeGreaterThan(different);
    expect(different).toBeLessThan(0.01);
  });

  it('treats 01.01. and 00.00. as year only', () => {
    expect(withDob('01.01.1990')).toBeCloseTo(withDob('00.00.1990'), 10);
    expect(withDob('01.01.1990')).toBeCloseTo(withDob('1990'), 10);
    expect(codes(a, person('Yusuf', 'Karimi', '00.00.1990'))).toContain('dob_placeholder');
  });

  it('accepts the year one off for a year-only date', () => {
    expect(withDob('01.01.1991')).toBeGreaterThan(withDob('01.01.1994'));
  });

  it('makes a same-name pair a likely duplicate only with date evidence', () => {
    const noDob = score(person('Yusuf', 'Karimi', null), person('Yusuf', 'Karimi', null));
    expect(noDob).toBeLessThan(LIKELY_DUPLICATE_THRESHOLD);
    expect(score(person('Yusuf', 'Karimi'), person('Yusuf', 'Karimi'))).toBeGreaterThan(LIKELY_DUPLICATE_THRESHOLD);
  });
});

describe('weak evidence: place of birth and nationality', () => {
  it('adds a little for the same place and nationality, takes a little for different ones', () => {
    const base = score(person('Yusuf', 'Karimi', '01.01.1990'), person('Yusuf', 'Karimi', '1990'));
    const same = score(
      person('Yusuf', 'Karimi', '01.01.1990', { placeOfBirth: 'Herat', nationality: 'AFG' }),
      person('Yusuf', 'Karimi', '1990', { placeOfBirth: 'HERAT', nationality: 'afg' }),
    );
    const different = score(
      person('Yusuf', 'Karimi', '01.01.1990', { placeOfBirth: 'Herat', nationality: 'AFG' }),
      person('Yusuf', 'Karimi', '1990', { placeOfBirth: 'Kabul', nationality: 'IRN' }),
    );
    expect(same).toBeGreaterThan(base);
    expect(different).toBeLessThan(base);
    expect(
      codes(person('A', 'B', null, { nationality: 'SYR' }), person('A', 'B', null, { nationality: 'SYR' })),
    ).toContain('nationality_same');
  });
});

describe('other recorded names', () => {
  it('uses the best-matching recorded spelling', () => {
    const registered = person('Mohammed', 'Al-Sayed', DOB, {
      otherNames: [{ givenNames: 'Mohammed', familyName: 'Hashemi' }],
    });
    expect(score(registered, person('Mohamed', 'Hashimi'))).toBeGreaterThan(LIKELY_DUPLICATE_THRESHOLD);
  });
});

describe('reasons', () => {
  it('explains a duplicate with codes and German and English texts, strongest evidence first', () => {
    const r = scoreDuplicate(person('Hussein', 'Ahmadi'), person('Hussein', 'Ahmady'));
    expect(r.reasons[0]).toEqual({
      code: 'dob_exact',
      de: 'gleiches Geburtsdatum',
      en: 'same date of birth',
      evidence: 'for',
    });
    // Ahmadi is rarer than Hussein, so agreeing on it weighs more even though it is respelled.
    expect(r.reasons.map((x) => x.code)).toEqual(['dob_exact', 'family_name_spelling', 'given_name_same']);
  });

  it("reads 'same date of birth; family name sounds the same'", () => {
    const r = scoreDuplicate(person('Amina', 'Brinkhoffmann'), person('Amina', 'Brinkhaffmann'));
    expect(formatReasons(r.reasons, 'en')).toBe('same date of birth; family name sounds the same; same given name');
    expect(formatReasons(r.reasons, 'de')).toBe('gleiches Geburtsdatum; Familienname klingt gleich; gleicher Vorname');
  });

  it('names swapped order, transliteration and dictionary variants', () => {
    expect(codes(person('Mohammed', 'Hussein'), person('Hossein', 'Mehmet'))).toEqual([
      'dob_exact',
      'given_name_spelling',
      'family_name_variant',
      'names_swapped',
    ]);
  });

  it('lists evidence for the match first, neutral notes next, evidence against last', () => {
    const r = scoreDuplicate(
      person('Yusuf Ali', 'Karimi', '1990-05-12', { nationality: 'AFG' }),
      person('Youssef', 'Rahimi', '1990-12-05', { nationality: 'IRN' }),
    );
    const evidence = r.reasons.map((x) => x.evidence);
    expect(evidence).toEqual(
      [...evidence].sort((x, y) => ['for', 'neutral', 'against'].indexOf(x) - ['for', 'neutral', 'against'].indexOf(y)),
    );
    expect(r.reasons.map((x) => x.code)).toEqual([
      'dob_day_month_swapped',
      'given_name_variant',
      'name_part_missing',
      'family_name_different',
      'nationality_different',
    ]);
  });

  it('reports a placeholder date and the day/month swap', () => {
    expect(codes(person('Yusuf', 'Karimi', '1990-05-12'), person('Yusuf', 'Karimi', '01.01.1990'))).toEqual([
      'name_identical',
      'dob_same_year',
      'dob_placeholder',
    ]);
    expect(codes(person('Yusuf', 'Karimi', '1990-05-12'), person('Yusuf', 'Karimi', '1990-12-05'))).toEqual([
      'dob_day_month_swapped',
      'name_identical',
    ]);
  });

  it('uses only known codes, each with German and English text', () => {
    const r = scoreDuplicate(person('Mohammad Nabi', 'Ahmadi', '1990-05-12'), person('Nabi', 'Ahmady', '12.05.1991'));
    for (const reason of r.reasons) {
      expect(matchReasonCodes).toContain(reason.code);
      expect(reason.de.length).toBeGreaterThan(5);
      expect(reason.en.length).toBeGreaterThan(5);
    }
  });
});

describe('scoreDuplicate input forms', () => {
  it('gives the same result for raw and analysed persons', () => {
    const a = person('Abd al-Rahman', 'Al-Hassan', '01.01.2001');
    const b = person('Abdulrahman', 'Hasan', '2001');
    expect(scoreDuplicate(analysePerson(a), analysePerson(b))).toEqual(scoreDuplicate(a, b));
  });

  it('scores empty records without failing', () => {
    expect(scoreDuplicate({}, {}).score).toBeGreaterThanOrEqual(0);
    expect(scoreDuplicate({}, {}).band).toBe('none');
  });
});
