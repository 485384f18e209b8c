import { count } from 'drizzle-orm';
import type { AgencyKind, Role } from '../../shared/contracts/common';
import { hashPassword } from '../platform/auth/password';
import type { Db } from './client';
import { demoDistrict } from './seed-demo-districts';
import { agencies, districts, municipality, teams, users, type AgencyContact, type LegalBasis } from './schema';

export const DEMO_PASSWORD = 'lotse-demo';
/** Published in the README so that the demo admin can sign in with an authenticator app. */
export const DEMO_ADMIN_TOTP_SECRET = 'LOTSEDEMOADMINTOTPSECRETMUELHEIM';

/** The statistical districts (Stadtteile) of Mülheim an der Ruhr by borough (Stadtbezirk). */
export const MUELHEIM_DISTRICTS: { name: string; borough: string }[] = [
  ...['Altstadt I', 'Altstadt II', 'Heißen', 'Holthausen', 'Menden-Holthausen', 'Raadt'].map((name) => ({
    name,
    borough: 'Rechtsruhr-Süd',
  })),
  ...['Dümpten', 'Eppinghofen', 'Styrum', 'Winkhausen'].map((name) => ({ name, borough: 'Rechtsruhr-Nord' })),
  ...['Broich', 'Mintard', 'Saarn', 'Selbeck', 'Speldorf'].map((name) => ({ name, borough: 'Linksruhr' })),
];

type DemoAgency = {
  code: string;
  name: string;
  kind: AgencyKind;
  shortMandate: string;
  mandate: string;
  legalBases: LegalBasis[];
  contact: AgencyContact;
  teams: string[];
};

const cityAddress = (street: string) => `${street}, 45468 Mülheim an der Ruhr`;

