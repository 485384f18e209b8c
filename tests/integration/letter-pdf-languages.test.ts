import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LetterDetail, LetterLanguage } from '../../src/shared/contracts/letters';
import { agencies, caseTeamMembers, cases, people } from '../../src/server/db/schema';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

/**
 * Every letter language, rendered through the API: the PDF's extracted text holds a phrase of the
 * translation AND a phrase of the German original (one PDF, translation first). Arabic and Persian
 * come out of a PDF as shaped presentation forms; NFKC maps them back to the base letters.
 */

const START = new Date('2040-05-04T09:00:00Z');
const ARABIC_SCRIPT = /[\u0600-\u06ff]/g;

const expected: Record<LetterLanguage, { phrases: string[]; script?: RegExp }> = {
  de: { phrases: [] },
  en: {
    phrases: ['Notice of legal consequences', 'Only the German original attached to this letter is legally binding'],
  },
  uk: { phrases: ['Запрошення на прийом', 'Мета прийому'] },
  ru: { phrases: ['Приглашение на приём', 'Разъяснение правовых последствий'] },
  tr: { phrases: ['Hukuki sonuçlar hakkında bilgilendirme', 'randevusuna davet'] },
  // Letters only Arabic uses here (ة taa marbuta); only Persian (پ گ ی).
  ar: { phrases: [], script: /ة/ },
  fa: { phrases: [], script: /[پگی]/ },
};

describe('letter PDFs in the seven languages, each with the German original', () => {
  let t: TestApp;
  let soz: Session;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(START);
    soz = await t.login('sozialamt');
    const db = t.database.db;
    const ids = new Map(
      (await db.select({ id: agencies.id, code: agencies.code }).from(agencies)).map((a) => [a.code, a.id]),
    );
    const [p] = await db
      .insert(people)
      .values({
        givenNames: 'Olena',
        familyName: 'Kovalenko',
        nameOrder: 'western',
        sex: 'female',
        dobPrecision: 'unknown',
        registeredByAgencyId: ids.get('sozialamt')!,
        blockingKeys: [],
      })
      .returning({ id: people.id });
    const [c] = await db
      .insert(cases)
      .values({
        reference: 'F-2040-99001',
        personId: p!.id,
        title: 'Sprachen',
        phase: 'planning',
        leadUserId: soz.userId,
        leadAgencyId: ids.get('sozialamt')!,
        openedAt: START,
      })
      .returning({ id: cases.id });
    caseId = c!.id;
    await db
      .insert(caseTeamMembers)
      .values({ caseId, agencyId: ids.get('sozialamt')!, userId: soz.userId, role: 'lead', joinedAt: START });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function pdfText(language: LetterLanguage): Promise<{ text: string; pages: number }> {
    const res = await t.request('POST', `/api/v1/cases/${caseId}/letters`, {
      session: soz,
      body: {
        template: 'invitation',
        language,
        fields: {
          appointmentDate: '2040-05-20',
          appointmentTime: '10:30',
          appointmentPlace: 'Rathaus, Raum 2.14',
          topic: 'Beratung',
        },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const letter = res.json<LetterDetail>();
    expect(letter.language).toBe(language);
    const pdf = await t.request('GET', `/api/v1/letters/${letter.id}/pdf`, { session: soz });
    expect(pdf.statusCode).toBe(200);
    const doc = await getDocumentProxy(new Uint8Array(pdf.rawPayload));
    const { text } = await extractText(doc, { mergePages: true });
    return { text: text.normalize('NFKC').replace(/\s+/g, ' '), pages: doc.numPages };
  }

  for (const language of Object.keys(expected) as LetterLanguage[]) {
    it(`${language}: the translation first, then the German original`, async () => {
      const { text, pages } = await pdfText(language);
      // The German original, always.
      expect(text).toContain('Rechtsfolgenbelehrung');
      expect(text).toContain('Einladung zu einem Termin am 20.05.2040 um 10:30 Uhr');
      expect(text).toContain('Guten Tag Olena Kovalenko');
      if (language === 'de') {
        expect(text).not.toContain('Deutsches Original');
        expect(text).not.toContain('Übersetzung');
        expect(text.match(ARABIC_SCRIPT)).toBeNull();
        return;
      }
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(text).toContain('Deutsches Original');
      // The translation comes before the original.
      const original = text.indexOf('Deutsches Original');
      for (const phrase of expected[language].phrases) {
        expect(text, phrase).toContain(phrase);
        expect(text.indexOf(phrase)).toBeLessThan(original);
      }
      const arabic = text.match(ARABIC_SCRIPT) ?? [];
      if (language === 'ar' || language === 'fa') {
        expect(arabic.length).toBeGreaterThan(300);
        expect(text.slice(0, original)).toMatch(expected[language].script!);
        // The Arabic-script text lies in the translation part, not in the German original.
        expect(text.slice(original).match(ARABIC_SCRIPT)).toBeNull();
      } else {
        expect(arabic).toHaveLength(0);
      }
    });
  }
});
