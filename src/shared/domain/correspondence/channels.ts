/**
 * Channels of a letter and the rules of its delivery (issue 8; docs/correspondence.md).
 *
 * - Post and hand delivery need no consent. Post needs a postal address that is not known to be
 *   undeliverable (address register: mail delivery 'undeliverable' or no mailbox): such a letter
 *   would not arrive, and a sanction must never rest on it. The refusal proposes another channel.
 * - E-mail and messenger are offered only while the person's consent to that channel is in force
 *   (given, not withdrawn).
 * - Proof of delivery must fit the channel: a Postzustellungsurkunde proves post, a signature a
 *   hand delivery, a read receipt an electronic message; a confirmation in person fits every channel.
 */

export const letterChannels = ['post', 'hand_delivery', 'email', 'messenger'] as const;
export type LetterChannel = (typeof letterChannels)[number];

export const consentChannels = ['email', 'messenger'] as const;
export type ConsentChannel = (typeof consentChannels)[number];

export const proofKinds = ['postzustellungsurkunde', 'signature', 'read_receipt', 'confirmation_in_person'] as const;
export type ProofKind = (typeof proofKinds)[number];

export const returnReasons = ['no_mailbox', 'addressee_unknown', 'moved', 'refused', 'other'] as const;
export type ReturnReason = (typeof returnReasons)[number];

export const deliveryEventKinds = ['delivered', 'returned', 'undeliverable', 'read'] as const;
export type DeliveryEventKind = (typeof deliveryEventKinds)[number];

export const letterStatuses = ['draft', 'sent', 'delivered', 'returned', 'undeliverable'] as const;
export type LetterStatus = (typeof letterStatuses)[number];

export const consentEvidenceKinds = ['in_person', 'signed_scan', 'written'] as const;
export type ConsentEvidenceKind = (typeof consentEvidenceKinds)[number];

/** A German and an English explanation. */
export type Explanation = { de: string; en: string };

/** The address facts the channel rules look at (address register). */
export type AddressFactsForChannel = {
  mailboxPresent: boolean | null;
  mailDelivery: 'reliable' | 'unreliable' | 'undeliverable' | 'unknown';
};

/** A channel consent as the rules see it. */
export type ChannelConsent = {
  id: string;
  channel: ConsentChannel;
  givenOn: string;
  withdrawnAt: string | Date | null;
};

export type ChannelOption = {
  channel: LetterChannel;
  allowed: boolean;
  /** Why it is refused (allowed false), or a warning (allowed true, e.g. unreliable delivery). */
  reason: Explanation | null;
  /** For a refused channel: the channel proposed instead. */
  proposal: LetterChannel | null;
  /** For e-mail and messenger: the consents in force to use. */
  consentIds: string[];
};

/** A consent to a channel is in force from the day it was given until it is withdrawn. */
export function channelConsentInForce(c: Pick<ChannelConsent, 'givenOn' | 'withdrawnAt'>, today: string): boolean {
  return c.withdrawnAt === null && c.givenOn <= today;
}

/** Whether post to an address with these facts is refused: undeliverable, or no mailbox. */
export function postRefused(facts: AddressFactsForChannel): boolean {
  return facts.mailDelivery === 'undeliverable' || facts.mailboxPresent === false;
}

const channelLabel: Record<LetterChannel, Explanation> = {
  post: { de: 'Post', en: 'post' },
  hand_delivery: { de: 'persönliche Übergabe', en: 'hand delivery' },
  email: { de: 'E-Mail', en: 'e-mail' },
  messenger: { de: 'Messenger', en: 'messenger' },
};

export function describeChannel(channel: LetterChannel): Explanation {
  return channelLabel[channel];
}

/**
 * The channels a letter to the person can go by now, each with the reason when refused and a
 * proposal of another channel. `address` is the person's current postal address (null: none known).
 */
export function channelOptions(input: {
  consents: readonly ChannelConsent[];
  address: AddressFactsForChannel | null;
  today: string;
}): ChannelOption[] {
  const inForce = input.consents.filter((c) => channelConsentInForce(c, input.today));
  const consentIds = (channel: ConsentChannel) => inForce.filter((c) => c.channel === channel).map((c) => c.id);
  const email = consentIds('email');
  const messenger = consentIds('messenger');
  const electronicAlternative: LetterChannel = email.length
    ? 'email'
    : messenger.length
      ? 'messenger'
      : 'hand_delivery';
  const alt = channelLabel[electronicAlternative];

  let post: ChannelOption;
  if (!input.address) {
    post = {
      channel: 'post',
      allowed: false,
      reason: {
        de: `Für die Person ist keine aktuelle Anschrift erfasst. Vorschlag: ${alt.de}.`,
        en: `No current address is recorded for the person. Proposal: ${alt.en}.`,
      },
      proposal: electronicAlternative,
      consentIds: [],
    };
  } else if (postRefused(input.address)) {
    const why =
      input.address.mailboxPresent === false
        ? { de: 'An der Anschrift gibt es keinen Briefkasten', en: 'There is no mailbox at the address' }
        : { de: 'Die Anschrift ist als unzustellbar vermerkt', en: 'The address is flagged as undeliverable' };
    post = {
      channel: 'post',
      allowed: false,
      reason: {
        de: `${why.de}: Ein Brief würde die Person nicht erreichen. Vorschlag: ${alt.de}.`,
        en: `${why.en}: a letter would not reach the person. Proposal: ${alt.en}.`,
      },
      proposal: electronicAlternative,
      consentIds: [],
    };
  } else {
    const warn =
      input.address.mailDelivery === 'unreliable'
        ? {
            de: 'Die Zustellung an diese Anschrift ist unzuverlässig. Für wichtige Schreiben ist ein Zustellnachweis (Postzustellungsurkunde) oder eine persönliche Übergabe ratsam.',
            en: 'Delivery to this address is unreliable. For important letters, a proof of delivery (Postzustellungsurkunde) or hand delivery is advisable.',
          }
        : null;
    post = { channel: 'post', allowed: true, reason: warn, proposal: null, consentIds: [] };
  }

  const electronic = (channel: ConsentChannel, ids: string[]): ChannelOption =>
    ids.length
      ? { channel, allowed: true, reason: null, proposal: null, consentIds: ids }
      : {
          channel,
          allowed: false,
          reason: {
            de: `Die Person hat nicht (oder nicht mehr) eingewilligt, per ${channelLabel[channel].de} angeschrieben zu werden.`,
            en: `The person has not consented (or no longer consents) to be written to by ${channelLabel[channel].en}.`,
          },
          proposal: post.allowed ? 'post' : 'hand_delivery',
          consentIds: [],
        };

  return [
    post,
    { channel: 'hand_delivery', allowed: true, reason: null, proposal: null, consentIds: [] },
    electronic('email', email),
    electronic('messenger', messenger),
  ];
}

