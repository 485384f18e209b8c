import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benefitSystems, type BenefitSystem, type ResponsibleAgencyKind } from '../../contracts/legal';
import {
  handoverChecklist,
  handoverDueOn,
  handoverEffectiveOn,
  handoverItemKeys,
  isHandoverOverdue,
  planHandover,
  type HandoverTransition,
} from './handover-checklist';

const asylToSgb2: HandoverTransition = {
  fromBenefitSystem: 'asylblg_basic',
  toBenefitSystem: 'sgb2',
  fromAgencyKind: 'sozialamt',
  toAgencyKind: 'jobcenter',
};

const agencyOf: Record<BenefitSystem, ResponsibleAgencyKind> = {
  asylblg_basic: 'sozialamt',
  asylblg_analog: 'sozialamt',
  sgb2: 'jobcenter',
  sgb12: 'sozialamt',
  sgb8: 'jugendamt',
  none: 'none',
};

describe('handover checklist', () => {
  it('AsylbLG → SGB II: application, first Jobcenter appointment, lawful data passing, Fehlbeleger check', () => {
    expect(handoverChecklist(asylToSgb2)).toEqual([
      'sgb2_application_filed',
      'jobcenter_first_appointment',
      'previous_benefits_ended',
      'data_passed_lawfully',
      'accommodation_checked',
    ]);
  });

  it('AsylbLG → SGB XII stays with the Sozialamt: no data passing to another agency, but the accommodation check', () => {
    const items = handoverChecklist({ ...asylToSgb2, toBenefitSystem: 'sgb12', toAgencyKind: 'sozialamt' });
    expect(items).toEqual(['sgb12_application_filed', 'previous_benefits_ended', 'accommodation_checked']);
  });

  it('basic → analogous AsylbLG benefits: a new decision only', () => {
    const items = handoverChecklist({
      fromBenefitSystem: 'asylblg_basic',
      toBenefitSystem: 'asylblg_analog',
      fromAgencyKind: 'sozialamt',
      toAgencyKind: 'sozialamt',
    });
    expect(items).toEqual(['analog_benefits_decided']);
  });

  it('SGB II → AsylbLG (a title lapsed into a Duldung): application at the Sozialamt, Jobcenter benefits end', () => {
    const items = handoverChecklist({
      fromBenefitSystem: 'sgb2',
      toBenefitSystem: 'asylblg_basic',
      fromAgencyKind: 'jobcenter',
      toAgencyKind: 'sozialamt',
    });
    expect(items).toEqual([
      'asylblg_application_filed',
      'sozialamt_first_appointment',
      'previous_benefits_ended',
      'data_passed_lawfully',
    ]);
  });

  it('every transition between different systems has at least one item, no duplicates, only known keys', () => {
    fc.assert(
      fc.property(fc.constantFrom(...benefitSystems), fc.constantFrom(...benefitSystems), (from, to) => {
        fc.pre(from !== to);
        const items = handoverChecklist({
          fromBenefitSystem: from,
          toBenefitSystem: to,
          fromAgencyKind: agencyOf[from],
          toAgencyKind: agencyOf[to],
        });
        expect(items.length).toBeGreaterThan(0);
        expect(new Set(items).size).toBe(items.length);
        for (const item of items) expect(handoverItemKeys).toContain(item);
      }),
    );
  });
});

describe('handover deadlines', () => {
  it('AsylbLG → SGB II takes effect at the end of the month of the change (§ 1 Abs. 3 AsylbLG)', () => {
    expect(handoverEffectiveOn(asylToSgb2, '2026-11-10')).toBe('2026-11-30');
    expect(handoverEffectiveOn(asylToSgb2, '2028-02-03')).toBe('2028-02-29');
    expect(handoverEffectiveOn({ ...asylToSgb2, toBenefitSystem: 'sgb12' }, '2026-12-31')).toBe('2026-12-31');
  });

  it("the engine's known AsylbLG end wins over the month of the change", () => {
    expect(handoverEffectiveOn(asylToSgb2, '2026-12-02', '2026-11-30')).toBe('2026-11-30');
  });

  it('other transitions take effect on the day of the change', () => {
    const t: HandoverTransition = {
      fromBenefitSystem: 'sgb2',
      toBenefitSystem: 'sgb12',
      fromAgencyKind: 'jobcenter',
      toAgencyKind: 'sozialamt',
    };
    expect(handoverEffectiveOn(t, '2026-11-10')).toBe('2026-11-10');
  });

  it('due 14 days before the change takes effect, never in the past', () => {
    expect(handoverDueOn('2026-11-30', '2026-11-02')).toBe('2026-11-16');
    expect(handoverDueOn('2026-11-30', '2026-11-16')).toBe('2026-11-16');
    expect(handoverDueOn('2026-11-30', '2026-11-24')).toBe('2026-11-24');
    expect(handoverDueOn('2026-10-31', '2026-11-24')).toBe('2026-11-24');
  });

  it('a plan for a recognition recorded early in the month', () => {
    expect(planHandover(asylToSgb2, '2026-11-03', '2026-11-03')).toEqual({
      checklist: handoverChecklist(asylToSgb2),
      effectiveOn: '2026-11-30',
      dueOn: '2026-11-16',
    });
  });

  it('overdue only while open and after the due day', () => {
    expect(isHandoverOverdue('open', '2026-11-16', '2026-11-16')).toBe(false);
    expect(isHandoverOverdue('open', '2026-11-16', '2026-11-17')).toBe(true);
    expect(isHandoverOverdue('done', '2026-11-16', '2026-11-17')).toBe(false);
    expect(isHandoverOverdue('cancelled', '2026-11-16', '2026-11-17')).toBe(false);
  });
});
