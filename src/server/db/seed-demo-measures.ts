import { count, inArray } from 'drizzle-orm';
import type { MeasureKind } from '../../shared/contracts/measures';
import { criteriaSchema, type Criterion } from '../../shared/domain/referrals/criteria';
import type { Db } from './client';
import { agencies, districts, measures } from './schema';

/**
 * A demo measures catalogue for Mülheim an der Ruhr: 16 programmes and courses across every kind.
 * Receiving agencies (the agency a referral to the measure goes to):
 * - Agentur für Arbeit: Perspektiven für Flüchtlinge (PerF), Einstiegsqualifizierung (EQ),
 *   vocational preparation (BvB) and the Berufssprachkurse (DeuFöV; the agency issues the
 *   Berechtigungsschein for people not yet in SGB II);
 * - Jobcenter: Arbeitsgelegenheiten (AGH, § 16d SGB II) and a Berufssprachkurs for SGB II clients;
 * - Sozialamt: the municipal offers for people without labour-market access (AGH under § 5
 *   AsylbLG, language café, orientation) and the Integrationskurse for asylum seekers, whose
 *   admission (§ 44 Abs. 4 AufenthG) the Sozialamt's refugee social service prepares;
 * - Ausländerbehörde: the Integrationskurse it obliges people to attend (§ 44a AufenthG).
 * Providers are invented but plausible (VHS Mülheim an der Ruhr, local training providers).
 * Dates lie around `now` so the catalogue looks current. H7's cohort seed runs after this one.
 */

export async function hasMeasures(db: Db): Promise<boolean> {
  const rows = await db.select({ n: count() }).from(measures);
  return Number(rows[0]?.n ?? 0) > 0;
}

type DemoMeasure = {
  kind: MeasureKind;
  title: string;
  description: string;
  provider: string;
  agency: string;
  places: number | null;
  /** Days from today to start and end (null: ongoing / open entry). */
  start: number | null;
  end: number | null;
  location: string;
  district: string | null;
  criteria: Criterion[];
  active?: boolean;
};

const adult: Criterion = { kind: 'age_range', min: 18, max: null };

