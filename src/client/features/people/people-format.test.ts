import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { uiDe } from '../../../shared/i18n/ui-de';
import { uiEn } from '../../../shared/i18n/ui-en';
import { countryName, formatDateOfBirth, formatIsoDate, percent, personName, todayIso } from './people-format';
import { personFormSchema, personToForm } from './person-form-schema';

beforeAll(async () => {
  await i18next.init({ resources: { de: { translation: uiDe }, en: { translation: uiEn } }, lng: 'de' });
});

const t = i18next.t.bind(i18next);

describe('formatDateOfBirth', () => {
  it('shows the known parts and the precision', () => {
    expect(formatDateOfBirth({ value: '1990-03-15', precision: 'day', placeholder: false }, t)).toBe('15.03.1990');
    expect(formatDateOfBirth({ value: '15.03.1990', precision: 'day', placeholder: false }, t)).toBe('15.03.1990');
    expect(formatDateOfBirth({ value: '00.00.1990', precision: 'year', placeholder: false }, t)).toBe(
      '1990 (nur Jahr)',
    );
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

  it('formats calendar dates and today in the browser calendar', () => {
    expect(formatIsoDate('2026-03-31')).toBe('31.03.2026');
    expect(formatIsoDate(null)).toBe('');
    expect(formatIsoDate('2026-03')).toBe('2026-03');
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
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
    languages: [],
    germanLevels: { listening: '', reading: '', speaking: '', writing: '' },
    interpreter: { needed: false, language: '', otherLanguage: '' },
    contacts: [],
    addresses: [],
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

describe('personFormSchema: languages, contacts and addresses', () => {
  const base = {
    givenNames: 'Amanuel',
    familyName: 'Tesfaye',
    nameOrder: 'given_family',
    sex: 'male',
    dateOfBirth: '',
    placeOfBirth: '',
    countryOfBirth: '',
    nationalities: '',
    nameVariants: [],
    identifiers: [],
    languages: [
      { language: 'ti', otherLanguage: '', motherTongue: true, level: '' },
      { language: 'other', otherLanguage: 'TIG', motherTongue: false, level: 'fließend' },
    ],
    germanLevels: { listening: 'B1', reading: '', speaking: 'A2', writing: '' },
    interpreter: { needed: true, language: 'ti', otherLanguage: '' },
    contacts: [
      {
        kind: 'phone',
        value: '0208 455-0',
        service: 'signal',
        consentToUse: true,
        consentRecordedOn: '2026-02-01',
        note: '',
      },
      {
        kind: 'messenger',
        value: '+49 170 1234567',
        service: 'signal',
        consentToUse: false,
        consentRecordedOn: '2026-02-01',
        note: ' abends ',
      },
    ],
    addresses: [
      {
        kind: 'accommodation',
        street: 'Aktienstraße',
        houseNumber: '12a',
        postalCode: '45473',
        city: 'Mülheim an der Ruhr',
        addressSuffix: '',
        validFrom: '2026-01-10',
        validUntil: '',
      },
    ],
  };

  it('maps the inputs to the request shape', () => {
    const result = personFormSchema.parse(base);
    expect(result.languages).toEqual([
      { language: 'ti', motherTongue: true, level: null },
      { language: 'tig', motherTongue: false, level: 'fließend' },
    ]);
    // Skills left at "nicht eingeschätzt" are not sent at all.
    expect(result.germanLevels).toEqual({ listening: 'B1', speaking: 'A2' });
    expect(result.interpreter).toEqual({ needed: true, language: 'ti' });
    // A service only for messengers; a consent date only with consent.
    expect(result.contacts).toEqual([
      {
        kind: 'phone',
        value: '0208 455-0',
        service: null,
        consentToUse: true,
        consentRecordedOn: '2026-02-01',
        note: null,
      },
      {
        kind: 'messenger',
        value: '+49 170 1234567',
        service: 'signal',
        consentToUse: false,
        consentRecordedOn: null,
        note: 'abends',
      },
    ]);
    expect(result.addresses[0]).toMatchObject({
      kind: 'accommodation',
      addressSuffix: null,
      validFrom: '2026-01-10',
      validUntil: null,
    });
  });

  it('drops the interpreter language when no interpreter is needed', () => {
    const result = personFormSchema.parse({
      ...base,
      interpreter: { needed: false, language: 'ar', otherLanguage: '' },
    });
    expect(result.interpreter).toEqual({ needed: false, language: null });
  });

  it('explains conditional and format errors at the right field', () => {
    const result = personFormSchema.safeParse({
      ...base,
      languages: [
        { language: 'other', otherLanguage: 'tigrinya', motherTongue: false, level: '' },
        { language: '', otherLanguage: '', motherTongue: false, level: '' },
      ],
      interpreter: { needed: true, language: '', otherLanguage: '' },
      contacts: [
        { kind: 'email', value: 'kein-at', service: '', consentToUse: true, consentRecordedOn: '', note: '' },
        { kind: 'messenger', value: 'x', service: '', consentToUse: false, consentRecordedOn: '', note: '' },
        { kind: 'phone', value: '12', service: '', consentToUse: false, consentRecordedOn: '', note: '' },
      ],
      addresses: [{ ...base.addresses[0], postalCode: '4547', validUntil: '2025-12-31' }],
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]));
    expect(messages).toMatchObject({
      'languages.0.otherLanguage': 'Bitte geben Sie einen Sprachcode mit 2 oder 3 Buchstaben ein, z. B. tig.',
      'languages.1.language': 'Bitte wählen Sie eine Sprache aus.',
      'interpreter.language': 'Bitte wählen Sie eine Sprache aus.',
      'contacts.0.value': 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@stadt.de.',
      'contacts.0.consentRecordedOn': 'Bitte geben Sie an, wann die Einwilligung erfasst wurde.',
      'contacts.1.service': 'Bitte wählen Sie den Messenger-Dienst aus.',
      'contacts.2.value': 'Bitte geben Sie eine Telefonnummer mit mindestens 5 Ziffern ein, z. B. 0208 455-0.',
      'addresses.0.postalCode': 'Die Postleitzahl hat 5 Ziffern.',
      'addresses.0.validUntil': 'Das Ende darf nicht vor dem Beginn liegen.',
    });
  });

  it('turns a stored person back into form values, unlisted language codes as "other"', () => {
    const form = personToForm({
      id: '00000000-0000-4000-8000-000000000001',
      version: 3,
      givenNames: 'Amanuel',
      familyName: 'Tesfaye',
      nameOrder: 'given_family',
      nameVariants: [],
      sex: 'male',
      dateOfBirth: null,
      placeOfBirth: null,
      countryOfBirth: null,
      nationalities: [],
      identifiers: [],
      languages: [{ language: 'tig', motherTongue: true, level: null }],
      germanLevels: { reading: 'A1' },
      interpreter: { needed: true, language: 'ti' },
      contacts: [],
      addresses: [],
      households: [],
      mergedInto: null,
      registeredBy: { id: '00000000-0000-4000-8000-000000000002', name: 'S. Amt' },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      access: { grounds: ['registered'], categories: ['identity', 'contact'], withheld: [] },
    });
    expect(form.languages).toEqual([{ language: 'other', otherLanguage: 'tig', motherTongue: true, level: '' }]);
    expect(form.germanLevels).toEqual({ listening: '', reading: 'A1', speaking: '', writing: '' });
    expect(form.interpreter).toEqual({ needed: true, language: 'ti', otherLanguage: '' });
    expect(personFormSchema.parse({ ...base, ...form, givenNames: 'Amanuel' }).languages).toEqual([
      { language: 'tig', motherTongue: true, level: null },
    ]);
  });
});
