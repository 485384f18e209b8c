/**
 * From what Lotse stores about a person (date of birth with its precision, nationalities, the
 * residence-document timeline) to the engine's facts for one day, saying which facts were used,
 * which were derived, and which Lotse does not store at all.
 */
import type { LegalDocumentKind } from '../../contracts/legal';
import type { ResidenceDocumentType } from '../../contracts/residence-documents';
import { compareTimeline, documentStart } from '../residence-documents/document-status';
import { hasEuFreeMovement } from './countries';
import type { BirthRange, LegalFacts } from './legal-facts';
import { germanDate, lastDayOfMonth } from './legal-dates';
import { isMinorOn } from './person-age';
import { parseLegalBasis } from './residence-status';

export type StoredPerson = {
  dobYear: number | null;
  dobMonth: number | null;
  dobDay: number | null;
  dobPrecision: string;
  nationalities: readonly string[];
};

export type StoredDocument = {
  id: string;
  documentType: ResidenceDocumentType;
  legalBasis: string | null;
  issuedOn: string | null;
  validFrom: string | null;
  validUntil: string | null;
  employment: string;
  wohnsitzauflage: boolean;
  wohnsitzauflageMunicipality: string | null;
};

type Text = { de: string; en: string };
export type FactUsed = {
  fact: string;
  value: string;
  source: 'person' | 'residence_document' | 'derived';
  note: Text | null;
};
export type MissingFact = { fact: string; question: Text };

export type StoredPersonFacts = {
  /** Null when the stored data cannot be evaluated at all (see `missing`). */
  facts: LegalFacts | null;
  documentId: string | null;
  used: FactUsed[];
  missing: MissingFact[];
};

const pad = (n: number) => String(n).padStart(2, '0');
const txt = (de: string, en: string): Text => ({ de, en });

/** The date of birth as a range: exact when known to the day, the month or year otherwise. */
export function birthRange(p: StoredPerson): BirthRange | null {
  if (p.dobYear === null || p.dobPrecision === 'unknown') return null;
  const y = String(p.dobYear).padStart(4, '0');
  if (p.dobPrecision === 'day' && p.dobMonth !== null && p.dobDay !== null) {
    const date = `${y}-${pad(p.dobMonth)}-${pad(p.dobDay)}`;
    return { earliest: date, latest: date };
  }
  if (p.dobPrecision === 'month' && p.dobMonth !== null) {
    const first = `${y}-${pad(p.dobMonth)}-01`;
    return { earliest: first, latest: lastDayOfMonth(first) };
  }
  return { earliest: `${y}-01-01`, latest: `${y}-12-31` };
}

/** The nationality the rules look at: German first, then an EU one (free movement is the stronger right), then the first recorded. */
function pickNationality(codes: readonly string[]): string | null {
  const upper = codes.map((c) => c.toUpperCase());
  if (upper.includes('DE')) return 'DE';
  return upper.find((c) => hasEuFreeMovement(c)) ?? upper[0] ?? null;
}

/** The document the person holds on `today`: the newest one that has started (undated ones last). */
function currentDocument<T extends StoredDocument>(
  docs: readonly T[],
  today: string,
): { current: T | null; older: T[] } {
  const ordered = [...docs].sort(compareTimeline);
  const index = ordered.findIndex((d) => {
    const start = documentStart(d);
    return start === null || start <= today;
  });
  if (index < 0) return { current: null, older: [] };
  return { current: ordered[index]!, older: ordered.slice(index + 1) };
}

const TITLE_DOCUMENTS: ReadonlySet<ResidenceDocumentType> = new Set(['aufenthaltserlaubnis', 'fiktionsbescheinigung']);

function isSection81(basis: string | null): boolean {
  const c = basis ? parseLegalBasis(basis) : null;
  return c !== null && c.law === 'AufenthG' && c.paragraph === '81';
}

/**
 * The engine's facts for `today` from the stored person and documents. Facts Lotse does not store
 * (asylum procedure, entry, employment, ability to work) are left out and listed as missing; the
 * engine then names what they affect.
 */
