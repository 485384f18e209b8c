import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { casePhases } from '../../contracts/cases';
import { planKinds } from '../../contracts/case-plans';
import {
  addMonths,
  caseOpenProblems,
  germanDate,
  isReviewOverdue,
  latestReviewDate,
  planContentProblems,
  planCreationProblems,
  planStatusMoveProblems,
  plansAllowedInPhase,
  stepAssignmentProblems,
  stepProgressProblems,
  type PlanContent,
  type PlanContentContext,
  type PlanProblem,
} from './plan-rules';

const codes = (problems: PlanProblem[]) => problems.map((p) => `${p.kind}:${p.path}:${p.code}`);
const TODAY = '2026-03-10';
const created: PlanContentContext = { today: TODAY, previous: null };

const content = (over: Partial<PlanContent> = {}): PlanContent => ({
  kind: 'integration_plan',
  status: 'draft',
  agreedOn: null,
  reviewDate: null,
  endedOn: null,
  goals: [],
  steps: [],
  ...over,
});

describe('addMonths and the review limit', () => {
  it('keeps the day, or takes the last day of a shorter month', () => {
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01');
  });

  it('never goes back in time and lands within 6 months and a few days', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const later = addMonths(iso, 6);
        expect(later > iso).toBe(true);
        const days = (Date.parse(later) - Date.parse(iso)) / 86_400_000;
        expect(days).toBeGreaterThanOrEqual(178);
        expect(days).toBeLessThanOrEqual(184);
      }),
    );
  });

  it('limits only the Kooperationsplan: six months after agreement, or after today before it', () => {
    expect(latestReviewDate('kooperationsplan', '2026-01-15', TODAY)).toBe('2026-07-15');
    expect(latestReviewDate('kooperationsplan', null, TODAY)).toBe('2026-09-10');
    expect(latestReviewDate('hilfeplan', '2026-01-15', TODAY)).toBeNull();
    expect(latestReviewDate('integration_plan', null, TODAY)).toBeNull();
  });

  it('flags a review date before today on a plan in force as overdue', () => {
    expect(isReviewOverdue({ status: 'agreed', reviewDate: '2026-03-09' }, TODAY)).toBe(true);
    expect(isReviewOverdue({ status: 'agreed', reviewDate: TODAY }, TODAY)).toBe(false);
    expect(isReviewOverdue({ status: 'ended', reviewDate: '2026-03-09' }, TODAY)).toBe(false);
    expect(isReviewOverdue({ status: 'draft', reviewDate: null }, TODAY)).toBe(false);
  });

  it('writes German dates', () => {
    expect(germanDate('2026-07-01')).toBe('01.07.2026');
  });
});