const CATALOGUE: DemoMeasure[] = [
  {
    kind: 'integration_course',
    title: 'Integrationskurs (allgemein) mit Alphabetisierung',
    description: 'Alphabetisierungskurs mit 1.300 Unterrichtseinheiten, Abschluss Deutsch-Test für Zuwanderer.',
    provider: 'VHS Mülheim an der Ruhr',
    agency: 'abh',
    places: 20,
    start: 21,
    end: 365,
    location: 'VHS im Medienhaus, Synagogenplatz',
    district: 'Altstadt I',
    criteria: [{ kind: 'age_range', min: 16, max: null }],
  },
  {
    kind: 'integration_course',
    title: 'Integrationskurs für Asylbewerbende mit guter Bleibeperspektive',
    description: 'Allgemeiner Integrationskurs (700 UE) für Leistungsberechtigte nach dem AsylbLG; Zulassung über das BAMF.',
    provider: 'Sprachschule Ruhrbogen',
    agency: 'sozialamt',
    places: 18,
    start: 35,
    end: 280,
    location: 'Eppinghofer Straße',
    district: 'Eppinghofen',
    criteria: [{ kind: 'age_range', min: 16, max: null }],
  },
  {
    kind: 'integration_course',
    title: 'Integrationskurs für Eltern (Teilzeit mit Kinderbetreuung)',
    description: 'Elternintegrationskurs vormittags, Kinderbetreuung im Haus.',
    provider: 'Familienbildungsstätte Mülheim',
    agency: 'abh',
    places: 15,
    start: 60,
    end: 420,
    location: 'Styrum, Marktplatz',
    district: 'Styrum',
    criteria: [adult],
  },
  {
    kind: 'job_language_course',
    title: 'Berufssprachkurs B2 (DeuFöV)',
    description: 'Berufsbezogene Deutschsprachförderung von B1 nach B2, 400 UE.',
    provider: 'VHS Mülheim an der Ruhr',
    agency: 'aa',
    places: 20,
    start: 14,
    end: 200,
    location: 'VHS im Medienhaus, Synagogenplatz',
    district: 'Altstadt I',
    criteria: [{ kind: 'german_min', level: 'B1' }, adult],
  },
  {
    kind: 'job_language_course',
    title: 'Berufssprachkurs Pflege B1–B2',
    description: 'Spezialmodul für Gesundheits- und Pflegeberufe mit Praxistagen.',
    provider: 'Bildungswerk Ruhr-Pflege',
    agency: 'jobcenter',
    places: 14,
    start: 45,
    end: 240,
    location: 'Klinikstraße',
    district: 'Heißen',
    criteria: [{ kind: 'german_min', level: 'B1' }, { kind: 'labour_market_access', allowed: ['free', 'permission_required'] }],
  },
  {
    kind: 'perf',
    title: 'Perspektiven für Flüchtlinge (PerF) – Handwerk und Technik',
    description: 'Zwölfwöchige Maßnahme zur Aktivierung und beruflichen Eingliederung (§ 45 SGB III) mit Betriebspraktikum.',
    provider: 'Mülheimer Berufsbildungszentrum',
    agency: 'aa',
    places: 16,
    start: 28,
    end: 112,
    location: 'Kruppstraße',
    district: 'Speldorf',
    criteria: [{ kind: 'age_range', min: 25, max: null }],
  },
  {
    kind: 'perf',
    title: 'Perspektiven für Flüchtlinge (PerF-W) – für Frauen',
    description: 'PerF in Teilzeit für Frauen, Kinderbetreuung wird organisiert.',
    provider: 'Frauenbildungswerk an der Ruhr',
    agency: 'aa',
    places: 12,
    start: 56,
    end: 168,
    location: 'Aktienstraße',
    district: 'Dümpten',
    criteria: [adult],
  },
  {
    kind: 'eq',
    title: 'Einstiegsqualifizierung Einzelhandel',
    description: 'Langzeitpraktikum von 6 bis 12 Monaten (§ 54a SGB III) mit Übernahmeperspektive in die Ausbildung.',
    provider: 'Einzelhandelsverband Ruhr / Betriebe in Mülheim',
    agency: 'aa',
    places: 8,
    start: 90,
    end: 365,
    location: 'Betriebe im Stadtgebiet',
    district: null,
    criteria: [{ kind: 'german_min', level: 'A2' }, { kind: 'age_range', min: null, max: 35 }],
  },
  {
    kind: 'eq',
    title: 'Einstiegsqualifizierung Gastronomie und Hotellerie',
    description: 'EQ in Betrieben der Gastronomie, begleitet durch Ausbildungscoaching.',
    provider: 'DEHOGA-Betriebe Mülheim',
    agency: 'aa',
    places: 6,
    start: 30,
    end: 300,
    location: 'Betriebe im Stadtgebiet',
    district: null,
    criteria: [{ kind: 'german_min', level: 'A2' }, { kind: 'age_range', min: null, max: 35 }],
  },
  {
    kind: 'vocational_preparation',
    title: 'Berufsvorbereitende Bildungsmaßnahme (BvB) für junge Geflüchtete',
    description: 'Berufsorientierung, Sprachförderung und Praktika für junge Menschen ohne Ausbildung (§ 51 SGB III).',
    provider: 'Jugendberufshilfe Mülheim',
    agency: 'aa',
    places: 20,
    start: 10,
    end: 310,
    location: 'Georgstraße',
    district: 'Altstadt II',
    criteria: [{ kind: 'age_range', min: 16, max: 25 }, { kind: 'isced_min', level: 1 }],
  },
  {
    kind: 'vocational_preparation',
    title: 'Kompetenzfeststellung und Berufsorientierung Metall',
    description: 'Vier Wochen Praxiserprobung in den Werkstätten, Ergebnisbericht für die Vermittlung.',
    provider: 'Mülheimer Berufsbildungszentrum',
    agency: 'jobcenter',
    places: 10,
    start: 7,
    end: 35,
    location: 'Kruppstraße',
    district: 'Speldorf',
    criteria: [adult],
  },
  {
    kind: 'agh',
    title: 'Arbeitsgelegenheit Stadtgrün und Friedhöfe',
    description: 'Zusätzliche, wettbewerbsneutrale Tätigkeiten im öffentlichen Interesse (§ 16d SGB II), 25 Std./Woche.',
    provider: 'Mülheimer Beschäftigungsträger',
    agency: 'jobcenter',
    places: 15,
    start: null,
    end: null,
    location: 'Betriebshof Broich',
    district: 'Broich',
    criteria: [adult, { kind: 'labour_market_access', allowed: ['free'] }],
  },
  {
    kind: 'agh',
    title: 'Arbeitsgelegenheit in Unterkünften (§ 5 AsylbLG)',
    description: 'Tätigkeiten zur Aufrechterhaltung und Betreibung der Unterkunft; Aufwandsentschädigung nach § 5 AsylbLG.',
    provider: 'Stadt Mülheim an der Ruhr, Sozialamt',
    agency: 'sozialamt',
    places: 25,
    start: null,
    end: null,
    location: 'Gemeinschaftsunterkünfte im Stadtgebiet',
    district: null,
    criteria: [adult],
  },
  {
    kind: 'municipal_offer',
    title: 'Sprachcafé und Lernpatenschaften',
    description: 'Offenes Angebot zum Deutschüben mit Ehrenamtlichen, ohne Voraussetzungen.',
    provider: 'Centrum für bürgerschaftliches Engagement',
    agency: 'sozialamt',
    places: null,
    start: null,
    end: null,
    location: 'Stadtteilzentrum Eppinghofen',
    district: 'Eppinghofen',
    criteria: [],
  },
  {
    kind: 'municipal_offer',
    title: 'Orientierungskurs Arbeit und Ausbildung in Deutschland',
    description: 'Kommunales Angebot für Menschen ohne Arbeitsmarktzugang: Bewerbung, Arbeitsrecht, Ausbildungssystem.',
    provider: 'VHS Mülheim an der Ruhr',
    agency: 'sozialamt',
    places: 16,
    start: 20,
    end: 80,
    location: 'VHS im Medienhaus, Synagogenplatz',
    district: 'Altstadt I',
    criteria: [adult, { kind: 'labour_market_access', allowed: ['none', 'permission_required'] }],
  },
  {
    kind: 'other',
    title: 'Führerscheinkurs Klasse B mit Sprachunterstützung',
    description: 'Theorieunterricht mit Fachwortschatz; für Tätigkeiten, die einen Führerschein verlangen.',
    provider: 'Fahrschule an der Ruhr',
    agency: 'jobcenter',
    places: 10,
    start: -30,
    end: -1,
    location: 'Saarn, Düsseldorfer Straße',
    district: 'Saarn',
    criteria: [adult, { kind: 'german_min', level: 'A2' }],
    active: false,
  },
];

