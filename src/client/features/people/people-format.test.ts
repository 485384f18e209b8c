import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { uiDe } from '../../../shared/i18n/ui-de';
import { uiEn } from '../../../shared/i18n/ui-en';
import { countryName, formatDateOfBirth, percent, personName } from './people-format';
import { personFormSchema } from './person-form-schema';

beforeAll(async () => {
  await i18next.init({ resources: { de: { translation: uiDe }, en: { translation: uiEn } }, lng: 'de' });
});

const t = i18next.t.bind(i18next);

describe('formatDateOfBirth', () => {
  it('shows the known parts and the precision', () => {
    expect(formatDateOfBirth({ value: '1990-03-15', precision: 'day', placeholder: false }, t)).toBe('15.03.1990');
    expect(formatDateOfBirth({ value: '15.03.1990', precision: 'day', placeholder: false }, t)).toBe('15.03.1990');
    expect(formatDateOfBirth({ value: '00.00.1990', precision: 'year', placeholder: false }, t)).toBe('1990 (nur Jahr)');
    expect(formatDateOfBirth({ value: '1990-05', precision: 'month', placeholder: false }, t)).toBe(
      '05.1990 (nur Monat und Jahr)',
    );
    expect(formatDateOfBirth({ value: '01.01.1990', precision: 'day', placeholder: true }, t)).toBe(
      '01.01.1990 – Platzhalterdatum',
    );
    expect(formatDateOfBirth(null, t)).toBe('nicht angegeben');
  });
});

describe('names, countries and scores', () => {
  it('respects the name order', () => {
    expect(personName({ givenNames: 'Mohammed', familyName: 'Al-Hussein' })).toBe('Mohammed Al-Hussein');
    expect(personName({ givenNames: 'Wei', familyName: 'Zhang', nameOrder: 'family_given' })).toBe('Zhang Wei');
  });

  it('names countries in the UI language', () => {
    expect(countryName('SY')).toBe('Syrien (SY)');
    expect(countryName('QQ')).toBe('QQ');
  });

  it('rounds scores to percent', () => {
    expect(percent(0.934)).toBe(93);
    expect(percent(1.2)).toBe(100);
  });
});

describe('personFormSchema', () => {
  const base = {
    givenNames: 'Mohammed',
    familyName: 'Al-Hussein',
    nameOrder: 'given_family',
    sex: 'male',
    dateOfBirth: '',
    placeOfBirth: ' ',
    countryOfBirth: 'sy',
    nationalities: 'sy, tr',
    nameVariants: [{ kind: 'alias', givenNames: 'Mo', familyName: '', script: '' }],
    identifiers: [{ kind: 'azr', value: '123456789012' }],
  };

  it('turns the form into the request fields', () => {
    const result = personFormSchema.parse(base);
    expect(result).toMatchObject({
      dateOfBirth: null,
      placeOfBirth: null,
      countryOfBirth: 'SY',
      nationalities: ['SY', 'TR'],
      nameVariants: [{ kind: 'alias', givenNames: 'Mo', familyName: null, script: null }],
    });
  });

  it('explains wrong identifier and nationality formats in German', () => {
    const result = personFormSchema.safeParse({
      ...base,
      nationalities: 'Syrien',
      identifiers: [{ kind: 'bamf', value: '123' }],
    });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(messages).toContain('nationalities: Bitte geben Sie bis zu 5 zweistellige Ländercodes ein, z. B. SY, TR.');
    expect(messages).toContain('identifiers.0.value: Das BAMF-Aktenzeichen hat die Form 1234567-438.');
  });
});