describe('planCreationProblems', () => {
  const base = {
    kind: 'integration_plan' as const,
    casePhase: 'planning' as const,
    ownerAgencyKind: 'sozialamt' as const,
    plans: [],
  };

  it('allows plans from planning to monitoring only, and explains that planning needs a completed assessment', () => {
    expect(casePhases.filter(plansAllowedInPhase)).toEqual(['planning', 'implementation', 'monitoring']);
    for (const phase of ['intake', 'assessment'] as const) {
      const problems = planCreationProblems({ ...base, casePhase: phase });
      expect(codes(problems)).toEqual(['state:kind:phase_too_early']);
      expect(problems[0]!.message.de).toContain('setzt ein abgeschlossenes Assessment voraus');
      expect(problems[0]!.message.en).toContain('needs a completed assessment');
    }
    expect(planCreationProblems({ ...base, casePhase: 'monitoring' })).toEqual([]);
  });

  it('refuses a closed case with its own explanation', () => {
    expect(codes(planCreationProblems({ ...base, casePhase: 'closure' }))).toEqual(['state:phase:case_closed']);
    expect(caseOpenProblems('closure')[0]!.message.de).toMatch(/wieder/);
    expect(caseOpenProblems('implementation')).toEqual([]);
  });

  it('lets only the Jobcenter own a Kooperationsplan and only the Jugendamt a Hilfeplan', () => {
    const koop = planCreationProblems({ ...base, kind: 'kooperationsplan' });
    expect(codes(koop)).toEqual(['state:kind:owner_kind']);
    expect(koop[0]!.message.de).toContain('nur das Jobcenter');
    expect(planCreationProblems({ ...base, kind: 'kooperationsplan', ownerAgencyKind: 'jobcenter' })).toEqual([]);
    const hilfe = planCreationProblems({ ...base, kind: 'hilfeplan', ownerAgencyKind: 'jobcenter' });
    expect(hilfe[0]!.message.de).toContain('nur das Jugendamt');
    expect(planCreationProblems({ ...base, kind: 'hilfeplan', ownerAgencyKind: 'jugendamt' })).toEqual([]);
    // Any team agency may own an integration plan.
    for (const k of ['jobcenter', 'jugendamt', 'wohnungsamt', 'volunteer_centre'] as const) {
      expect(planCreationProblems({ ...base, ownerAgencyKind: k })).toEqual([]);
    }
  });

  it('allows one plan in force per kind; an ended one does not count', () => {
    expect(codes(planCreationProblems({ ...base, plans: [{ kind: 'integration_plan', status: 'agreed' }] }))).toEqual([
      'state:kind:plan_of_kind_open',
    ]);
    expect(planCreationProblems({ ...base, plans: [{ kind: 'integration_plan', status: 'ended' }] })).toEqual([]);
    expect(planCreationProblems({ ...base, plans: [{ kind: 'hilfeplan', status: 'draft' }] })).toEqual([]);
  });

  it('reports every problem at once', () => {
    const r = planCreationProblems({
      kind: 'hilfeplan',
      casePhase: 'intake',
      ownerAgencyKind: 'sozialamt',
      plans: [{ kind: 'hilfeplan', status: 'draft' }],
    });
    expect(r.map((p) => p.code)).toEqual(['phase_too_early', 'owner_kind', 'plan_of_kind_open']);
  });

  it('explains every refusal in German and English', () => {
    for (const kind of planKinds) {
      for (const phase of casePhases) {
        for (const p of planCreationProblems({
          kind,
          casePhase: phase,
          ownerAgencyKind: 'steering',
          plans: [{ kind, status: 'draft' }],
        })) {
          expect(p.message.de.length).toBeGreaterThan(20);
          expect(p.message.en.length).toBeGreaterThan(20);
        }
      }
    }
  });
});

describe('planStatusMoveProblems', () => {
  it('goes draft → agreed → ended, and draft → ended; never back to draft; ended is final', () => {
    expect(planStatusMoveProblems('draft', 'agreed')).toEqual([]);
    expect(planStatusMoveProblems('agreed', 'ended')).toEqual([]);
    expect(planStatusMoveProblems('draft', 'ended')).toEqual([]);
    expect(planStatusMoveProblems('agreed', 'agreed')).toEqual([]);
    expect(codes(planStatusMoveProblems('agreed', 'draft'))).toEqual(['state:status:status_move']);
    expect(codes(planStatusMoveProblems('ended', 'ended'))).toEqual(['state:status:plan_ended']);
    expect(codes(planStatusMoveProblems('ended', 'agreed'))).toEqual(['state:status:plan_ended']);
  });
});

