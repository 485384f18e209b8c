import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { casePhases, closureReasons, type CasePhase } from '../../contracts/cases';
import {
  availableMoves,
  checkPhaseChange,
  checkReopen,
  closureReasonLabels,
  needsCompletedAssessment,
  phaseIndex,
  phaseLabels,
  type PhaseCheck,
} from './phase-machine';

const done = { assessmentCompleted: true };
const open = { assessmentCompleted: false };
const codes = (r: PhaseCheck) => (r.ok ? [] : r.problems.map((p) => `${p.kind}:${p.path}:${p.code}`));

describe('checkPhaseChange', () => {
  it('moves forward one step at a time from intake to monitoring', () => {
    const path: CasePhase[] = ['intake', 'assessment', 'planning', 'implementation', 'monitoring'];
    for (let i = 0; i + 1 < path.length; i++) {
      expect(checkPhaseChange(path[i]!, { to: path[i + 1]! }, done)).toEqual({ ok: true, kind: 'forward' });
    }
  });

  it('needs a completed assessment to enter planning, and explains it in German and English', () => {
    const r = checkPhaseChange('assessment', { to: 'planning' }, open);
    expect(codes(r)).toEqual(['state:to:assessment_required']);
    if (r.ok) throw new Error('unreachable');
    expect(r.problems[0]!.message.de).toBe(
      'Für die Phase „Hilfeplanung“ muss ein abgeschlossenes Assessment vorliegen. Bitte schließen Sie zuerst das Assessment ab.',
    );
    expect(r.problems[0]!.message.en).toMatch(/needs a completed assessment/);
  });

  it('refuses jumps over a phase, in either direction', () => {
    expect(codes(checkPhaseChange('intake', { to: 'planning' }, done))).toEqual(['state:to:not_adjacent']);
    expect(codes(checkPhaseChange('monitoring', { to: 'planning', reason: 'neu' }, done))).toEqual([
      'state:to:not_adjacent',
    ]);
  });

  it('goes back one step only with a reason', () => {
    expect(codes(checkPhaseChange('planning', { to: 'assessment' }, done))).toEqual(['input:reason:reason_required']);
    expect(codes(checkPhaseChange('planning', { to: 'assessment', reason: '   ' }, done))).toEqual([
      'input:reason:reason_required',
    ]);
    expect(checkPhaseChange('planning', { to: 'assessment', reason: 'Neue Diagnose' }, done)).toEqual({
      ok: true,
      kind: 'back',
    });
  });

  it('keeps the assessment condition when stepping back into a phase that needs it', () => {
    expect(codes(checkPhaseChange('implementation', { to: 'planning', reason: 'x' }, open))).toEqual([
      'state:to:assessment_required',
    ]);
  });

  it('closes from every open phase with a closure reason and an outcome, without an assessment', () => {
    for (const from of casePhases.filter((p) => p !== 'closure')) {
      expect(
        checkPhaseChange(from, { to: 'closure', closureReason: 'moved_away', outcome: 'Nach Essen verzogen.' }, open),
      ).toEqual({ ok: true, kind: 'close' });
    }
  });

  it('names every missing closure field at once', () => {
    expect(codes(checkPhaseChange('implementation', { to: 'closure' }, done))).toEqual([
      'input:closureReason:closure_reason_required',
      'input:outcome:outcome_required',
    ]);
    expect(
      codes(checkPhaseChange('implementation', { to: 'closure', closureReason: 'other', outcome: ' ' }, done)),
    ).toEqual(['input:outcome:outcome_required']);
  });

  it('takes closure fields only on closure', () => {
    expect(codes(checkPhaseChange('intake', { to: 'assessment', closureReason: 'other' }, done))).toEqual([
      'input:closureReason:closure_fields_only_on_closure',
    ]);
    expect(codes(checkPhaseChange('intake', { to: 'assessment', outcome: 'x' }, done))).toEqual([
      'input:outcome:closure_fields_only_on_closure',
    ]);
  });

  it('refuses a move to the same phase and any move of a closed case', () => {
    expect(codes(checkPhaseChange('planning', { to: 'planning' }, done))).toEqual(['state:to:same_phase']);
    expect(codes(checkPhaseChange('closure', { to: 'monitoring', reason: 'x' }, done))).toEqual([
      'state:to:case_closed',
    ]);
  });

  it('allows exactly the moves availableMoves offers (property)', () => {
    const phase = fc.constantFrom(...casePhases);
    fc.assert(
      fc.property(phase, phase, fc.boolean(), (from, to, assessmentCompleted) => {
        const conditions = { assessmentCompleted };
        const offered = availableMoves(from, conditions).find((m) => m.to === to);
        const input = { to, reason: 'Grund', closureReason: 'other' as const, outcome: 'Ergebnis' };
        const result =
          from === 'closure'
            ? checkReopen(from, { to, reason: 'Grund' }, conditions)
            : checkPhaseChange(from, to === 'closure' ? input : { to, reason: 'Grund' }, conditions);
        expect(result.ok).toBe(offered !== undefined && offered.blockedBy === null);
      }),
    );
  });
});

