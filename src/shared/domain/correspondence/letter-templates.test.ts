import { describe, expect, it } from 'vitest';
import { letterLanguages, letterTemplateKeys } from '../../contracts/letters';
import {
  allowedPlaceholders,
  fillLetter,
  fillPlaceholders,
  letterParts,
  letterTemplate,
  letterTexts,
  malformedFields,
  missingRequiredFields,
  placeholdersIn,
  UnknownPlaceholderError,
  type LetterParagraph,
} from './letter-templates';

const texts = (p: LetterParagraph) => (typeof p === 'string' ? p : p.text);

describe('letter template catalogue', () => {
  it('has every template in every language', () => {
    for (const language of letterLanguages) {
      for (const key of letterTemplateKeys) {
        const t = letterTexts[language].templates[key];
        expect(t, `${language}/${key}`).toBeDefined();
        expect(t.subject.trim().length).toBeGreaterThan(0);
        expect(t.paragraphs.length).toBeGreaterThan(0);
      }
    }
  });

  it('uses only placeholders the template knows, in every language', () => {
    for (const language of letterLanguages) {
      const lang = letterTexts[language];
      for (const key of letterTemplateKeys) {
        const allowed = allowedPlaceholders(letterTemplate(key));
        const t = lang.templates[key];
        const all = [
          t.subject,
          lang.salutation,
          lang.closing,
          ...t.paragraphs.map(texts),
          ...(t.notice ? [t.notice.heading, ...t.notice.paragraphs.map(texts)] : []),
        ];
        for (const text of all) {
          for (const name of placeholdersIn(text))
            expect(allowed.has(name), `${language}/${key}: {${name}}`).toBe(true);
        }
        for (const p of [...t.paragraphs, ...(t.notice?.paragraphs ?? [])]) {
          if (typeof p !== 'string') expect(allowed.has(p.when), `${language}/${key}: when ${p.when}`).toBe(true);
        }
      }
    }
  });

  it('uses every required field in the German original and in each translation', () => {
    for (const key of letterTemplateKeys) {
      const required = letterTemplate(key)
        .fields.filter((f) => f.required)
        .map((f) => f.key);
      for (const language of letterLanguages) {
        const t = letterTexts[language].templates[key];
        const used = new Set(
          [t.subject, ...t.paragraphs.map(texts), ...(t.notice?.paragraphs.map(texts) ?? [])].flatMap(placeholdersIn),
        );
        for (const f of required) expect(used.has(f), `${language}/${key} uses {${f}}`).toBe(true);
      }
    }
  });

  it('names the legal bases in the German notices', () => {
    const de = letterTexts.de.templates;
    const notice = (k: keyof typeof de) => de[k].notice!.paragraphs.map(texts).join(' ');
    expect(notice('invitation')).toContain('§ 59');
    expect(notice('invitation')).toContain('§ 309 des Dritten Buches');
    expect(notice('invitation')).toContain('§ 32 SGB II');
    expect(notice('document_request')).toContain('§ 60');
    expect(de.sanction_hearing.subject).toContain('§ 24 SGB X');
    expect(notice('decision_cover')).toContain('innerhalb eines Monats');
    expect(de.appointment.notice).toBeNull();
  });
});

describe('fillPlaceholders', () => {
  it('fills known placeholders and leaves missing values empty', () => {
    expect(
      fillPlaceholders('Hallo {personName}, {topic}.', { personName: 'Amal' }, new Set(['personName', 'topic'])),
    ).toBe('Hallo Amal, .');
  });

  it('throws on a placeholder the template does not know', () => {
    expect(() => fillPlaceholders('{secret}', { secret: 'x' }, new Set(['personName']))).toThrow(
      UnknownPlaceholderError,
    );
  });

  it('does not evaluate braces inside values', () => {
    expect(fillPlaceholders('{a}', { a: '{b}' }, new Set(['a']))).toBe('{b}');
  });
});

describe('field checks', () => {
  it('names the missing required fields', () => {
    const missing = missingRequiredFields(letterTemplate('invitation'), { appointmentDate: '2026-12-01', topic: '  ' });
    expect(missing.map((f) => f.key)).toEqual(['appointmentTime', 'appointmentPlace', 'topic']);
  });

  it('finds malformed dates and times', () => {
    const bad = malformedFields(letterTemplate('invitation'), {
      appointmentDate: '01.12.2026',
      appointmentTime: '25:00',
      appointmentPlace: 'Raum 1',
    });
    expect(bad.map((f) => f.key)).toEqual(['appointmentDate', 'appointmentTime']);
  });
});

describe('fillLetter', () => {
  const values = {
    personName: 'Amal Haddad',
    agencyName: 'Jobcenter Mülheim',
    agencyAddress: 'Eppinghofer Str. 50',
    agencyContact: '0208 123',
    caseReference: 'F-2026-00001',
    today: '2026-11-24',
    appointmentDate: '2026-12-01',
    appointmentTime: '09:30',
    appointmentPlace: 'Raum 2.14',
    topic: 'Ihre berufliche Situation',
  };

  it('prints dates as DD.MM.YYYY and leaves out conditional paragraphs without a value', () => {
    const de = fillLetter('invitation', 'de', values);
    expect(de.subject).toBe('Einladung zu einem Termin am 01.12.2026 um 09:30 Uhr');
    expect(de.paragraphs.join('\n')).not.toContain('Bitte bringen Sie mit');
    expect(de.paragraphs.join('\n')).not.toContain('Dolmetscher');
    const withMore = fillLetter('invitation', 'de', { ...values, bringAlong: 'Pass', interpreterLanguage: 'ar' });
    expect(withMore.paragraphs.join('\n')).toContain('Bitte bringen Sie mit:\nPass');
    expect(withMore.paragraphs.join('\n')).toContain('Dolmetscher für Arabisch');
  });

  it('wraps values in left-to-right marks in a right-to-left letter', () => {
    const ar = fillLetter('invitation', 'ar', values);
    expect(ar.direction).toBe('rtl');
    expect(ar.subject).toContain('\u200e01.12.2026\u200e');
    expect(ar.translationNote).toBeTruthy();
  });

  it('puts the translation first and the German original after it; German alone for a German letter', () => {
    expect(letterParts('invitation', 'fa', values).map((p) => p.language)).toEqual(['fa', 'de']);
    expect(letterParts('invitation', 'de', values).map((p) => p.language)).toEqual(['de']);
  });
});
