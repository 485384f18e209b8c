import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { uiDe } from '../../../shared/i18n/ui-de';
import { uiEn } from '../../../shared/i18n/ui-en';
import { daysText, documentName, documentStatus, needsAttention, validityText } from './residence-document-format';
import { residenceDocumentFormSchema, residenceDocumentToForm } from './residence-document-form-schema';

beforeAll(async () => {
  await i18next.init({ resources: { de: { translation: uiDe }, en: { translation: uiEn } }, lng: 'de' });
});

const t = i18next.t.bind(i18next);

describe('residence document status in words', () => {
  it('labels each status with the days left', () => {
    expect(documentStatus({ status: 'expiring', daysUntilExpiry: 30 }, t)).toEqual({
      tone: 'warning',
      label: 'läuft in 30 Tagen ab',
    });
    expect(documentStatus({ status: 'expiring', daysUntilExpiry: 1 }, t).label).toBe('läuft in 1 Tag ab');
    expect(documentStatus({ status: 'expiring', daysUntilExpiry: 0 }, t).label).toBe('läuft heute ab');
    expect(documentStatus({ status: 'expired', daysUntilExpiry: -3 }, t)).toEqual({
      tone: 'danger',
      label: 'abgelaufen',
    });
    expect(documentStatus({ status: 'superseded', daysUntilExpiry: -300 }, t).label).toBe('abgelöst');
    expect(documentStatus({ status: 'not_yet_valid', daysUntilExpiry: 400 }, t).label).toBe('noch nicht gültig');
    expect(documentStatus({ status: 'valid', daysUntilExpiry: null }, t)).toEqual({ tone: 'success', label: 'gültig' });
  });

  it('warns only for the current document that expires or expired', () => {
    expect(needsAttention({ status: 'expiring' })).toBe(true);
    expect(needsAttention({ status: 'expired' })).toBe(true);
    expect(needsAttention({ status: 'superseded' })).toBe(false);
    expect(needsAttention({ status: 'valid' })).toBe(false);
  });

  it('says the distance, the validity and the name', () => {
    expect(daysText(12, t)).toBe('12 Tage');
    expect(daysText(0, t)).toBe('heute');
    expect(daysText(-4, t)).toBe('seit 4 Tagen abgelaufen');
    expect(daysText(null, t)).toBe('ohne Ablaufdatum');
    expect(validityText({ validFrom: '2026-04-01', validUntil: '2027-03-31' }, t)).toBe('01.04.2026 – 31.03.2027');
    expect(validityText({ validFrom: null, validUntil: '2027-03-31' }, t)).toBe('bis 31.03.2027');
    expect(documentName({ documentType: 'duldung', validUntil: '2027-03-31' }, t)).toBe(
      'Duldung (§ 60a AufenthG), gültig bis 31.03.2027',
    );
  });
});

describe('residenceDocumentFormSchema', () => {
  const blank = residenceDocumentToForm(null);

  it('requires a type, ordered dates, and the place of a condition', () => {
    const result = residenceDocumentFormSchema.safeParse({
      ...blank,
      validFrom: '2026-05-01',
      validUntil: '2026-04-30',
      wohnsitzauflage: true,
      raeumlicheBeschraenkung: true,
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]));
    expect(messages).toEqual({ documentType: 'Bitte wählen Sie die Art des Dokuments aus.' });

    const typed = residenceDocumentFormSchema.safeParse({
      ...blank,
      documentType: 'aufenthaltserlaubnis',
      validFrom: '2026-05-01',
      validUntil: '2026-04-30',
      wohnsitzauflage: true,
      raeumlicheBeschraenkung: true,
    });
    const typedMessages = Object.fromEntries(typed.error!.issues.map((issue) => [issue.path.join('.'), issue.message]));
    // The server's rules, in the UI language, at the fields they concern.
    expect(Object.keys(typedMessages).sort()).toEqual(
      ['legalBasis', 'raeumlicheBeschraenkungArea', 'validUntil', 'wohnsitzauflageMunicipality'].sort(),
    );
    expect(typedMessages.validUntil).toBe('Das Ende der Gültigkeit liegt vor ihrem Beginn.');
  });

  it('sends nulls for empty inputs and clears the place of an unticked condition', () => {
    const result = residenceDocumentFormSchema.parse({
      ...blank,
      documentType: 'duldung',
      legalBasis: 'AufenthG § 60a',
      validUntil: '2026-12-24',
      wohnsitzauflage: false,
      wohnsitzauflageMunicipality: 'Essen',
    });
    expect(result).toEqual({
      documentType: 'duldung',
      legalBasis: 'AufenthG § 60a',
      documentNumber: null,
      issuedOn: null,
      validFrom: null,
      validUntil: '2026-12-24',
      employment: 'unknown',
      wohnsitzauflage: false,
      wohnsitzauflageMunicipality: null,
      raeumlicheBeschraenkung: false,
      raeumlicheBeschraenkungArea: null,
      issuingAuthority: null,
      notes: null,
    });
  });
});