const proofsByChannel: Record<LetterChannel, readonly ProofKind[]> = {
  post: ['postzustellungsurkunde', 'confirmation_in_person'],
  hand_delivery: ['signature', 'confirmation_in_person'],
  email: ['read_receipt', 'confirmation_in_person'],
  messenger: ['read_receipt', 'confirmation_in_person'],
};

/** The proof kinds that prove delivery on a channel. */
export function proofKindsFor(channel: LetterChannel): readonly ProofKind[] {
  return proofsByChannel[channel];
}

/** The status a letter takes on a delivery event, or the explanation why the event does not fit. */
export type DeliveryDecision = { ok: true; status: LetterStatus } | { ok: false; field: string; reason: Explanation };

/**
 * The status rules of delivery:
 * - delivered: only from sent, with a proof kind that fits the channel;
 * - returned (post and hand delivery) / undeliverable: only from sent, with a reason;
 * - read: from sent (the message was delivered: status delivered) or delivered (history only);
 * - nothing leaves delivered except a later read; a draft has not been sent.
 */
export function deliveryDecision(
  letter: { status: LetterStatus; channel: LetterChannel },
  event: { kind: DeliveryEventKind; proofKind?: ProofKind | null; reason?: ReturnReason | null },
): DeliveryDecision {
  const fail = (field: string, de: string, en: string): DeliveryDecision => ({ ok: false, field, reason: { de, en } });
  if (letter.status === 'draft') {
    return fail('kind', 'Der Brief ist noch nicht versandt.', 'The letter has not been sent yet.');
  }
  if (event.kind === 'read') {
    if (letter.status !== 'sent' && letter.status !== 'delivered') {
      return fail(
        'kind',
        'Ein zurückgekommener oder unzustellbarer Brief kann nicht gelesen worden sein.',
        'A returned or undeliverable letter cannot have been read.',
      );
    }
    return { ok: true, status: 'delivered' };
  }
  if (letter.status !== 'sent') {
    const now =
      letter.status === 'delivered'
        ? { de: 'zugestellt', en: 'delivered' }
        : { de: 'als Rückläufer erfasst', en: 'recorded as returned' };
    return fail(
      'kind',
      `Der Brief ist bereits ${now.de}; das lässt sich nicht mehr ändern (nur eine spätere Lesebestätigung).`,
      `The letter is already ${now.en}; that cannot change any more (only a later read receipt).`,
    );
  }
  if (event.kind === 'delivered') {
    const fitting = proofsByChannel[letter.channel];
    if (!event.proofKind) {
      return fail(
        'proofKind',
        'Bitte die Art des Zustellnachweises angeben.',
        'Please state the kind of proof of delivery.',
      );
    }
    if (!fitting.includes(event.proofKind)) {
      return fail(
        'proofKind',
        `Dieser Nachweis passt nicht zum Versandweg ${channelLabel[letter.channel].de}.`,
        `This proof does not fit the channel ${channelLabel[letter.channel].en}.`,
      );
    }
    return { ok: true, status: 'delivered' };
  }
  if (!event.reason) {
    return fail(
      'reason',
      'Bitte den Grund angeben, warum der Brief nicht zugestellt wurde.',
      'Please state why the letter was not delivered.',
    );
  }
  if (event.kind === 'returned' && letter.channel !== 'post' && letter.channel !== 'hand_delivery') {
    return fail(
      'kind',
      'Als Rückläufer kommen nur Briefe per Post oder Übergabe zurück; eine Nachricht erfassen Sie als unzustellbar.',
      'Only letters by post or hand delivery come back as returned mail; record a message as undeliverable.',
    );
  }
  return { ok: true, status: event.kind };
}

/**
 * The deliverability facts a reason for returned mail suggests (the caseworker confirms them):
 * no mailbox → no mailbox and undeliverable; addressee unknown → unreliable (the name is missing
 * from the mailbox). Moving, refusal and other reasons say nothing about the address.
 */
export function suggestedFacts(
  reason: ReturnReason,
): Partial<{ mailboxPresent: boolean; mailDelivery: AddressFactsForChannel['mailDelivery'] }> {
  switch (reason) {
    case 'no_mailbox':
      return { mailboxPresent: false, mailDelivery: 'undeliverable' };
    case 'addressee_unknown':
      return { mailDelivery: 'unreliable' };
    default:
      return {};
  }
}
