import { describe, expect, it } from 'vitest';
import { evaluateOrExplain } from './evaluate-legal-domain';
import { factsFromStoredPerson, type StoredDocument, type StoredPerson } from './stored-person-facts';

const person = (over: Partial<StoredPerson> = {}): StoredPerson => ({
  dobYear: 1990,
  dobMonth: 5,
  dobDay: 1,
  dobPrecision: 'day',
  nationalities: ['SY'],
  ...over,
});
let n = 0;
const doc = (over: Partial<StoredDocument>): StoredDocument => ({
  id: `00000000-0000-4000-8000-00000000000${(n += 1)}`,
  documentType: 'aufenthaltserlaubnis',
  legalBasis: null,
  issuedOn: null,
  validFrom: null,
  validUntil: null,
  employment: 'unknown',
  wohnsitzauflage: false,
  wohnsitzauflageMunicipality: null,
  ...over,
});

describe('facts from a stored person', () => {
  it('takes the newest document that has started and derives the first issuance from the run of the same title', () => {
    const first = doc({ legalBasis: 'AufenthG § 25 Abs. 2', issuedOn: '2023-02-01', validUntil: '2024-01-31' });
    const renewal = doc({
      legalBasis: 'AufenthG § 25 Abs. 2',
      issuedOn: '2024-01-20',
      validUntil: '2027-01-19',
      employment: 'allowed',
    });
    const future = doc({ documentType: 'niederlassungserlaubnis', validFrom: '2026-09-01' });
    const out = factsFromStoredPerson(person(), [future, first, renewal], '2026-05-04');
    expect(out.documentId).toBe(renewal.id);
    expect(out.facts?.residence).toEqual({
      document: 'aufenthaltserlaubnis',
      legalBasis: 'AufenthG § 25 Abs. 2',
      issuedOn: '2024-01-20',
      validUntil: '2027-01-19',
      firstIssuedOn: '2023-02-01',
      employmentCondition: 'allowed',
    });
    expect(out.facts?.presentSince).toBe('2023-02-01');
  });

  it('reads a Fiktionsbescheinigung under § 81 as the title it continues', () => {
    const title = doc({ legalBasis: 'AufenthG § 24', issuedOn: '2022-04-10', validUntil: '2026-03-04' });
    const fiction = doc({
      documentType: 'fiktionsbescheinigung',
      legalBasis: 'AufenthG § 81 Abs. 4',
      issuedOn: '2026-03-01',
      validUntil: '2026-09-01',
    });
    const out = factsFromStoredPerson(person({ nationalities: ['UA'] }), [title, fiction], '2026-08-03');
    expect(out.facts?.residence).toMatchObject({
      document: 'fiktionsbescheinigung',
      legalBasis: 'AufenthG § 24',
      firstIssuedOn: '2022-04-10',
    });
    expect(out.used.find((u) => u.fact === 'residence.legalBasis')?.source).toBe('derived');
    const result = evaluateOrExplain(out.facts!);
    expect(result.ok && result.evaluation.benefitSystem).toBe('sgb2');
  });

  it('keeps a date of birth known only by its year as a range', () => {
    const out = factsFromStoredPerson(
      person({ dobMonth: null, dobDay: null, dobPrecision: 'year' }),
      [doc({ documentType: 'duldung', validUntil: '2026-12-01' })],
      '2026-05-04',
    );
    expect(out.facts?.person.birth).toEqual({ earliest: '1990-01-01', latest: '1990-12-31' });
  });

  it('ignores residence documents of German citizens and needs none for EU citizens', () => {
    const german = factsFromStoredPerson(
      person({ nationalities: ['SY', 'DE'] }),
      [doc({ documentType: 'duldung' })],
      '2026-05-04',
    );
    expect(german.facts?.residence).toEqual({ document: 'none' });
    expect(german.facts?.person.nationality).toBe('DE');
    const eu = factsFromStoredPerson(person({ nationalities: ['PL'] }), [], '2026-05-04');
    expect(eu.facts?.residence).toEqual({ document: 'none' });
    expect(eu.missing.map((m) => m.fact)).toContain('euWorkerStatus');
  });

  it('gives no facts, but says what is missing, for a third-country national without a document', () => {
    const out = factsFromStoredPerson(person(), [], '2026-05-04');
    expect(out.facts).toBeNull();
    expect(out.missing.map((m) => m.fact)).toContain('residence.document');
  });
});