describe('planContentProblems', () => {
  it('needs a review date on a Kooperationsplan in force, citing § 15 Abs. 3 SGB II', () => {
    const r = planContentProblems(content({ kind: 'kooperationsplan' }), created);
    expect(codes(r)).toEqual(['input:reviewDate:review_date_required']);
    expect(r[0]!.message.de).toContain('§ 15 Abs. 3 SGB II');
    expect(planContentProblems(content({ kind: 'hilfeplan' }), created)).toEqual([]);
  });

  it('puts the review of a Kooperationsplan at most six months after agreement, or after today', () => {
    const ok = content({ kind: 'kooperationsplan', reviewDate: '2026-09-10' });
    expect(planContentProblems(ok, created)).toEqual([]);
    const late = planContentProblems({ ...ok, reviewDate: '2026-09-11' }, created);
    expect(codes(late)).toEqual(['input:reviewDate:review_date_too_late']);
    expect(late[0]!.message.de).toContain('bis spätestens 10.09.2026');
    const agreed = content({
      kind: 'kooperationsplan',
      status: 'agreed',
      agreedOn: '2026-02-01',
      reviewDate: '2026-08-02',
      goals: [{ targetDate: null }],
    });
    expect(codes(planContentProblems(agreed, created))).toEqual(['input:reviewDate:review_date_too_late']);
    expect(planContentProblems({ ...agreed, reviewDate: '2026-08-01' }, created)).toEqual([]);
    // A Hilfeplan has no fixed period ("regelmäßig", § 36 Abs. 2 SGB VIII).
    expect(planContentProblems(content({ kind: 'hilfeplan', reviewDate: '2028-01-01' }), created)).toEqual([]);
  });

  it('checks review limits only when the review or agreement date changes, so an old plan stays savable', () => {
    const stored = {
      kind: 'kooperationsplan' as const,
      status: 'agreed' as const,
      agreedOn: '2025-06-01',
      reviewDate: '2025-12-01',
      goals: [{ targetDate: null }],
    };
    const previous = {
      agreedOn: '2025-06-01',
      reviewDate: '2025-12-01',
      goalIds: new Set<string>(),
      stepIds: new Set<string>(),
    };
    expect(planContentProblems(content(stored), { today: TODAY, previous })).toEqual([]);
    // A new review date must lie ahead and within six months of the (new) agreement.
    expect(
      codes(planContentProblems(content({ ...stored, reviewDate: '2026-05-01' }), { today: TODAY, previous })),
    ).toEqual(['input:reviewDate:review_date_too_late']);
    expect(
      codes(planContentProblems(content({ ...stored, reviewDate: '2026-03-09' }), { today: TODAY, previous })),
    ).toEqual(['input:reviewDate:review_in_past', 'input:reviewDate:review_date_too_late']);
    expect(
      planContentProblems(content({ ...stored, agreedOn: '2026-03-01', reviewDate: '2026-08-31' }), {
        today: TODAY,
        previous,
      }),
    ).toEqual([]);
  });

  it('refuses a review before the agreement', () => {
    expect(codes(planContentProblems(content({ agreedOn: '2026-03-01', reviewDate: '2026-02-01' }), created))).toEqual([
      'input:reviewDate:review_before_agreed',
    ]);
  });

  it('needs the date of agreement and a goal for an agreed plan; no agreement in the future', () => {
    expect(codes(planContentProblems(content({ status: 'agreed' }), created))).toEqual([
      'input:agreedOn:agreed_on_required',
      'input:goals:goal_required',
    ]);
    expect(
      codes(
        planContentProblems(
          content({ status: 'agreed', agreedOn: '2026-03-11', goals: [{ targetDate: null }] }),
          created,
        ),
      ),
    ).toEqual(['input:agreedOn:agreed_on_future']);
  });

  it('needs an end date, not in the future and not before the agreement, only for an ended plan', () => {
    expect(codes(planContentProblems(content({ status: 'ended' }), created))).toEqual([
      'input:endedOn:ended_on_required',
    ]);
    expect(codes(planContentProblems(content({ status: 'ended', endedOn: '2026-03-11' }), created))).toEqual([
      'input:endedOn:ended_on_future',
    ]);
    expect(
      codes(planContentProblems(content({ status: 'ended', agreedOn: '2026-03-05', endedOn: '2026-03-01' }), created)),
    ).toEqual(['input:endedOn:ended_before_agreed']);
    expect(codes(planContentProblems(content({ endedOn: '2026-03-01' }), created))).toEqual([
      'input:endedOn:ended_on_only_when_ended',
    ]);
    // An ended Kooperationsplan needs no further review.
    expect(
      planContentProblems(content({ kind: 'kooperationsplan', status: 'ended', endedOn: TODAY }), created),
    ).toEqual([]);
  });

  it('refuses dates that do not exist, with the field path', () => {
    expect(
      codes(
        planContentProblems(
          content({
            agreedOn: '2026-02-30',
            goals: [{ targetDate: '2026-13-01' }],
            steps: [{ dueDate: '2026-04-31', goal: null }],
          }),
          created,
        ),
      ),
    ).toEqual([
      'input:agreedOn:invalid_date',
      'input:goals.0.targetDate:invalid_date',
      'input:steps.0.dueDate:invalid_date',
    ]);
  });

  it('checks goal and step ids and the goal a step refers to', () => {
    const g1 = '11111111-1111-4111-8111-111111111111';
    const s1 = '22222222-2222-4222-8222-222222222222';
    const other = '33333333-3333-4333-8333-333333333333';
    const previous = { agreedOn: null, reviewDate: null, goalIds: new Set([g1]), stepIds: new Set([s1]) };
    const ok = content({
      goals: [{ id: g1, targetDate: null }, { targetDate: null }],
      steps: [
        { id: s1, dueDate: null, goal: { id: g1 } },
        { dueDate: null, goal: { index: 1 } },
        { dueDate: null, goal: null },
      ],
    });
    expect(planContentProblems(ok, { today: TODAY, previous })).toEqual([]);
    const bad = content({
      goals: [
        { id: g1, targetDate: null },
        { id: g1, targetDate: null },
        { id: other, targetDate: null },
      ],
      steps: [
        { id: other, dueDate: null, goal: { index: 3 } },
        { dueDate: null, goal: { id: other } },
      ],
    });
    expect(codes(planContentProblems(bad, { today: TODAY, previous }))).toEqual([
      'input:goals.1.id:duplicate_id',
      'input:goals.2.id:unknown_id',
      'input:steps.0.id:unknown_id',
      'input:steps.0.goal:goal_ref_invalid',
    ]);
    // On creation every id is unknown.
    expect(codes(planContentProblems(content({ goals: [{ id: g1, targetDate: null }] }), created))).toEqual([
      'input:goals.0.id:unknown_id',
    ]);
  });
});