export function factsFromStoredPerson(
  person: StoredPerson,
  documents: readonly StoredDocument[],
  today: string,
): StoredPersonFacts {
  const used: FactUsed[] = [];
  const missing: MissingFact[] = [];
  const birth = birthRange(person);
  const nationality = pickNationality(person.nationalities);

  if (birth) {
    const exact = birth.earliest === birth.latest;
    used.push({
      fact: 'person.dateOfBirth',
      value: exact ? germanDate(birth.earliest) : `${germanDate(birth.earliest)} – ${germanDate(birth.latest)}`,
      source: 'person',
      note: exact
        ? null
        : txt(
            'Nur ungefähr bekannt: Altersgrenzen können offen bleiben.',
            'Only roughly known: age thresholds may stay open.',
          ),
    });
  } else {
    missing.push({
      fact: 'person.dateOfBirth',
      question: txt('Wann ist die Person geboren?', 'When was the person born?'),
    });
  }
  if (nationality) {
    used.push({
      fact: 'person.nationality',
      value: nationality,
      source: 'person',
      note:
        person.nationalities.length > 1
          ? txt(
              `Mehrere Staatsangehörigkeiten erfasst (${person.nationalities.join(', ')}); maßgeblich ist die deutsche, sonst eine aus der EU.`,
              `Several nationalities recorded (${person.nationalities.join(', ')}); German counts first, then an EU one.`,
            )
          : null,
    });
  } else {
    missing.push({
      fact: 'person.nationality',
      question: txt('Welche Staatsangehörigkeit hat die Person?', "What is the person's nationality?"),
    });
  }

  const { current, older } = currentDocument(documents, today);
  let residence: LegalFacts['residence'];
  let documentId: string | null = null;
  if (nationality === 'DE') {
    residence = { document: 'none' };
    if (current) {
      used.push({
        fact: 'residence.document',
        value: 'none',
        source: 'derived',
        note: txt(
          'Deutsche Staatsangehörige: Aufenthaltsdokumente werden nicht berücksichtigt.',
          'German citizen: residence documents are not considered.',
        ),
      });
    }
  } else if (!current) {
    if (nationality === null || !hasEuFreeMovement(nationality)) {
      missing.push({
        fact: 'residence.document',
        question: txt(
          'Welches Aufenthaltsdokument hat die Person? Ohne Dokument ist keine Einschätzung möglich.',
          'Which residence document does the person hold? Without one no evaluation is possible.',
        ),
      });
      return { facts: null, documentId: null, used, missing };
    }
    residence = { document: 'none' };
    used.push({
      fact: 'residence.document',
      value: 'none',
      source: 'derived',
      note: txt('Unionsbürger brauchen kein Aufenthaltsdokument.', 'EU citizens need no residence document.'),
    });
  } else {
    documentId = current.id;
    const kind: LegalDocumentKind = current.documentType;
    residence = { document: kind };
    used.push({ fact: 'residence.document', value: kind, source: 'residence_document', note: null });

    let legalBasis = current.legalBasis ?? undefined;
    if (kind === 'fiktionsbescheinigung' && (legalBasis === undefined || isSection81(current.legalBasis))) {
      // The certificate continues the previous title: its legal basis says which status continues.
      const previous = older.find(
        (d) => TITLE_DOCUMENTS.has(d.documentType) && d.legalBasis && !isSection81(d.legalBasis),
      );
      if (previous?.legalBasis) {
        legalBasis = previous.legalBasis;
        used.push({
          fact: 'residence.legalBasis',
          value: previous.legalBasis,
          source: 'derived',
          note: txt(
            'Rechtsgrundlage des vorherigen Titels, den die Fiktionsbescheinigung fortführt.',
            'Legal basis of the previous title the Fiktionsbescheinigung continues.',
          ),
        });
      }
    } else if (legalBasis) {
      used.push({ fact: 'residence.legalBasis', value: legalBasis, source: 'residence_document', note: null });
    }
    if (legalBasis) residence.legalBasis = legalBasis;

    const issuedOn = current.issuedOn ?? current.validFrom;
    if (issuedOn) {
      residence.issuedOn = issuedOn;
      used.push({
        fact: 'residence.issuedOn',
        value: germanDate(issuedOn),
        source: 'residence_document',
        note: current.issuedOn
          ? null
          : txt(
              'Beginn der Gültigkeit (kein Ausstellungsdatum erfasst).',
              'Start of validity (no date of issue recorded).',
            ),
      });
    }
    if (current.validUntil) {
      residence.validUntil = current.validUntil;
      used.push({
        fact: 'residence.validUntil',
        value: germanDate(current.validUntil),
        source: 'residence_document',
        note: null,
      });
    }
    // First issuance: the earliest of the unbroken run of documents for the same title.
    if (TITLE_DOCUMENTS.has(kind) && legalBasis) {
      let first = issuedOn ?? null;
      for (const d of older) {
        if (!TITLE_DOCUMENTS.has(d.documentType)) break;
        const basis = d.legalBasis && !isSection81(d.legalBasis) ? d.legalBasis : null;
        if (basis !== null && basis !== legalBasis) break;
        const start = d.issuedOn ?? d.validFrom;
        if (start && (first === null || start < first)) first = start;
      }
      if (first) {
        residence.firstIssuedOn = first;
        used.push({
          fact: 'residence.firstIssuedOn',
          value: germanDate(first),
          source: 'derived',
          note: txt(
            'Aus den erfassten Dokumenten abgeleitet; ein früherer, nicht erfasster Titel würde das Datum ändern.',
            'Derived from the recorded documents; an earlier title not recorded would change it.',
          ),
        });
      }
    }
    if (
      current.employment === 'allowed' ||
      current.employment === 'with_permission' ||
      current.employment === 'not_allowed'
    ) {
      residence.employmentCondition = current.employment;
      used.push({
        fact: 'residence.employmentCondition',
        value: current.employment,
        source: 'residence_document',
        note: null,
      });
    }
    // The store has no "unknown" for the condition: only a recorded Wohnsitzauflage says something.
    if (current.wohnsitzauflage) {
      residence.wohnsitzauflage = true;
      used.push({ fact: 'residence.wohnsitzauflage', value: 'true', source: 'residence_document', note: null });
      if (current.wohnsitzauflageMunicipality) {
        residence.wohnsitzauflageMunicipality = current.wohnsitzauflageMunicipality;
        used.push({
          fact: 'residence.wohnsitzauflageMunicipality',
          value: current.wohnsitzauflageMunicipality,
          source: 'residence_document',
          note: null,
        });
      }
    }
  }

  const starts = documents.map((d) => documentStart(d)).filter((s): s is string => s !== null && s <= today);
  const presentSince = starts.sort()[0];
  if (presentSince) {
    used.push({
      fact: 'presentSince',
      value: germanDate(presentSince),
      source: 'derived',
      note: txt(
        'Beginn des ältesten erfassten Dokuments: Die Person war spätestens seitdem in Deutschland.',
        'Start of the oldest recorded document: the person has been in Germany since then at the latest.',
      ),
    });
  }

  missing.push(
    {
      fact: 'entryDate',
      question: txt('Wann ist die Person eingereist?', 'When did the person enter Germany?'),
    },
    {
      fact: 'asylum',
      question: txt(
        'Gibt es ein Asylverfahren – wann gestellt, wie und wann hat das BAMF entschieden?',
        'Is there an asylum procedure – when was it filed, how and when did the BAMF decide?',
      ),
    },
    {
      fact: 'employment',
      question: txt(
        'Ist die Person beschäftigt (Stunden, seit wann, sozialversicherungspflichtig)?',
        'Is the person employed (hours, since when, insured)?',
      ),
    },
    {
      fact: 'person.erwerbsfaehig',
      question: txt(
        'Kann die Person mindestens drei Stunden täglich arbeiten?',
        'Can the person work at least three hours a day?',
      ),
    },
  );
  if (nationality !== null && hasEuFreeMovement(nationality)) {
    missing.push({
      fact: 'euWorkerStatus',
      question: txt('Ist die Person Arbeitnehmer/in oder selbständig?', 'Is the person a worker or self-employed?'),
    });
  }
  if (birth && isMinorOn(birth, today) !== 'no') {
    missing.push({
      fact: 'person.unaccompaniedMinor',
      question: txt('Ist die minderjährige Person unbegleitet eingereist?', 'Did the minor arrive unaccompanied?'),
    });
  }

  const facts: LegalFacts = {
    asOf: today,
    person: { birth, nationality },
    residence,
    ...(presentSince ? { presentSince } : {}),
  };
  return { facts, documentId, used, missing };
}
