import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { DeliverabilityFacts } from '../../shared/contracts/addresses';
import { todayIn } from '../../shared/domain/calendar-date';
import { addDays } from '../../shared/domain/social-space/exploration-cadence';
import { labelPoint } from '../../shared/domain/social-space/geo';
import type { Db } from './client';
import {
  addressChecks,
  addresses,
  agencies,
  districts,
  explorationAddresses,
  explorationFollowUps,
  explorationResources,
  explorations,
  personAddresses,
  resourceLocations,
  resourceServiceLocations,
  resourceServices,
  users,
  type ExplorationParticipant,
  type ExplorationStakeholder,
} from './schema';

/**
 * Demo explorations (Sozialraumerkundungen): most districts explored at some point in the last two
 * years — some longer ago than the default cadence of 365 days (overdue), Mintard and Selbeck
 * never (overdue too) — with participants from the demo staff, stakeholders met, links to demo
 * resources where the directory has some, deliverability facts for a few demo people's addresses
 * (a house without a mailbox in Eppinghofen, a shared accommodation with central mail
 * distribution, unreliable delivery in Styrum) and open follow-ups for the Sozialamt and its demo
 * caseworker. All names are invented.
 */

export async function hasExplorations(db: Db): Promise<boolean> {
  const rows = await db.select({ n: count() }).from(explorations);
  return Number(rows[0]?.n ?? 0) > 0;
}

/** Days before today of each district's last exploration (absent: never explored). */
const LAST_EXPLORED_DAYS_AGO: Record<string, number[]> = {
  Eppinghofen: [40, 400],
  Styrum: [120],
  'Altstadt I': [15, 300],
  'Altstadt II': [200],
  Dümpten: [500],
  Winkhausen: [90],
  Heißen: [380, 700],
  Holthausen: [250],
  'Menden-Holthausen': [600],
  Raadt: [330],
  Broich: [60],
  Saarn: [420],
  Speldorf: [180, 540],
};

const STAKEHOLDERS: Omit<ExplorationStakeholder, 'serviceId'>[] = [
  { name: 'Frau Öztürk', role: 'Bäckerin', organisation: 'Bäckerei am Markt' },
  { name: 'Herr Brandt', role: 'Hausmeister', organisation: 'Wohnungsbaugesellschaft' },
  { name: 'Pfarrerin Lange', role: 'Pfarrerin', organisation: 'Ev. Kirchengemeinde' },
  { name: 'Herr Haddad', role: 'Vorsitzender', organisation: 'Moscheeverein' },
  { name: 'Frau Kaminski', role: 'Inhaberin', organisation: 'Friseursalon' },
];

const FINDINGS = [
  'Viele Klingelschilder ohne Namen; in zwei Häusern fehlen Briefkästen. Die Bäckerei am Markt ist Anlaufstelle für Neuzugezogene.',
  'Neues Sprachcafé im Gemeindehaus, gut besucht. Spielplatz an der Ecke wird renoviert.',
  'Die Apotheke bietet Beratung auf Arabisch und Türkisch an. Sportverein sucht Übungsleitende.',
];

const factsFor = (kind: 'no_mailbox' | 'shared' | 'unreliable'): DeliverabilityFacts =>
  kind === 'no_mailbox'
    ? {
        mailboxPresent: false,
        namesOnMailbox: null,
        sharedAccommodation: false,
        mailDelivery: 'undeliverable',
        accessNotes: 'Hinterhaus, kein Briefkasten, Klingel ohne Namen',
      }
    : kind === 'shared'
      ? {
          mailboxPresent: true,
          namesOnMailbox: 'Verwaltung',
          sharedAccommodation: true,
          mailDelivery: 'unreliable',
          accessNotes: 'Post wird zentral an der Pforte verteilt',
        }
      : {
          mailboxPresent: true,
          namesOnMailbox: 'mehrere, teils überklebt',
          sharedAccommodation: false,
          mailDelivery: 'unreliable',
          accessNotes: 'Briefkastenanlage beschädigt',
        };

