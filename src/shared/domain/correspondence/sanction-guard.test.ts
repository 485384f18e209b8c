import { describe, expect, it } from 'vitest';
import { evaluateSanctionGuard, type GuardAddressFacts, type GuardInput, type GuardLetter } from './sanction-guard';

const goodAddress: GuardAddressFacts = { mailboxPresent: true, mailDelivery: 'reliable', sharedAccommodation: false };
const noMailbox: GuardAddressFacts = { mailboxPresent: false, mailDelivery: 'unknown', sharedAccommodation: true };

const letter = (over: Partial<GuardLetter> = {}): GuardLetter => ({
  id: 'l1',
  status: 'delivered',
  channel: 'post',
  proofKind: 'postzustellungsurkunde',
  sentAt: '2026-11-01T09:00:00Z',
  deliveredAt: '2026-11-03T09:00:00Z',
  returnedAt: null,
  address: goodAddress,
  ...over,
});

const input = (over: Partial<GuardInput> = {}): GuardInput => ({
  reason: 'missed_appointment',
  appointment: { id: 'a1', status: 'missed', startsAt: '2026-11-10T09:00:00Z' },
  letters: [letter()],
  currentAddress: goodAddress,
  possible: { phone: false, socialWorker: false },
  ...over,
});

const finding = (r: ReturnType<typeof evaluateSanctionGuard>, code: string) => r.findings.find((f) => f.code === code)!;

