import { describe, expect, it } from 'vitest';
import { consentLanguages } from '../../../shared/contracts/consent';
import { dataCategories } from '../../../shared/domain/data-protection/data-categories';
import { consentFormData, fillBody, germanDate } from './consent-form';
import { categoryWords, consentFormLabels, consentTextEntries } from './consent-texts';

const draft = {
  categories: ['identity', 'health'] as const,
  recipients: ['Gesundheitsamt', 'Jobcenter'],
  purpose: 'Abstimmung #set [x]',
  givenOn: '2026-01-10',
  expiresOn: '2027-01-09',
  recorder: 'Sozialamt',
};

describe('consent texts', () => {
  it('exist in version 1 for every language, each with every placeholder once', () => {
    for (const language of consentLanguages) {
      const entries = consentTextEntries.filter((e) => e.language === language && e.version === 1);
      expect(entries, language).toHaveLength(1);
      for (const placeholder of ['{categories}', '{recipients}', '{purpose}', '{givenOn}', '{expiresOn}', '{recorder}'])
        expect(entries[0]!.body.split(placeholder), `${language} ${placeholder}`).toHaveLength(2);
    }
  });

  it('name every category and every label in every language', () => {
    for (const language of consentLanguages) {
      for (const category of dataCategories) {
        const w = categoryWords(category, language);
        expect(w.label.length, `${language} ${category}`).toBeGreaterThan(2);
        expect(w.description.length, `${language} ${category}`).toBeGreaterThan(4);
      }
      for (const label of Object.values(consentFormLabels)) expect(label[language].length).toBeGreaterThan(1);
    }
  });
});

describe('the consent form data', () => {
  it('fills the placeholders and turns the list paragraphs into lists', () => {
    const german = consentTextEntries.find((e) => e.language === 'de')!;
    const blocks = fillBody(german.body, 'de', { ...draft, categories: [...draft.categories] });
    expect(blocks).toContainEqual({ kind: 'list', items: ['Gesundheitsamt', 'Jobcenter'] });
    expect(blocks).toContainEqual({
      kind: 'list',
      items: [expect.stringMatching(/^Identität: /), 'Gesundheit: Gesundheit, ärztliche Unterlagen'],
    });
    const text = blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : [])).join('\n');
    expect(text).toContain('Zweck: Abstimmung #set [x]');
    expect(text).toContain('vom 10.01.2026 bis zum 09.01.2027');
    expect(text).not.toMatch(/\{[a-z]+\}/i);
  });

  it('prints the translation first and the German original second; German alone for German', () => {
    const texts = (language: string) => ({
      translated: consentTextEntries.find((e) => e.language === language)!,
      german: consentTextEntries.find((e) => e.language === 'de')!,
    });
    const common = {
      ...draft,
      categories: [...draft.categories],
      municipality: 'Mülheim an der Ruhr',
      personName: 'A B',
      dateOfBirth: '1990-00-00',
      printedOn: '2026-01-10',
    };
    const fa = consentFormData({ ...common, language: 'fa', texts: texts('fa') });
    expect(fa.parts.map((p) => [p.lang, p.direction])).toEqual([
      ['fa', 'rtl'],
      ['de', 'ltr'],
    ]);
    expect(fa.signatures[1]).toBe('Unterschrift der einwilligenden Person / امضای شخص رضایت‌دهنده');
    expect(fa.person.rows[1]!.value).toBe('00.00.1990'); // unknown parts as the register writes them
    const de = consentFormData({ ...common, language: 'de', texts: texts('de') });
    expect(de.parts).toHaveLength(1);
    expect(de.signatures[0]).toBe('Ort, Datum');
  });

  it('writes dates the German way', () => {
    expect(germanDate('2026-01-10')).toBe('10.01.2026');
    expect(germanDate('1990')).toBe('1990');
  });
});
