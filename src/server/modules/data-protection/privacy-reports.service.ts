import { todayIn } from '../../../shared/domain/calendar-date';
import type {
  AccessReport,
  AccessReportQuery,
  PrivacyPeopleQuery,
  PrivacyPerson,
} from '../../../shared/contracts/privacy-reports';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError } from '../../platform/errors/app-error';
import { loadTypstTemplate, typstRenderer } from '../../platform/pdf/typst-renderer';
import { presentAccessReport, presentAccessReportPdf, presentPrivacyPerson } from './privacy-reports.presenter';
import {
  auditEventsAbout,
  findPrivacyPerson,
  mergedInto,
  reportSubjectIds,
  searchAllPeople,
} from './privacy-reports.repository';

const DATE_TERM = [
  { re: /^(\d{4})-(\d{2})-(\d{2})$/, y: 1, m: 2, d: 3 },
  { re: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, y: 3, m: 2, d: 1 },
  { re: /^(\d{1,2})\.(\d{4})$/, y: 2, m: 1, d: 0 },
  { re: /^(\d{4})$/, y: 1, m: 0, d: 0 },
] as const;

/** Splits the search text into name parts and dates of birth (a 00 part means "unknown"). */
export function parsePrivacyQuery(q: string) {
  const names: string[] = [];
  const dates: { year: number; month: number | null; day: number | null }[] = [];
  for (const term of q.split(/\s+/).filter(Boolean)) {
    const match = DATE_TERM.map((f) => ({ f, m: f.re.exec(term) })).find((x) => x.m !== null);
    if (match?.m) {
      const part = (i: number) => (i === 0 ? null : Number(match.m![i]) || null);
      dates.push({ year: Number(match.m[match.f.y]), month: part(match.f.m), day: part(match.f.d) });
    } else {
      names.push(term.replace(/[,;]+$/, ''));
    }
  }
  return { names: names.filter((n) => n.length > 0), dates };
}

/** The person search of the data protection officer: all people, minimal fields, audited as a count. */
export async function searchPeopleForReport(
  db: Db,
  actor: Actor | null,
  query: PrivacyPeopleQuery,
  ctx: AuditContext,
): Promise<{ items: PrivacyPerson[]; page: { page: number; pageSize: number; total: number } }> {
  await check(db, actor, 'privacy.report');
  const terms = parsePrivacyQuery(query.q);
  return db.transaction(async (tx) => {
    const { rows, total } = await searchAllPeople(tx, terms, query.page, query.pageSize);
    await recordAudit(tx, ctx, { type: 'privacy.people_searched', details: { resultCount: rows.length } });
    return { items: rows.map(presentPrivacyPerson), page: { page: query.page, pageSize: query.pageSize, total } };
  });
}

const berlinParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** The instant at which the Europe/Berlin day `date` begins. */
export function berlinDayStart(date: string): Date {
  const utcMidnight = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  const parts = Object.fromEntries(berlinParts.formatToParts(new Date(utcMidnight)).map((p) => [p.type, p.value]));
  const asBerlin = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
  return new Date(utcMidnight - (asBerlin - utcMidnight));
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Days before year 1 or after 9998 cannot be stored as bounds; such a bound excludes nothing. */
const storableDay = (date: string | undefined) =>
  date && date >= '0001-01-01' && date < '9999-01-01' ? date : undefined;

async function buildReport(db: Db, personId: string, query: AccessReportQuery, now: Date): Promise<AccessReport> {
  const person = await findPrivacyPerson(db, personId);
  if (!person) throw new AppError('NOT_FOUND');
  const merged = await mergedInto(db, personId);
  const subjectIds = await reportSubjectIds(db, [personId, ...merged]);
  const from = storableDay(query.from);
  const to = storableDay(query.to);
  const rows = await auditEventsAbout(
    db,
    subjectIds,
    from ? berlinDayStart(from) : undefined,
    to ? berlinDayStart(nextDay(to)) : undefined,
  );
  return presentAccessReport({
    person,
    merged,
    rows,
    period: { from: query.from ?? null, to: query.to ?? null },
    generatedAt: now,
  });
}

/**
 * "Who saw my data" (Art. 15 (1) (c) GDPR): every audit event about the person, the records merged
 * into them, their cases and households — who, from which agency, what, on which ground. Producing
 * the report is itself recorded about the person, so it shows in the next report.
 */
export async function accessReport(
  db: Db,
  actor: Actor | null,
  personId: string,
  query: AccessReportQuery,
  ctx: AuditContext,
): Promise<AccessReport> {
  await check(db, actor, 'privacy.report');
  return db.transaction(async (tx) => {
    const report = await buildReport(tx, personId, query, ctx.now);
    await recordAudit(tx, ctx, {
      type: 'privacy.access_report',
      subjectType: 'person',
      subjectId: personId,
      details: { format: 'json', entries: report.entries.length },
    });
    return report;
  });
}

const reportTemplate = loadTypstTemplate(new URL('../../platform/pdf/templates/access-report.typ', import.meta.url));

/** The same report as a German PDF for the person. */
export async function accessReportPdf(
  db: Db,
  actor: Actor | null,
  personId: string,
  query: AccessReportQuery,
  ctx: AuditContext,
): Promise<{ pdf: Buffer; filename: string }> {
  await check(db, actor, 'privacy.report');
  const report = await buildReport(db, personId, query, ctx.now);
  const pdf = typstRenderer().renderPdf(reportTemplate, presentAccessReportPdf(report, todayIn(ctx.now)));
  // Recorded once the document exists; if the audit write fails, the PDF is not handed out.
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'privacy.access_report',
      subjectType: 'person',
      subjectId: personId,
      details: { format: 'pdf', entries: report.entries.length },
    });
  });
  return { pdf, filename: `Auskunft-Art15-${todayIn(ctx.now)}.pdf` };
}