describe('sanction guard', () => {
  it('allows a reduction when the invitation was proven delivered in time to a deliverable address', () => {
    const r = evaluateSanctionGuard(input());
    expect(r.allowed).toBe(true);
    expect(r.findings.every((f) => f.met)).toBe(true);
    expect(r.findings.map((f) => f.code)).toEqual([
      'appointment_missed',
      'invitation_sent',
      'delivery_proven',
      'no_return',
      'letter_address_deliverable',
      'current_address_deliverable',
    ]);
    expect(r.proposals).toEqual([]);
    expect(r.letterId).toBe('l1');
  });

  it('blocks when the appointment is not missed', () => {
    const r = evaluateSanctionGuard(
      input({ appointment: { id: 'a1', status: 'planned', startsAt: '2026-11-10T09:00:00Z' } }),
    );
    expect(r.allowed).toBe(false);
    expect(finding(r, 'appointment_missed').met).toBe(false);
  });

  it('blocks without any appointment', () => {
    expect(evaluateSanctionGuard(input({ appointment: null })).allowed).toBe(false);
  });

  it('blocks when no invitation was sent (drafts do not count)', () => {
    const r = evaluateSanctionGuard(
      input({ letters: [letter({ status: 'draft', deliveredAt: null, proofKind: null })] }),
    );
    expect(r.allowed).toBe(false);
    expect(finding(r, 'invitation_sent').met).toBe(false);
    expect(finding(r, 'delivery_proven').met).toBe(false);
  });

  it('a letter "delivered" without a proof kind is not proof', () => {
    const r = evaluateSanctionGuard(input({ letters: [letter({ proofKind: null })] }));
    expect(r.allowed).toBe(false);
    expect(finding(r, 'delivery_proven').met).toBe(false);
    expect(finding(r, 'delivery_proven').explanation.de).toContain('kein Zustellungsnachweis');
  });

  it('a proof that does not fit the channel is not proof (read receipt for post)', () => {
    const r = evaluateSanctionGuard(input({ letters: [letter({ proofKind: 'read_receipt' })] }));
    expect(finding(r, 'delivery_proven').met).toBe(false);
  });

  it('a delivery proven only after the appointment is not enough', () => {
    const r = evaluateSanctionGuard(input({ letters: [letter({ deliveredAt: '2026-11-11T09:00:00Z' })] }));
    expect(r.allowed).toBe(false);
    expect(finding(r, 'delivery_proven').explanation.en).toContain('after the appointment');
  });

  it('a sent letter without delivery proof blocks', () => {
    const r = evaluateSanctionGuard(
      input({ letters: [letter({ status: 'sent', deliveredAt: null, proofKind: null })] }),
    );
    expect(r.allowed).toBe(false);
    expect(finding(r, 'invitation_sent').met).toBe(true);
    expect(finding(r, 'delivery_proven').met).toBe(false);
  });

  it('a returned letter blocks', () => {
    const r = evaluateSanctionGuard(
      input({
        letters: [
          letter({ status: 'returned', deliveredAt: null, proofKind: null, returnedAt: '2026-11-04T09:00:00Z' }),
        ],
      }),
    );
    expect(r.allowed).toBe(false);
    expect(finding(r, 'no_return').met).toBe(false);
  });

  it('an undeliverable letter blocks even when an earlier one was proven', () => {
    const r = evaluateSanctionGuard(
      input({
        letters: [
          letter(),
          letter({
            id: 'l2',
            status: 'undeliverable',
            deliveredAt: null,
            proofKind: null,
            sentAt: '2026-11-04T09:00:00Z',
            returnedAt: '2026-11-05T09:00:00Z',
          }),
        ],
      }),
    );
    expect(finding(r, 'no_return').met).toBe(false);
    expect(r.allowed).toBe(false);
  });

  it('a return before a later proven hand delivery does not block', () => {
    const r = evaluateSanctionGuard(
      input({
        letters: [
          letter({
            id: 'l1',
            status: 'returned',
            deliveredAt: null,
            proofKind: null,
            returnedAt: '2026-11-02T09:00:00Z',
          }),
          letter({
            id: 'l2',
            channel: 'hand_delivery',
            proofKind: 'signature',
            sentAt: '2026-11-03T09:00:00Z',
            deliveredAt: '2026-11-03T10:00:00Z',
          }),
        ],
        currentAddress: { ...goodAddress },
      }),
    );
    expect(finding(r, 'no_return').met).toBe(true);
    expect(r.letterId).toBe('l2');
    expect(finding(r, 'letter_address_deliverable').met).toBe(true);
    expect(r.allowed).toBe(true);
  });

  it('a mailbox-less address blocks even with a proof', () => {
    const r = evaluateSanctionGuard(input({ letters: [letter({ address: noMailbox })], currentAddress: noMailbox }));
    expect(r.allowed).toBe(false);
    expect(finding(r, 'letter_address_deliverable').met).toBe(false);
    expect(finding(r, 'current_address_deliverable').met).toBe(false);
    expect(finding(r, 'current_address_deliverable').explanation.de).toContain('keinen Briefkasten');
  });

  it('a current address flagged undeliverable blocks', () => {
    const r = evaluateSanctionGuard(
      input({ currentAddress: { mailboxPresent: true, mailDelivery: 'undeliverable', sharedAccommodation: false } }),
    );
    expect(r.allowed).toBe(false);
    expect(finding(r, 'current_address_deliverable').met).toBe(false);
    expect(finding(r, 'letter_address_deliverable').met).toBe(true);
  });

  it('an unreliable (not undeliverable) address does not block', () => {
    const r = evaluateSanctionGuard(
      input({ currentAddress: { mailboxPresent: true, mailDelivery: 'unreliable', sharedAccommodation: false } }),
    );
    expect(r.allowed).toBe(true);
  });

  it('an e-mail proven by read receipt does not depend on the letter address', () => {
    const r = evaluateSanctionGuard(
      input({ letters: [letter({ channel: 'email', proofKind: 'read_receipt', address: null })] }),
    );
    expect(r.allowed).toBe(true);
    expect(finding(r, 'letter_address_deliverable').explanation.en).toContain('did not go by post');
  });

  it('proposes hand delivery always, phone and social worker when possible; none when allowed', () => {
    const blocked = evaluateSanctionGuard(
      input({ letters: [], currentAddress: noMailbox, possible: { phone: true, socialWorker: true } }),
    );
    expect(blocked.proposals.map((p) => p.channel)).toEqual(['hand_delivery_accommodation', 'phone', 'social_worker']);
    expect(blocked.proposals[0]!.explanation.de).toContain('Unterkunft');
    const onlyHand = evaluateSanctionGuard(input({ letters: [] }));
    expect(onlyHand.proposals.map((p) => p.channel)).toEqual(['hand_delivery_accommodation']);
    expect(evaluateSanctionGuard(input({ possible: { phone: true, socialWorker: true } })).proposals).toEqual([]);
  });

  it('explains every finding in German and English', () => {
    for (const f of evaluateSanctionGuard(input({ letters: [], currentAddress: noMailbox })).findings) {
      expect(f.explanation.de.length).toBeGreaterThan(10);
      expect(f.explanation.en.length).toBeGreaterThan(10);
    }
  });
});
