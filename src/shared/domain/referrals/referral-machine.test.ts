import { describe, expect, it } from 'vitest';
import {
  availableTransitions,
  decideTransition,
  isOverdue,
  maySend,
  referralStatuses,
  transitionTargets,
  type ReferralSide,
  type ReferralStatus,
  type TransitionTarget,
} from './referral-machine';

/** Every edge of the machine: [from, to, side]. */
const edges: [ReferralStatus, TransitionTarget, ReferralSide][] = [
  ['sent', 'accepted', 'receiver'],
  ['sent', 'rejected', 'receiver'],
  ['accepted', 'started', 'receiver'],
  ['started', 'completed', 'receiver'],
  ['started', 'dropped_out', 'receiver'],
  ['draft', 'revoked', 'sender'],
  ['sent', 'revoked', 'sender'],
  ['accepted', 'revoked', 'sender'],
];
const complete = { reasonCode: 'no_places', note: 'Person ist verzogen', date: '2040-05-04' };
const other = (s: ReferralSide): ReferralSide => (s === 'sender' ? 'receiver' : 'sender');

describe('referral machine', () => {
  it.each(edges)('%s → %s is taken by the %s', (from, to, side) => {
    expect(decideTransition(from, to, [side], complete)).toEqual({ ok: true });
    const wrong = decideTransition(from, to, [other(side)], complete);
    expect(wrong.ok).toBe(false);
    expect(wrong.ok ? null : wrong.kind).toBe('wrong_side');
  });

  it('has no other edge: every other pair is not allowed, for either side', () => {
    for (const from of referralStatuses)
      for (const to of transitionTargets) {
        if (edges.some(([f, t]) => f === from && t === to)) continue;
        for (const side of ['sender', 'receiver'] as const) {
          const d = decideTransition(from, to, [side], complete);
          expect(d.ok ? 'ok' : d.kind, `${from} → ${to} by ${side}`).toBe('not_allowed');
        }
      }
  });

  it('nothing moves from a final status, nothing is revoked once started', () => {
    for (const from of ['rejected', 'completed', 'dropped_out', 'revoked', 'started'] as const)
      expect(availableTransitions(from, ['sender']), from).toEqual([]);
    for (const from of ['rejected', 'completed', 'dropped_out', 'revoked'] as const)
      expect(availableTransitions(from, ['receiver']), from).toEqual([]);
  });

  it('a rejection needs a reason code, a start a date, a drop-out a note', () => {
    const need = (from: ReferralStatus, to: TransitionTarget) => {
      const d = decideTransition(from, to, ['receiver'], { reasonCode: ' ', note: '', date: null });
      return d.ok || d.kind !== 'invalid' ? [] : d.problems.map((p) => p.path);
    };
    expect(need('sent', 'rejected')).toEqual(['reasonCode']);
    expect(need('accepted', 'started')).toEqual(['date']);
    expect(need('started', 'dropped_out')).toEqual(['note']);
    expect(need('sent', 'accepted')).toEqual([]);
    expect(need('started', 'completed')).toEqual([]);
    expect(decideTransition('sent', 'revoked', ['sender'], {})).toEqual({ ok: true });
  });

  it('offers the buttons of each side', () => {
    expect(availableTransitions('sent', ['receiver'])).toEqual(['accepted', 'rejected']);
    expect(availableTransitions('sent', ['sender'])).toEqual(['revoked']);
    expect(availableTransitions('accepted', ['receiver'])).toEqual(['started']);
    expect(availableTransitions('started', ['receiver'])).toEqual(['completed', 'dropped_out']);
    expect(availableTransitions('draft', ['receiver'])).toEqual([]);
    expect(maySend('draft', ['sender'])).toBe(true);
    expect(maySend('draft', ['receiver'])).toBe(false);
    expect(maySend('sent', ['sender'])).toBe(false);
  });

  it('a follow-up is overdue only after its day and while the referral is under way', () => {
    expect(isOverdue('sent', '2040-05-03', '2040-05-04')).toBe(true);
    expect(isOverdue('started', '2040-05-03', '2040-05-04')).toBe(true);
    expect(isOverdue('sent', '2040-05-04', '2040-05-04')).toBe(false);
    expect(isOverdue('sent', null, '2040-05-04')).toBe(false);
    expect(isOverdue('draft', '2040-05-01', '2040-05-04')).toBe(false);
    expect(isOverdue('completed', '2040-05-01', '2040-05-04')).toBe(false);
    expect(isOverdue('rejected', '2040-05-01', '2040-05-04')).toBe(false);
  });
});