export const DEMO_AGENCIES: DemoAgency[] = [
  {
    code: 'sozialamt',
    name: 'Sozialamt – Leistungen für Geflüchtete',
    kind: 'sozialamt',
    shortMandate: 'Existenzsichernde Leistungen nach dem AsylbLG, Unterbringung und Flüchtlingssozialdienst.',
    mandate:
      'Das Sozialamt sichert den Lebensunterhalt von Asylsuchenden, Geduldeten und anderen Personen nach § 1 AsylbLG: ' +
      'Grundleistungen nach § 3 AsylbLG in den ersten 36 Monaten, danach Analogleistungen entsprechend dem SGB XII (§ 2 AsylbLG). ' +
      'Es ist zuständig, bis ein Aufenthaltstitel erteilt ist, der in das SGB II oder SGB XII führt (Rechtskreiswechsel). ' +
      'Der Flüchtlingssozialdienst berät und begleitet die Menschen in den Unterkünften und ist oft die erste Anlaufstelle. ' +
      'Das Sozialamt darf Sozialdaten nur für diese Aufgaben erheben und nur mit Rechtsgrundlage oder Einwilligung weitergeben.',
    legalBases: [
      { norm: '§ 1 AsylbLG', description: 'Leistungsberechtigte nach dem Asylbewerberleistungsgesetz' },
      { norm: '§ 2 AsylbLG', description: 'Analogleistungen nach 36 Monaten Aufenthalt' },
      { norm: '§ 3 AsylbLG', description: 'Grundleistungen für den notwendigen Bedarf' },
      { norm: '§ 4 AsylbLG', description: 'Leistungen bei Krankheit, Schwangerschaft und Geburt' },
      { norm: 'SGB XII', description: 'Sozialhilfe für nicht erwerbsfähige Menschen mit Aufenthaltstitel' },
      { norm: '§§ 67 ff. SGB X', description: 'Schutz der Sozialdaten' },
    ],
    contact: {
      address: cityAddress('Ruhrstraße 1'),
      phone: '0208 455-0',
      email: 'sozialamt@muelheim-ruhr.example',
      openingHours: 'Mo–Fr 8–12 Uhr, Do 14–17 Uhr',
    },
    teams: ['Flüchtlingssozialdienst', 'Leistungen AsylbLG'],
  },
  {
    code: 'jobcenter',
    name: 'Jobcenter / Sozialagentur',
    kind: 'jobcenter',
    shortMandate: 'Bürgergeld nach dem SGB II und Eingliederung in Arbeit – in Mülheim durch die Stadt als zkT.',
    mandate:
      'Mülheim an der Ruhr ist zugelassener kommunaler Träger (zkT): Das Jobcenter der Stadt gewährt Leistungen zur Sicherung des ' +
      'Lebensunterhalts nach dem SGB II und fördert die Eingliederung in Arbeit und Ausbildung. Zuständig für erwerbsfähige ' +
      'Leistungsberechtigte mit einem Aufenthaltstitel, der Zugang zum SGB II eröffnet, etwa nach Anerkennung als Flüchtling ' +
      'oder mit Schutz nach § 24 AufenthG. Mit jeder Person wird ein Kooperationsplan (§ 15 SGB II) erstellt. Kommunale ' +
      'Integrationsfachkräfte begleiten Menschen in Sprachkurse, Maßnahmen und Betriebe. Eine Leistungsminderung setzt voraus, ' +
      'dass die Einladung nachweislich zugegangen ist.',
    legalBases: [
      { norm: '§ 6a SGB II', description: 'Zugelassene kommunale Träger' },
      { norm: '§ 7 SGB II', description: 'Leistungsberechtigte' },
      { norm: '§ 15 SGB II', description: 'Kooperationsplan' },
      { norm: '§§ 16 ff. SGB II', description: 'Leistungen zur Eingliederung in Arbeit' },
      { norm: '§ 31a SGB II', description: 'Leistungsminderungen und ihre Voraussetzungen' },
      { norm: '§ 50 SGB II', description: 'Datenübermittlung' },
    ],
    contact: {
      address: cityAddress('Friedrich-Ebert-Straße 8'),
      phone: '0208 455-1',
      email: 'jobcenter@muelheim-ruhr.example',
      openingHours: 'Mo–Fr 8–12 Uhr und nach Vereinbarung',
    },
    teams: ['Integrationsfachkräfte', 'Leistungen SGB II'],
  },
  {
    code: 'abh',
    name: 'Ausländerbehörde',
    kind: 'auslaenderbehoerde',
    shortMandate: 'Aufenthaltsrecht: Titel, Duldungen, Beschäftigungserlaubnisse und Wohnsitzauflagen.',
    mandate:
      'Die Ausländerbehörde entscheidet über den Aufenthalt: Sie erteilt und verlängert Aufenthaltstitel, stellt Duldungen und ' +
      'Fiktionsbescheinigungen aus, erlaubt oder versagt die Beschäftigung von Menschen mit Gestattung oder Duldung und setzt ' +
      'die Wohnsitzregelung nach § 12a AufenthG um. Sie ist auch für Rückführungen zuständig. Andere Stellen müssen ihr ' +
      'bestimmte Tatsachen mitteilen (§ 87 AufenthG); umgekehrt erhalten sie von ihr nur, was sie für ihre Aufgabe brauchen. ' +
      'Das Jobcenter kann ihren Auftrag nicht kennen – deshalb steht er hier.',
    legalBases: [
      { norm: '§ 4a AufenthG', description: 'Zugang zur Erwerbstätigkeit' },
      { norm: '§ 12a AufenthG', description: 'Wohnsitzregelung' },
      { norm: '§ 60a AufenthG', description: 'Duldung' },
      { norm: '§ 81 AufenthG', description: 'Antrag und Fiktionsbescheinigung' },
      { norm: '§ 86 AufenthG', description: 'Erhebung personenbezogener Daten' },
      { norm: '§ 87 AufenthG', description: 'Übermittlungen an Ausländerbehörden' },
    ],
    contact: {
      address: cityAddress('Hans-Böckler-Platz 5'),
      phone: '0208 455-2',
      email: 'auslaenderbehoerde@muelheim-ruhr.example',
      openingHours: 'nur mit Termin',
    },
    teams: ['Aufenthalt und Asyl'],
  },
  {
    code: 'jugendamt',
    name: 'Jugendamt',
    kind: 'jugendamt',
    shortMandate: 'Kinder- und Jugendhilfe nach dem SGB VIII, Schutz von Kindern, unbegleitete Minderjährige.',
    mandate:
      'Das Jugendamt unterstützt Familien und junge Menschen nach dem SGB VIII: Hilfen zur Erziehung mit Hilfeplan (§ 36 SGB VIII), ' +
      'Schutz bei Kindeswohlgefährdung (§ 8a SGB VIII) und die Inobhutnahme unbegleiteter minderjähriger Ausländer (§ 42a SGB VIII). ' +
      'Droht einer Familie mit Kindern die Abschiebung, nimmt der kommunale soziale Dienst an der Fallkonferenz teil. ' +
      'Anvertraute Daten stehen unter besonderem Vertrauensschutz (§ 65 SGB VIII) und dürfen nur in engen Grenzen weitergegeben werden.',
    legalBases: [
      { norm: '§ 8a SGB VIII', description: 'Schutzauftrag bei Kindeswohlgefährdung' },
      { norm: '§§ 27 ff. SGB VIII', description: 'Hilfe zur Erziehung' },
      { norm: '§ 36 SGB VIII', description: 'Mitwirkung, Hilfeplan' },
      {
        norm: '§ 42a SGB VIII',
        description: 'Vorläufige Inobhutnahme unbegleiteter ausländischer Kinder und Jugendlicher',
      },
      {
        norm: '§ 65 SGB VIII',
        description: 'Besonderer Vertrauensschutz in der persönlichen und erzieherischen Hilfe',
      },
    ],
    contact: {
      address: cityAddress('Ruhrstraße 3'),
      phone: '0208 455-3',
      email: 'jugendamt@muelheim-ruhr.example',
      openingHours: 'Mo–Fr 8–12 Uhr; Notdienst rund um die Uhr',
    },
    teams: ['Kommunaler Sozialer Dienst', 'Unbegleitete Minderjährige'],
  },
  {
    code: 'gesundheitsamt',
    name: 'Gesundheitsamt',
    kind: 'gesundheitsamt',
    shortMandate: 'Öffentlicher Gesundheitsdienst: Erstuntersuchung, Infektionsschutz, sozialpsychiatrischer Dienst.',
    mandate:
      'Das Gesundheitsamt untersucht Asylsuchende bei der Aufnahme (§ 62 AsylG), schützt vor übertragbaren Krankheiten und ' +
      'berät über Impfungen. Der sozialpsychiatrische Dienst hilft Menschen in seelischen Krisen, auch nach Flucht und Trauma. ' +
      'Gesundheitsdaten sind besonders geschützt (Art. 9 DSGVO) und werden anderen Stellen nur mit Einwilligung oder gesetzlicher Pflicht mitgeteilt.',
    legalBases: [
      { norm: '§ 62 AsylG', description: 'Gesundheitsuntersuchung' },
      { norm: 'IfSG', description: 'Infektionsschutzgesetz' },
      { norm: 'ÖGDG NRW', description: 'Gesetz über den öffentlichen Gesundheitsdienst NRW' },
      { norm: 'Art. 9 DSGVO', description: 'Verarbeitung besonderer Kategorien personenbezogener Daten' },
    ],
    contact: {
      address: cityAddress('Heinrich-Melzer-Straße 3'),
      phone: '0208 455-4',
      email: 'gesundheitsamt@muelheim-ruhr.example',
      openingHours: 'Mo–Fr 8–12 Uhr',
    },
    teams: ['Sozialpsychiatrischer Dienst'],
  },
  {
    code: 'wohnungsamt',
    name: 'Wohnungsamt / Zentrale Wohnungsfachstelle',
    kind: 'wohnungsamt',
    shortMandate: 'Unterbringung Geflüchteter, Vermittlung von Wohnungen aus Kontingenten, Wohnberechtigungsscheine.',
    mandate:
      'Das Wohnungsamt betreibt die städtischen Unterkünfte und vermittelt Wohnungen, die Wohnungsgesellschaften der Stadt als ' +
      'Kontingent anbieten. Es erkennt Menschen, die in der Unterkunft leben, obwohl sie eine eigene Wohnung beziehen dürften ' +
      '(Fehlbeleger), und achtet darauf, dass keine neuen sozialen Brennpunkte entstehen. Es stellt Wohnberechtigungsscheine aus ' +
      'und hilft bei drohender Wohnungslosigkeit.',
    legalBases: [
      { norm: 'FlüAG NRW', description: 'Flüchtlingsaufnahmegesetz Nordrhein-Westfalen' },
      { norm: '§ 53 AsylG', description: 'Unterbringung in Gemeinschaftsunterkünften' },
      { norm: 'WFNG NRW', description: 'Wohnraumförderung und Wohnberechtigungsschein' },
      { norm: '§ 22 SGB II', description: 'Bedarfe für Unterkunft und Heizung (Angemessenheit)' },
    ],
    contact: {
      address: cityAddress('Ruhrstraße 5'),
      phone: '0208 455-5',
      email: 'wohnungsamt@muelheim-ruhr.example',
      openingHours: 'Mo–Fr 8–12 Uhr',
    },
    teams: ['Unterkunftsmanagement', 'Wohnungsvermittlung'],
  },
  {
    code: 'aa',
    name: 'Agentur für Arbeit Oberhausen – Geschäftsstelle Mülheim',
    kind: 'agentur_fuer_arbeit',
    shortMandate: 'Arbeitsförderung nach dem SGB III: Vermittlung, Berufsberatung, Zustimmung zur Beschäftigung.',
    mandate:
      'Die Agentur für Arbeit ist eine Stelle des Bundes und arbeitet mit eingeschränktem Zugriff in Lotse. Sie vermittelt in ' +
      'Arbeit und Ausbildung, berät zur Berufswahl und fördert Menschen nach dem SGB III, die nicht im SGB II sind. Sie stimmt der ' +
      'Beschäftigung von Ausländerinnen und Ausländern zu, wo das Gesetz es verlangt (§ 39 AufenthG). In Mülheim übernimmt sie ' +
      'Menschen aus dem Jobcenter, wenn Sprachniveau und Kompetenzen für ihre Maßnahmen reichen.',
    legalBases: [
      { norm: '§§ 35 ff. SGB III', description: 'Vermittlung' },
      { norm: '§ 29 SGB III', description: 'Berufsberatung' },
      { norm: '§ 39 AufenthG', description: 'Zustimmung zur Beschäftigung' },
      { norm: '§ 45 SGB III', description: 'Maßnahmen zur Aktivierung und beruflichen Eingliederung' },
    ],
    contact: {
      address: cityAddress('Bahnstraße 22'),
      phone: '0800 4 5555 00',
      email: null,
      openingHours: 'Mo–Fr 7:30–12:30 Uhr',
    },
    teams: ['Arbeitsvermittlung'],
  },
  {
    code: 'cbe',
    name: 'Centrum für bürgerschaftliches Engagement (CBE)',
    kind: 'volunteer_centre',
    shortMandate: 'Ehrenamt: Patenschaften, Tandems, Wohnungspaten – mit minimalen Daten.',
    mandate:
      'Das CBE vermittelt Ehrenamtliche an Menschen, die Begleitung wünschen: Sprachpatenschaften, Begleitung zu Ämtern, ' +
      'Hilfe bei der Wohnungssuche. Es ist keine Behörde mit gesetzlichem Auftrag für Sozialdaten: Ehrenamtliche sehen nur, was ' +
      'sie für ihre Begleitung brauchen, und nur mit Einwilligung der Person.',
    legalBases: [{ norm: 'Art. 6 Abs. 1 lit. a DSGVO', description: 'Einwilligung der betroffenen Person' }],
    contact: {
      address: cityAddress('Wallstraße 7'),
      phone: '0208 455-7',
      email: 'cbe@muelheim-ruhr.example',
      openingHours: 'Di und Do 10–16 Uhr',
    },
    teams: ['Patenschaften'],
  },
  {
    code: 'steuerung',
    name: 'Sozialplanung und Integrationsmonitoring',
    kind: 'steering',
    shortMandate:
      'Steuerung, Berichte für Rat und Evaluation – nur pseudonymisierte Daten; Datenschutz und Administration.',
    mandate:
      'Die Sozialplanung steuert das Modellprojekt und berichtet dem Rat der Stadt und der wissenschaftlichen Evaluation. ' +
      'Sie sieht ausschließlich pseudonymisierte und aggregierte Daten, nie einzelne Fallakten. Hier sind auch die ' +
      'Datenschutzbeauftragte und die Systemadministration angesiedelt, die Lotse einrichtet, aber keine Fallinhalte sieht.',
    legalBases: [
      { norm: '§ 75 SGB X', description: 'Übermittlung von Sozialdaten für die Forschung und Planung' },
      { norm: 'Art. 89 DSGVO', description: 'Garantien für Forschungs- und Statistikzwecke' },
      { norm: 'Art. 37–39 DSGVO', description: 'Datenschutzbeauftragte' },
    ],
    contact: {
      address: cityAddress('Am Rathaus 1'),
      phone: '0208 455-9',
      email: 'sozialplanung@muelheim-ruhr.example',
      openingHours: null,
    },
    teams: ['Sozialplanung'],
  },
];