export async function seedDemoExplorations(db: Db, options: { now?: Date } = {}): Promise<void> {
  const now = options.now ?? new Date();
  const today = todayIn(now);
  await db.transaction(async (tx) => {
    const districtRows = await tx.select().from(districts).orderBy(asc(districts.name));
    const byName = new Map(districtRows.map((d) => [d.name, d]));
    const staff = new Map(
      (
        await tx
          .select({ id: users.id, username: users.username, displayName: users.displayName, agencyId: users.agencyId })
          .from(users)
      ).map((u) => [u.username, u]),
    );
    const agencyByKind = new Map(
      (await tx.select({ id: agencies.id, kind: agencies.kind, name: agencies.name }).from(agencies)).map((a) => [
        a.kind,
        a,
      ]),
    );
    const sozialamtUser = staff.get('sozialamt');
    const sozialamt = agencyByKind.get('sozialamt');
    if (!sozialamtUser || !sozialamt) return;
    const colleagues = ['sozialamt', 'jobcenter', 'wohnungsamt', 'cbe', 'jugendamt'].flatMap((u) =>
      staff.get(u) ? [staff.get(u)!] : [],
    );
    const agencyName = new Map([...agencyByKind.values()].map((a) => [a.id, a.name]));

    // Demo resources per district (if the directory is seeded), to link stakeholders and confirmations.
    const resourceRows = await tx
      .select({ id: resourceServices.id, districtId: resourceLocations.districtId })
      .from(resourceServices)
      .innerJoin(resourceServiceLocations, eq(resourceServiceLocations.serviceId, resourceServices.id))
      .innerJoin(resourceLocations, eq(resourceLocations.id, resourceServiceLocations.locationId));
    const resourcesIn = (districtId: string) => [
      ...new Set(resourceRows.filter((r) => r.districtId === districtId).map((r) => r.id)),
    ];

    const newest = new Map<string, string>();
    let n = 0;
    for (const [name, daysAgo] of Object.entries(LAST_EXPLORED_DAYS_AGO)) {
      const district = byName.get(name);
      if (!district) continue;
      for (const ago of daysAgo) {
        n += 1;
        const recorder = colleagues[n % colleagues.length]!;
        const partner = colleagues[(n + 1) % colleagues.length]!;
        const participants: ExplorationParticipant[] = [
          { userId: recorder.id, name: recorder.displayName, organisation: agencyName.get(recorder.agencyId) ?? null },
          { userId: partner.id, name: partner.displayName, organisation: agencyName.get(partner.agencyId) ?? null },
          { userId: null, name: 'Frau Schulte', organisation: 'Quartiersmanagement' },
        ];
        const linked = resourcesIn(district.id);
        const stakeholders = [STAKEHOLDERS[n % STAKEHOLDERS.length]!, STAKEHOLDERS[(n + 2) % STAKEHOLDERS.length]!].map(
          (s, i) => ({
            ...s,
            serviceId: linked[i] ?? null,
          }),
        );
        const exploredOn = addDays(today, -ago);
        const [row] = await tx
          .insert(explorations)
          .values({
            districtId: district.id,
            exploredOn,
            agencyId: recorder.agencyId,
            participants,
            route: `Rundgang durch ${name}: Hauptstraßen, Wohnblöcke, Nahversorgung`,
            findings: FINDINGS[n % FINDINGS.length]!,
            stakeholders,
            createdBy: recorder.id,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: explorations.id });
        if (!newest.has(name)) newest.set(name, row!.id);
        if (linked[0])
          await tx.insert(explorationResources).values({
            explorationId: row!.id,
            serviceId: linked[0],
            change: 'updated',
            note: 'Angebot besteht weiterhin',
          });
      }
    }

    // Deliverability facts of a few demo people's addresses, checked by the newest exploration there.
    const flagged: { district: string; kind: 'no_mailbox' | 'shared' | 'unreliable' }[] = [
      { district: 'Eppinghofen', kind: 'no_mailbox' },
      { district: 'Broich', kind: 'shared' },
      { district: 'Styrum', kind: 'unreliable' },
    ];
    for (const [i, f] of flagged.entries()) {
      const district = byName.get(f.district);
      const explorationId = newest.get(f.district);
      if (!district || !explorationId) continue;
      const [address] = await tx
        .select({ id: addresses.id })
        .from(addresses)
        .innerJoin(personAddresses, eq(personAddresses.addressId, addresses.id))
        .where(
          and(
            eq(addresses.districtId, district.id),
            isNull(addresses.lastCheckedAt),
            isNull(personAddresses.validUntil),
          ),
        )
        .orderBy(asc(addresses.street), asc(addresses.houseNumber))
        .limit(1);
      if (!address) continue;
      const facts = factsFor(f.kind);
      const centre = district.geometry ? labelPoint(district.geometry) : null;
      const checkedAt = new Date(now.getTime() - (i + 1) * 86_400_000);
      await tx
        .update(addresses)
        .set({
          ...facts,
          ...(centre ? { latitude: centre.latitude + 0.001 * (i + 1), longitude: centre.longitude + 0.001 } : {}),
          lastCheckedAt: checkedAt,
          lastCheckedBy: sozialamtUser.id,
          lastCheckedSource: 'exploration',
          version: 2,
        })
        .where(eq(addresses.id, address.id));
      const [check] = await tx
        .insert(addressChecks)
        .values({
          addressId: address.id,
          checkedAt,
          checkedBy: sozialamtUser.id,
          checkedByAgencyId: sozialamt.id,
          source: 'exploration',
          sourceId: explorationId,
          facts,
          note: null,
        })
        .returning({ id: addressChecks.id });
      await tx.insert(explorationAddresses).values({ explorationId, addressId: address.id, checkId: check!.id });
    }

    // Open follow-ups for the Sozialamt and its demo caseworker.
    const eppinghofen = newest.get('Eppinghofen');
    const altstadt = newest.get('Altstadt I');
    const followUps = [
      eppinghofen && {
        explorationId: eppinghofen,
        title: 'Hausverwaltung wegen fehlender Briefkästen anschreiben',
        description: 'Hinterhaus ohne Briefkasten; Bewohnende erhalten keine Bescheide.',
        assigneeAgencyId: sozialamt.id,
        assigneeUserId: sozialamtUser.id,
        dueDate: addDays(today, 10),
      },
      eppinghofen && {
        explorationId: eppinghofen,
        title: 'Sprachcafé in die Angebotsliste für Neuzugezogene aufnehmen',
        description: null,
        assigneeAgencyId: sozialamt.id,
        assigneeUserId: null,
        dueDate: addDays(today, -3),
      },
      altstadt && {
        explorationId: altstadt,
        title: 'Kontakt zum Moscheeverein für Infoabend aufnehmen',
        description: 'Infoabend zu Leistungen nach SGB XII.',
        assigneeAgencyId: sozialamt.id,
        assigneeUserId: sozialamtUser.id,
        dueDate: addDays(today, 21),
      },
      altstadt &&
        agencyByKind.get('jobcenter') && {
          explorationId: altstadt,
          title: 'Arbeitgeber im Quartier zu Praktikumsplätzen ansprechen',
          description: null,
          assigneeAgencyId: agencyByKind.get('jobcenter')!.id,
          assigneeUserId: null,
          dueDate: addDays(today, 30),
        },
    ].filter((f): f is Exclude<typeof f, undefined | '' | false | null> => Boolean(f));
    if (followUps.length)
      await tx.insert(explorationFollowUps).values(followUps.map((f) => ({ ...f, createdAt: now })));
  });
}
