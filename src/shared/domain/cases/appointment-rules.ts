import { isCalendarDate } from '../calendar-date';

/**
 * Rules of case appointments (Termine), shared by the server (which enforces them) and the
 * client (which offers only the allowed status changes).
 *
 * Status: planned → held | missed | cancelled. `held` and `missed` describe what happened, so
 * they need the appointment to have started; `cancelled` is possible at any time. A held, missed
 * or cancelled appointment goes back to `planned` only while it still lies in the future (a
 * cancellation taken back); a past appointment is never "planned" again — it happened or not.
 * Corrections among held, missed and cancelled stay possible.
 *
 * Time: a new appointment may start at most one day in the past. A conversation that happened
 * this morning or yesterday evening can still be entered afterwards (and marked as held); older
 * contacts are documented as notes (Vermerke), which carry their own date. Two years ahead is
 * the farthest a case plans an appointment. An appointment lasts at most 24 hours.
 */

export const appointmentStatuses = ['planned', 'held', 'missed', 'cancelled'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

const HOUR_MS = 3_600_000;
export const MAX_START_IN_PAST_MS = 24 * HOUR_MS;
export const MAX_START_IN_FUTURE_MS = 2 * 366 * 24 * HOUR_MS;
export const MAX_DURATION_MS = 24 * HOUR_MS;

type Text = { de: string; en: string };
export type AppointmentProblem = { path: 'startsAt' | 'endsAt' | 'status'; message: Text };

/** The problems of a start and end time, for a new appointment or a changed time. */
export function appointmentTimeProblems(startsAt: Date, endsAt: Date | null, now: Date): AppointmentProblem[] {
  const problems: AppointmentProblem[] = [];
  if (startsAt.getTime() < now.getTime() - MAX_START_IN_PAST_MS) {
    problems.push({
      path: 'startsAt',
      message: {
        de: 'Ein Termin kann höchstens einen Tag in der Vergangenheit beginnen. Frühere Kontakte halten Sie bitte als Vermerk fest.',
        en: 'An appointment can start at most one day in the past. Please record earlier contacts as a note.',
      },
    });
  } else if (startsAt.getTime() > now.getTime() + MAX_START_IN_FUTURE_MS) {
    problems.push({
      path: 'startsAt',
      message: {
        de: 'Ein Termin kann höchstens zwei Jahre im Voraus vereinbart werden.',
        en: 'An appointment can be scheduled at most two years ahead.',
      },
    });
  }
  if (endsAt !== null) {
    if (endsAt.getTime() <= startsAt.getTime()) {
      problems.push({
        path: 'endsAt',
        message: { de: 'Das Ende muss nach dem Beginn liegen.', en: 'The end must be after the start.' },
      });
    } else if (endsAt.getTime() - startsAt.getTime() > MAX_DURATION_MS) {
      problems.push({
        path: 'endsAt',
        message: {
          de: 'Ein Termin dauert höchstens 24 Stunden. Für mehrtägige Maßnahmen legen Sie bitte einzelne Termine an.',
          en: 'An appointment lasts at most 24 hours. Please enter separate appointments for courses over several days.',
        },
      });
    }
  }
  return problems;
}

/**
 * Whether the status may change from `from` to `to` for an appointment starting at `startsAt`;
 * null when it may, else the explanation. Staying in the same status is always allowed.
 */
export function statusChangeProblem(
  from: AppointmentStatus,
  to: AppointmentStatus,
  startsAt: Date,
  now: Date,
): AppointmentProblem | null {
  if (from === to) return null;
  const started = startsAt.getTime() <= now.getTime();
  if ((to === 'held' || to === 'missed') && !started) {
    return {
      path: 'status',
      message: {
        de: 'Ein Termin, der noch nicht begonnen hat, kann nicht als stattgefunden oder versäumt markiert werden.',
        en: 'An appointment that has not started yet cannot be marked as held or missed.',
      },
    };
  }
  if (to === 'planned' && started) {
    return {
      path: 'status',
      message: {
        de: 'Ein vergangener Termin kann nicht wieder auf „geplant“ gesetzt werden. Vereinbaren Sie bitte einen neuen Termin.',
        en: 'A past appointment cannot be set back to "planned". Please schedule a new appointment.',
      },
    };
  }
  return null;
}

/** The statuses the appointment can move to now (the client offers these). */
export function nextStatuses(from: AppointmentStatus, startsAt: Date, now: Date): AppointmentStatus[] {
  return appointmentStatuses.filter((to) => to !== from && statusChangeProblem(from, to, startsAt, now) === null);
}

const berlinParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Minutes Berlin is ahead of UTC at the instant. */
function berlinOffsetMinutes(at: Date): number {
  const p = Object.fromEntries(berlinParts.formatToParts(at).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant the calendar day begins in Europe/Berlin (00:00 local time), so that a date range
 * of the appointment overview means German days whatever the server's zone is.
 *
 * @example startOfBerlinDay('2026-07-01') → 2026-06-30T22:00:00.000Z (summer time)
 * @throws RangeError when the argument is not a calendar date
 */
export function startOfBerlinDay(date: string): Date {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  // The offset at local midnight: guess with the offset at UTC midnight, then correct once (DST
  // changes happen at 02:00/03:00, never at midnight, so one correction settles it).
  const guess = utcMidnight - berlinOffsetMinutes(new Date(utcMidnight)) * 60_000;
  return new Date(utcMidnight - berlinOffsetMinutes(new Date(guess)) * 60_000);
}

/** 'YYYY-MM-DD' plus whole days. */
export function addDays(date: string, days: number): string {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