describe('stepAssignmentProblems', () => {
  const team = new Set(['agency-a', 'agency-b']);
  const users = new Map([
    ['u-a', { agencyId: 'agency-a', active: true, roles: ['caseworker'] }],
    ['u-a-off', { agencyId: 'agency-a', active: false, roles: ['caseworker'] }],
    ['u-a-admin', { agencyId: 'agency-a', active: true, roles: ['agency_admin'] }],
    ['u-b-lead', { agencyId: 'agency-b', active: true, roles: ['team_lead'] }],
  ]);
  const ctx = { teamAgencyIds: team, users, previous: new Map() };

  it('needs a responsible agency of the current case team', () => {
    expect(codes(stepAssignmentProblems([{ responsibleAgencyId: 'agency-x', responsibleUserId: null }], ctx))).toEqual([
      'input:steps.0.responsibleAgencyId:agency_not_on_team',
    ]);
    expect(stepAssignmentProblems([{ responsibleAgencyId: 'agency-b', responsibleUserId: 'u-b-lead' }], ctx)).toEqual(
      [],
    );
  });

  it('needs a named colleague to be an active caseworker or team lead of that agency', () => {
    const r = stepAssignmentProblems(
      [
        { responsibleAgencyId: 'agency-b', responsibleUserId: 'u-a' },
        { responsibleAgencyId: 'agency-a', responsibleUserId: 'u-a-off' },
        { responsibleAgencyId: 'agency-a', responsibleUserId: 'u-a-admin' },
        { responsibleAgencyId: 'agency-a', responsibleUserId: 'nobody' },
      ],
      ctx,
    );
    expect(r.map((p) => p.path)).toEqual([
      'steps.0.responsibleUserId',
      'steps.1.responsibleUserId',
      'steps.2.responsibleUserId',
      'steps.3.responsibleUserId',
    ]);
  });

  it('leaves an unchanged step alone when its agency has left the team since', () => {
    const previous = new Map([['s1', { responsibleAgencyId: 'agency-gone', responsibleUserId: null }]]);
    expect(
      stepAssignmentProblems([{ id: 's1', responsibleAgencyId: 'agency-gone', responsibleUserId: null }], {
        ...ctx,
        previous,
      }),
    ).toEqual([]);
    expect(
      codes(
        stepAssignmentProblems([{ id: 's1', responsibleAgencyId: 'agency-x', responsibleUserId: null }], {
          ...ctx,
          previous,
        }),
      ),
    ).toEqual(['input:steps.0.responsibleAgencyId:agency_not_on_team']);
  });
});

describe('stepProgressProblems', () => {
  it('records progress on agreed plans only', () => {
    expect(stepProgressProblems('agreed')).toEqual([]);
    expect(codes(stepProgressProblems('draft'))).toEqual(['state:status:progress_needs_agreed_plan']);
    expect(codes(stepProgressProblems('ended'))).toEqual(['state:status:plan_ended']);
  });
});
