import { describe, expect, it } from 'vitest';
import { residenceDocumentProblems, type ResidenceDocumentFields } from './document-rules';

const base: ResidenceDocumentFields = {
  documentType: 'aufenthaltserlaubnis',
  legalBasis: 'AufenthG § 25 Abs. 2',
  issuedOn: '2025-01-10',
  validFrom: '2025-01-10',
  validUntil: '2028-01-09',
  wohnsitzauflage: false,
  wohnsitzauflageMunicipality: null,
  raeumlicheBeschraenkung: false,
  raeumlicheBeschraenkungArea: null,
};
const today = '2026-03-01';
const problems = (patch: Partial<ResidenceDocumentFields>) =>
  residenceDocumentProblems({ ...base, ...patch }, today).map((p) => [p.path, p.message.de]);

describe('residenceDocumentProblems', () => {
  it('accepts a complete document', () => {
    expect(problems({})).toEqual([]);
  });

  it('refuses impossible dates and reports each field', () => {
    expect(problems({ validFrom: '2025-02-30', validUntil: '2025-13-01' })).toEqual([
      ['validFrom', 'Kein gültiges Kalenderdatum.'],
      ['validUntil', 'Kein gültiges Kalenderdatum.'],
    ]);
  });

  it('needs validUntil on or after validFrom, and the issue date not after validFrom nor in the future', () => {
    expect(problems({ validUntil: '2025-01-09' })).toEqual([
      ['validUntil', 'Das Ende der Gültigkeit liegt vor ihrem Beginn.'],
    ]);
    expect(problems({ validUntil: '2025-01-10' })).toEqual([]);
    expect(problems({ issuedOn: '2025-01-11' })).toEqual([
      ['issuedOn', 'Das Ausstellungsdatum liegt nach dem Beginn der Gültigkeit.'],
    ]);
    expect(problems({ issuedOn: '2026-03-02', validFrom: null })).toEqual([
      ['issuedOn', 'Das Ausstellungsdatum liegt in der Zukunft.'],
    ]);
  });

  it('ties the municipality to the Wohnsitzauflage and the area to the räumliche Beschränkung', () => {
    expect(problems({ wohnsitzauflage: true }).map(([p]) => p)).toEqual(['wohnsitzauflageMunicipality']);
    expect(problems({ wohnsitzauflage: true, wohnsitzauflageMunicipality: 'Mülheim an der Ruhr' })).toEqual([]);
    expect(problems({ wohnsitzauflageMunicipality: 'Mülheim an der Ruhr' })).toEqual([
      ['wohnsitzauflageMunicipality', 'Eine Gemeinde wird nur bei einer Wohnsitzauflage angegeben.'],
    ]);
    expect(problems({ raeumlicheBeschraenkung: true }).map(([p]) => p)).toEqual(['raeumlicheBeschraenkungArea']);
    expect(problems({ raeumlicheBeschraenkungArea: 'Land NRW' }).map(([p]) => p)).toEqual([
      'raeumlicheBeschraenkungArea',
    ]);
  });

  it('requires a legal basis for an Aufenthaltserlaubnis only', () => {
    expect(problems({ legalBasis: null })).toEqual([
      ['legalBasis', 'Für eine Aufenthaltserlaubnis bitte die Rechtsgrundlage angeben (z. B. „AufenthG § 25 Abs. 2“).'],
    ]);
    expect(problems({ documentType: 'fiktionsbescheinigung', legalBasis: null })).toEqual([]);
  });

  it.each([
    'ankunftsnachweis',
    'aufenthaltsgestattung',
    'duldung',
    'duldung_ungeklaerte_identitaet',
    'ausbildungsduldung',
    'beschaeftigungsduldung',
    'fiktionsbescheinigung',
    'aufenthaltserlaubnis',
  ] as const)('requires validUntil for %s', (documentType) => {
    const found = problems({ documentType, validUntil: null });
    expect(found).toHaveLength(1);
    expect(found[0]![0]).toBe('validUntil');
    expect(found[0]![1]).toMatch(/^Für .+ bitte angeben, bis wann das Dokument gilt\.$/);
  });

  it.each(['niederlassungserlaubnis', 'daueraufenthalt_eu', 'eu_freizuegigkeit'] as const)(
    'allows %s without and with validUntil',
    (documentType) => {
      expect(problems({ documentType, validUntil: null })).toEqual([]);
      expect(problems({ documentType })).toEqual([]);
    },
  );
});