function addDays(now: Date, days: number): string {
  const d = new Date(now.getTime() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

export async function seedDemoMeasures(db: Db, { now }: { now: Date }): Promise<void> {
  const agencyRows = await db
    .select({ id: agencies.id, code: agencies.code })
    .from(agencies)
    .where(inArray(agencies.code, [...new Set(CATALOGUE.map((m) => m.agency))]));
  const agencyId = new Map(agencyRows.map((a) => [a.code, a.id]));
  const names = [...new Set(CATALOGUE.flatMap((m) => (m.district ? [m.district] : [])))];
  const districtRows = await db
    .select({ id: districts.id, name: districts.name })
    .from(districts)
    .where(inArray(districts.name, names));
  const districtId = new Map(districtRows.map((d) => [d.name, d.id]));
  const rows = CATALOGUE.flatMap((m) => {
    const agency = agencyId.get(m.agency);
    if (!agency) return [];
    return [
      {
        kind: m.kind,
        title: m.title,
        description: m.description,
        provider: m.provider,
        agencyId: agency,
        places: m.places,
        startsOn: m.start === null ? null : addDays(now, m.start),
        endsOn: m.end === null ? null : addDays(now, m.end),
        location: m.location,
        districtId: m.district ? (districtId.get(m.district) ?? null) : null,
        criteria: criteriaSchema.parse(m.criteria),
        active: m.active ?? true,
        createdAt: now,
        updatedAt: now,
      },
    ];
  });
  if (rows.length > 0) await db.insert(measures).values(rows);
}