describe('checkReopen', () => {
  it('reopens a closed case to any earlier phase with a reason', () => {
    for (const to of ['intake', 'assessment', 'planning', 'implementation', 'monitoring'] as const) {
      expect(checkReopen('closure', { to, reason: 'Person meldet sich wieder' }, done)).toEqual({
        ok: true,
        kind: 'reopen',
      });
    }
  });

  it('needs a reason, a closed case, a phase before closure and the entry condition of the target', () => {
    expect(codes(checkReopen('closure', { to: 'intake', reason: '' }, done))).toEqual(['input:reason:reason_required']);
    expect(codes(checkReopen('monitoring', { to: 'intake', reason: 'x' }, done))).toEqual(['state:to:case_open']);
    expect(codes(checkReopen('closure', { to: 'closure', reason: 'x' }, done))).toEqual(['state:to:same_phase']);
    expect(codes(checkReopen('closure', { to: 'monitoring', reason: 'x' }, open))).toEqual([
      'state:to:assessment_required',
    ]);
    expect(checkReopen('closure', { to: 'assessment', reason: 'x' }, open).ok).toBe(true);
  });
});

describe('availableMoves', () => {
  it('offers forward, back and closure, and marks the unmet entry condition', () => {
    expect(
      availableMoves('assessment', open).map((m) => [m.to, m.kind, m.requires, m.blockedBy?.code ?? null]),
    ).toEqual([
      ['planning', 'forward', [], 'assessment_required'],
      ['intake', 'back', ['reason'], null],
      ['closure', 'close', ['closureReason', 'outcome'], null],
    ]);
    expect(availableMoves('intake', done).map((m) => m.to)).toEqual(['assessment', 'closure']);
    expect(availableMoves('monitoring', done).map((m) => m.to)).toEqual(['implementation', 'closure']);
  });

  it('offers the reopen targets of a closed case', () => {
    expect(availableMoves('closure', open).map((m) => [m.to, m.kind, m.blockedBy?.code ?? null])).toEqual([
      ['intake', 'reopen', null],
      ['assessment', 'reopen', null],
      ['planning', 'reopen', 'assessment_required'],
      ['implementation', 'reopen', 'assessment_required'],
      ['monitoring', 'reopen', 'assessment_required'],
    ]);
  });
});

describe('labels and helpers', () => {
  it('labels every phase and closure reason in both languages', () => {
    for (const p of casePhases) expect(phaseLabels[p].de && phaseLabels[p].en).toBeTruthy();
    for (const r of closureReasons) expect(closureReasonLabels[r].de && closureReasonLabels[r].en).toBeTruthy();
  });

  it('orders the phases and knows which need the assessment', () => {
    expect(casePhases.map(phaseIndex)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(casePhases.filter(needsCompletedAssessment)).toEqual(['planning', 'implementation', 'monitoring']);
  });
});
