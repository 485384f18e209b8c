import { describe, expect, it } from 'vitest';
import {
  addDays,
  appointmentTimeProblems,
  nextStatuses,
  startOfBerlinDay,
  statusChangeProblem,
} from './appointment-rules';

const now = new Date('2026-05-12T10:00:00Z');
const at = (iso: string) => new Date(iso);
const paths = (ps: { path: string }[]) => ps.map((p) => p.path);

describe('appointmentTimeProblems', () => {
  it('accepts a future appointment with an end after its start', () => {
    expect(appointmentTimeProblems(at('2026-05-13T08:00:00Z'), at('2026-05-13T09:00:00Z'), now)).toEqual([]);
    expect(appointmentTimeProblems(at('2026-05-13T08:00:00Z'), null, now)).toEqual([]);
  });

  it('accepts a start up to one day in the past, not earlier', () => {
    expect(appointmentTimeProblems(at('2026-05-11T10:00:00Z'), null, now)).toEqual([]);
    const problems = appointmentTimeProblems(at('2026-05-11T09:59:00Z'), null, now);
    expect(paths(problems)).toEqual(['startsAt']);
    expect(problems[0]!.message.de).toMatch(/höchstens einen Tag in der Vergangenheit/);
  });

  it('refuses a start more than two years ahead', () => {
    expect(paths(appointmentTimeProblems(at('2028-06-01T08:00:00Z'), null, now))).toEqual(['startsAt']);
  });

  it('needs the end after the start and at most 24 hours later', () => {
    const start = at('2026-05-13T08:00:00Z');
    expect(paths(appointmentTimeProblems(start, start, now))).toEqual(['endsAt']);
    expect(paths(appointmentTimeProblems(start, at('2026-05-13T07:00:00Z'), now))).toEqual(['endsAt']);
    expect(paths(appointmentTimeProblems(start, at('2026-05-14T08:00:01Z'), now))).toEqual(['endsAt']);
    expect(appointmentTimeProblems(start, at('2026-05-14T08:00:00Z'), now)).toEqual([]);
  });
});

describe('statusChangeProblem', () => {
  const past = at('2026-05-12T09:00:00Z');
  const future = at('2026-05-12T11:00:00Z');

  it('marks an appointment held or missed only once it has started', () => {
    expect(statusChangeProblem('planned', 'held', past, now)).toBeNull();
    expect(statusChangeProblem('planned', 'missed', past, now)).toBeNull();
    expect(statusChangeProblem('planned', 'held', future, now)?.path).toBe('status');
    expect(statusChangeProblem('planned', 'missed', future, now)?.message.de).toMatch(/noch nicht begonnen/);
  });

  it('cancels at any time', () => {
    expect(statusChangeProblem('planned', 'cancelled', past, now)).toBeNull();
    expect(statusChangeProblem('planned', 'cancelled', future, now)).toBeNull();
  });

  it('takes a cancellation back only for a future appointment; a past one never becomes planned again', () => {
    expect(statusChangeProblem('cancelled', 'planned', future, now)).toBeNull();
    expect(statusChangeProblem('cancelled', 'planned', past, now)?.message.de).toMatch(/nicht wieder auf „geplant“/);
    expect(statusChangeProblem('held', 'planned', past, now)?.path).toBe('status');
  });

  it('allows corrections among the final statuses of a past appointment and keeping a status', () => {
    expect(statusChangeProblem('held', 'missed', past, now)).toBeNull();
    expect(statusChangeProblem('missed', 'held', past, now)).toBeNull();
    expect(statusChangeProblem('planned', 'planned', past, now)).toBeNull();
  });

  it('lists the statuses an appointment can move to now', () => {
    expect(nextStatuses('planned', future, now)).toEqual(['cancelled']);
    expect(nextStatuses('planned', past, now)).toEqual(['held', 'missed', 'cancelled']);
    expect(nextStatuses('cancelled', future, now)).toEqual(['planned']);
    expect(nextStatuses('held', past, now)).toEqual(['missed', 'cancelled']);
  });
});

describe('Berlin days', () => {
  it('starts a day at local midnight in winter and in summer time', () => {
    expect(startOfBerlinDay('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfBerlinDay('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    // The days of the clock changes.
    expect(startOfBerlinDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfBerlinDay('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfBerlinDay('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfBerlinDay('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(() => startOfBerlinDay('2026-02-30')).toThrow(RangeError);
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