type DemoUser = { username: string; displayName: string; agency: string; team?: string; roles: Role[]; totp?: boolean };

export const DEMO_USERS: DemoUser[] = [
  {
    username: 'sozialamt',
    displayName: 'Sabine Schulte',
    agency: 'sozialamt',
    team: 'Flüchtlingssozialdienst',
    roles: ['caseworker'],
  },
  {
    username: 'jobcenter',
    displayName: 'Jonas Krämer',
    agency: 'jobcenter',
    team: 'Integrationsfachkräfte',
    roles: ['caseworker'],
  },
  { username: 'abh', displayName: 'Aylin Becker', agency: 'abh', team: 'Aufenthalt und Asyl', roles: ['caseworker'] },
  {
    username: 'jugendamt',
    displayName: 'Jana Hoffmann',
    agency: 'jugendamt',
    team: 'Kommunaler Sozialer Dienst',
    roles: ['caseworker'],
  },
  {
    username: 'gesundheitsamt',
    displayName: 'Dr. Georg Lehmann',
    agency: 'gesundheitsamt',
    team: 'Sozialpsychiatrischer Dienst',
    roles: ['caseworker'],
  },
  {
    username: 'wohnungsamt',
    displayName: 'Wiebke Schneider',
    agency: 'wohnungsamt',
    team: 'Wohnungsvermittlung',
    roles: ['caseworker'],
  },
  { username: 'aa', displayName: 'Andreas Albers', agency: 'aa', team: 'Arbeitsvermittlung', roles: ['caseworker'] },
  { username: 'cbe', displayName: 'Christa Berger', agency: 'cbe', team: 'Patenschaften', roles: ['caseworker'] },
  {
    username: 'teamleitung',
    displayName: 'Tobias Lindner',
    agency: 'sozialamt',
    team: 'Flüchtlingssozialdienst',
    roles: ['team_lead'],
  },
  {
    username: 'steuerung',
    displayName: 'Stefan Tillmann',
    agency: 'steuerung',
    team: 'Sozialplanung',
    roles: ['steering'],
  },
  { username: 'dsb', displayName: 'Dorothea Brandt', agency: 'steuerung', roles: ['data_protection_officer'] },
  { username: 'admin', displayName: 'Anna Michels', agency: 'steuerung', roles: ['system_admin'], totp: true },
];

