import {
  accessGroundLabel,
  auditEventLabel,
  type AccessReport,
  type AccessReportEntry,
  type PrivacyPerson,
} from '../../../shared/contracts/privacy-reports';
import type { AuditEventAboutRow, PrivacyPersonRow } from './privacy-reports.repository';

export function presentPrivacyPerson(r: PrivacyPersonRow): PrivacyPerson {
  return {
    id: r.id,
    givenNames: r.givenNames,
    familyName: r.familyName,
    dateOfBirth: r.dateOfBirthRaw,
    registeredBy: { id: r.agencyId, name: r.agencyName },
  };
}

const outcomes = ['success', 'failure', 'denied'] as const;

/** `details.via` as recorded by reads of the person (strings only; anything else is ignored). */
function groundsOf(details: Record<string, unknown>): string[] {
  const via = details.via;
  return Array.isArray(via) ? via.filter((v): v is string => typeof v === 'string') : [];
}

function presentEntry(r: AuditEventAboutRow): AccessReportEntry {
  const hasActor = r.actorUserId !== null || r.actorUsername !== null;
  return {
    seq: r.seq,
    occurredAt: r.occurredAt.toISOString(),
    type: r.type,
    label: auditEventLabel(r.type),
    outcome: (outcomes as readonly string[]).includes(r.outcome)
      ? (r.outcome as AccessReportEntry['outcome'])
      : 'failure',
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    actor: hasActor
      ? {
          userId: r.actorUserId,
          displayName: r.actorDisplayName ?? r.actorUsername ?? '–',
          agencyId: r.actorAgencyId,
          agencyName: r.agencyName,
        }
      : null,
    grounds: groundsOf(r.details),
  };
}

/** Whitelists the report: the person's identity only, and per event who, what, when, why. */
export function presentAccessReport(input: {
  person: PrivacyPersonRow;
  merged: string[];
  rows: AuditEventAboutRow[];
  period: { from: string | null; to: string | null };
  generatedAt: Date;
}): AccessReport {
  const entries = input.rows.map(presentEntry);
  const byAgency = new Map<string, { agencyId: string | null; agencyName: string; count: number }>();
  for (const e of entries) {
    const key = e.actor?.agencyId ?? '';
    const current = byAgency.get(key) ?? {
      agencyId: e.actor?.agencyId ?? null,
      agencyName: e.actor?.agencyName ?? 'System (automatischer Vorgang)',
      count: 0,
    };
    current.count += 1;
    byAgency.set(key, current);
  }
  return {
    person: {
      id: input.person.id,
      givenNames: input.person.givenNames,
      familyName: input.person.familyName,
      dateOfBirth: input.person.dateOfBirthRaw,
      mergedIds: input.merged,
    },
    period: input.period,
    generatedAt: input.generatedAt.toISOString(),
    entries,
    byAgency: [...byAgency.values()].sort(
      (a, b) => b.count - a.count || a.agencyName.localeCompare(b.agencyName, 'de'),
    ),
  };
}

const berlinDateTime = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const germanDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

const outcomeLabels: Record<AccessReportEntry['outcome'], string> = {
  success: 'erfolgt',
  failure: 'fehlgeschlagen',
  denied: 'abgelehnt',
};

/** The data of the German PDF (templates/access-report.typ): text only, formatted for print. */
export function presentAccessReportPdf(report: AccessReport, today: string) {
  const period =
    report.period.from && report.period.to
      ? `${germanDate(report.period.from)} bis ${germanDate(report.period.to)}`
      : report.period.from
        ? `ab ${germanDate(report.period.from)}`
        : report.period.to
          ? `bis ${germanDate(report.period.to)}`
          : 'gesamter gespeicherter Zeitraum';
  return {
    documentTitle: 'Auskunft nach Art. 15 DSGVO',
    printedOn: germanDate(today),
    personName: `${report.person.givenNames} ${report.person.familyName}`,
    dateOfBirth: report.person.dateOfBirth,
    period,
    entryCount: report.entries.length,
    byAgency: report.byAgency.map((a) => ({ agency: a.agencyName, count: String(a.count) })),
    entries: report.entries.map((e) => ({
      when: berlinDateTime.format(new Date(e.occurredAt)),
      agency: e.actor?.agencyName ?? 'System',
      who: e.actor?.displayName ?? 'automatischer Vorgang',
      what: e.label.de,
      ground: e.grounds.map((g) => accessGroundLabel(g).de).join(', '),
      outcome: outcomeLabels[e.outcome],
    })),
  };
}
