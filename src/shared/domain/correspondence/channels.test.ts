import { describe, expect, it } from 'vitest';
import {
  channelConsentInForce,
  channelOptions,
  deliveryDecision,
  proofKindsFor,
  suggestedFacts,
  type ChannelConsent,
} from './channels';

const today = '2026-11-24';
const email: ChannelConsent = { id: 'c-mail', channel: 'email', givenOn: '2026-10-01', withdrawnAt: null };
const messenger: ChannelConsent = { id: 'c-msg', channel: 'messenger', givenOn: '2026-10-01', withdrawnAt: null };
const reliable = { mailboxPresent: true, mailDelivery: 'reliable' as const };
const byChannel = (options: ReturnType<typeof channelOptions>) =>
  Object.fromEntries(options.map((o) => [o.channel, o]));

describe('channel options', () => {
  it('offers post and hand delivery without consent, and no electronic channel', () => {
    const o = byChannel(channelOptions({ consents: [], address: reliable, today }));
    expect(o.post?.allowed).toBe(true);
    expect(o.post?.reason).toBeNull();
    expect(o.hand_delivery?.allowed).toBe(true);
    expect(o.email?.allowed).toBe(false);
    expect(o.email?.reason?.de).toContain('nicht (oder nicht mehr) eingewilligt');
    expect(o.email?.proposal).toBe('post');
    expect(o.messenger?.allowed).toBe(false);
  });

  it('offers e-mail and messenger only while a consent is in force, with its id', () => {
    const o = byChannel(channelOptions({ consents: [email, messenger], address: reliable, today }));
    expect(o.email).toMatchObject({ allowed: true, consentIds: ['c-mail'] });
    expect(o.messenger).toMatchObject({ allowed: true, consentIds: ['c-msg'] });
    const withdrawn = byChannel(
      channelOptions({ consents: [{ ...email, withdrawnAt: '2026-11-20T10:00:00Z' }], address: reliable, today }),
    );
    expect(withdrawn.email?.allowed).toBe(false);
    const future = byChannel(
      channelOptions({ consents: [{ ...email, givenOn: '2026-12-01' }], address: reliable, today }),
    );
    expect(future.email?.allowed).toBe(false);
  });

  it('refuses post to an address without mailbox and proposes e-mail where consented', () => {
    const o = byChannel(
      channelOptions({ consents: [email], address: { mailboxPresent: false, mailDelivery: 'unknown' }, today }),
    );
    expect(o.post?.allowed).toBe(false);
    expect(o.post?.reason?.de).toBe(
      'An der Anschrift gibt es keinen Briefkasten: Ein Brief würde die Person nicht erreichen. Vorschlag: E-Mail.',
    );
    expect(o.post?.proposal).toBe('email');
  });

  it('refuses post to an undeliverable address and proposes hand delivery without any consent', () => {
    const o = byChannel(
      channelOptions({ consents: [], address: { mailboxPresent: true, mailDelivery: 'undeliverable' }, today }),
    );
    expect(o.post?.allowed).toBe(false);
    expect(o.post?.reason?.en).toContain('flagged as undeliverable');
    expect(o.post?.proposal).toBe('hand_delivery');
    expect(o.email?.proposal).toBe('hand_delivery');
  });

  it('refuses post without an address, and warns (but allows) on unreliable delivery', () => {
    expect(byChannel(channelOptions({ consents: [messenger], address: null, today })).post).toMatchObject({
      allowed: false,
      proposal: 'messenger',
    });
    const o = byChannel(
      channelOptions({ consents: [], address: { mailboxPresent: null, mailDelivery: 'unreliable' }, today }),
    );
    expect(o.post?.allowed).toBe(true);
    expect(o.post?.reason?.de).toContain('unzuverlässig');
  });

  it('knows when a consent is in force', () => {
    expect(channelConsentInForce(email, today)).toBe(true);
    expect(channelConsentInForce({ ...email, givenOn: today }, today)).toBe(true);
    expect(channelConsentInForce({ ...email, withdrawnAt: new Date() }, today)).toBe(false);
  });
});

describe('proof of delivery and status rules', () => {
  it('fits proof kinds to channels', () => {
    expect(proofKindsFor('post')).toEqual(['postzustellungsurkunde', 'confirmation_in_person']);
    expect(proofKindsFor('hand_delivery')).toContain('signature');
    expect(proofKindsFor('email')).toContain('read_receipt');
    expect(proofKindsFor('email')).not.toContain('postzustellungsurkunde');
  });

  it('delivers a sent letter with a fitting proof only', () => {
    expect(
      deliveryDecision({ status: 'sent', channel: 'post' }, { kind: 'delivered', proofKind: 'postzustellungsurkunde' }),
    ).toEqual({
      ok: true,
      status: 'delivered',
    });
    const wrong = deliveryDecision(
      { status: 'sent', channel: 'post' },
      { kind: 'delivered', proofKind: 'read_receipt' },
    );
    expect(wrong).toMatchObject({ ok: false, field: 'proofKind' });
    expect(deliveryDecision({ status: 'sent', channel: 'post' }, { kind: 'delivered' })).toMatchObject({
      ok: false,
      field: 'proofKind',
    });
  });

  it('needs a reason for returned or undeliverable, and returned only for paper', () => {
    expect(deliveryDecision({ status: 'sent', channel: 'post' }, { kind: 'returned' })).toMatchObject({
      ok: false,
      field: 'reason',
    });
    expect(deliveryDecision({ status: 'sent', channel: 'post' }, { kind: 'returned', reason: 'no_mailbox' })).toEqual({
      ok: true,
      status: 'returned',
    });
    expect(deliveryDecision({ status: 'sent', channel: 'email' }, { kind: 'returned', reason: 'other' })).toMatchObject(
      {
        ok: false,
        field: 'kind',
      },
    );
    expect(deliveryDecision({ status: 'sent', channel: 'email' }, { kind: 'undeliverable', reason: 'other' })).toEqual({
      ok: true,
      status: 'undeliverable',
    });
  });

  it('allows nothing out of delivered except a later read, and nothing on a draft', () => {
    const delivered = { status: 'delivered' as const, channel: 'email' as const };
    expect(deliveryDecision(delivered, { kind: 'returned', reason: 'other' })).toMatchObject({ ok: false });
    expect(deliveryDecision(delivered, { kind: 'undeliverable', reason: 'other' })).toMatchObject({ ok: false });
    expect(deliveryDecision(delivered, { kind: 'read' })).toEqual({ ok: true, status: 'delivered' });
    expect(deliveryDecision({ status: 'returned', channel: 'post' }, { kind: 'read' })).toMatchObject({ ok: false });
    expect(
      deliveryDecision({ status: 'draft', channel: 'post' }, { kind: 'delivered', proofKind: 'signature' }),
    ).toMatchObject({
      ok: false,
    });
  });

  it('suggests address facts from the reason', () => {
    expect(suggestedFacts('no_mailbox')).toEqual({ mailboxPresent: false, mailDelivery: 'undeliverable' });
    expect(suggestedFacts('addressee_unknown')).toEqual({ mailDelivery: 'unreliable' });
    expect(suggestedFacts('moved')).toEqual({});
  });
});