/** Whether the database already holds a municipality (then seeding is skipped). */
export async function isSeeded(db: Db): Promise<boolean> {
  const rows = await db.select({ n: count() }).from(municipality);
  return Number(rows[0]?.n ?? 0) > 0;
}

/** Seeds the demo municipality Mülheim an der Ruhr in one transaction. */
export async function seedDemo(db: Db, now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await tx
      .insert(municipality)
      .values({ id: 1, name: 'Mülheim an der Ruhr', ags: '05117000', state: 'Nordrhein-Westfalen' });
    await tx
      .insert(districts)
      .values(
        MUELHEIM_DISTRICTS.map((d, i) => {
          const demo = demoDistrict(d.name);
          return {
            code: `MH-${String(i + 1).padStart(2, '0')}`,
            name: d.name,
            borough: d.borough,
            geometry: demo?.geometry ?? null,
            population: demo?.population ?? null,
            populationAsOf: demo?.populationAsOf ?? null,
          };
        }),
      );
    const agencyIds = new Map<string, string>();
    const teamIds = new Map<string, string>();
    for (const a of DEMO_AGENCIES) {
      const [row] = await tx
        .insert(agencies)
        .values({
          code: a.code,
          name: a.name,
          kind: a.kind,
          shortMandate: a.shortMandate,
          mandate: a.mandate,
          legalBases: a.legalBases,
          contact: a.contact,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: agencies.id });
      agencyIds.set(a.code, row!.id);
      for (const name of a.teams) {
        const [team] = await tx
          .insert(teams)
          .values({ agencyId: row!.id, name, createdAt: now })
          .returning({ id: teams.id });
        teamIds.set(`${a.code}/${name}`, team!.id);
      }
    }
    await tx.insert(users).values(
      DEMO_USERS.map((u) => ({
        username: u.username,
        displayName: u.displayName,
        email: `${u.username}@muelheim-ruhr.example`,
        agencyId: agencyIds.get(u.agency)!,
        teamId: u.team ? teamIds.get(`${u.agency}/${u.team}`)! : null,
        roles: u.roles,
        passwordHash,
        passwordChangedAt: now,
        totpSecret: u.totp ? DEMO_ADMIN_TOTP_SECRET : null,
        totpEnrolledAt: u.totp ? now : null,
        createdAt: now,
        updatedAt: now,
      })),
    );
  });
}
