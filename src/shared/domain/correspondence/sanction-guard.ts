import {
  postRefused,
  proofKindsFor,
  type AddressFactsForChannel,
  type Explanation,
  type LetterChannel,
  type LetterStatus,
} from './channels';

/**
 * The sanction guard (issue 8; docs/correspondence.md): a reduction of benefits
 * (Leistungsminderung, e.g. § 32 SGB II for a missed appointment) may only be completed when
 *
 * - the appointment was missed (status 'missed'),
 * - an invitation for it was sent (a letter of template invitation/appointment naming it),
 * - its delivery is proven with a proof that fits the channel (a "delivered" without proof kind is
 *   no proof) before the appointment began,
 * - no invitation came back (returned/undeliverable) after that proof, and
 * - neither the address the letter went to nor the person's current address is known to be
 *   undeliverable or without a mailbox (address register).
 *
 * Otherwise it is blocked: the guard explains each failed condition and proposes a reliable second
 * channel (hand delivery at the accommodation, phone, the social worker). Pure: the server
 * evaluates it again inside the transaction that records the decision.
 */

export const reductionReasons = ['missed_appointment'] as const;
export type ReductionReason = (typeof reductionReasons)[number];

export const secondChannels = ['hand_delivery_accommodation', 'phone', 'social_worker'] as const;
export type SecondChannel = (typeof secondChannels)[number];

export const guardFindingCodes = [
  'appointment_missed',
  'invitation_sent',
  'delivery_proven',
  'no_return',
  'letter_address_deliverable',
  'current_address_deliverable',
] as const;
export type GuardFindingCode = (typeof guardFindingCodes)[number];

/** Deliverability facts of an address (address register). */
export type GuardAddressFacts = AddressFactsForChannel & { sharedAccommodation: boolean | null };

/** An invitation letter for the appointment, as the guard sees it. */
export type GuardLetter = {
  id: string;
  status: LetterStatus;
  channel: LetterChannel;
  proofKind: string | null;
  sentAt: string | null;
  deliveredAt: string | null;
  returnedAt: string | null;
  /** The facts of the postal address the letter went to (post, hand delivery); null otherwise or unknown. */
  address: GuardAddressFacts | null;
};

export type GuardInput = {
  reason: ReductionReason;
  appointment: { id: string; status: string; startsAt: string } | null;
  letters: readonly GuardLetter[];
  /** The person's current address (residence/accommodation), null when none is recorded. */
  currentAddress: GuardAddressFacts | null;
  /** What second channels are possible. */
  possible: { phone: boolean; socialWorker: boolean };
};

export type GuardFinding = { code: GuardFindingCode; met: boolean; explanation: Explanation };
export type GuardProposal = { channel: SecondChannel; explanation: Explanation };

export type GuardResult = {
  allowed: boolean;
  /** The letter whose delivery was examined (the proven one, else the latest sent), if any. */
  letterId: string | null;
  findings: GuardFinding[];
  proposals: GuardProposal[];
};

const at = (iso: string | null): number | null => (iso === null ? null : new Date(iso).getTime());

/** A letter's delivery is proven by a proof kind that fits its channel. */
export function deliveryProven(letter: GuardLetter): boolean {
  return (
    letter.status === 'delivered' &&
    letter.deliveredAt !== null &&
    letter.proofKind !== null &&
    (proofKindsFor(letter.channel) as readonly string[]).includes(letter.proofKind)
  );
}

const isReturned = (l: GuardLetter) => l.status === 'returned' || l.status === 'undeliverable';

function addressFinding(
  code: 'letter_address_deliverable' | 'current_address_deliverable',
  facts: GuardAddressFacts | null,
  applicable: boolean,
): GuardFinding {
  const what =
    code === 'letter_address_deliverable'
      ? { de: 'Die Anschrift, an die die Einladung ging,', en: 'The address the invitation went to' }
      : { de: 'Die aktuelle Anschrift der Person', en: "The person's current address" };
  if (!applicable) {
    return {
      code,
      met: true,
      explanation: {
        de: 'Die Einladung ging nicht per Post: Die Zustellbarkeit einer Anschrift spielt für sie keine Rolle.',
        en: 'The invitation did not go by post: the deliverability of an address does not matter for it.',
      },
    };
  }
  if (facts === null) {
    return code === 'current_address_deliverable'
      ? {
          code,
          met: true,
          explanation: {
            de: 'Für die Person ist keine aktuelle Anschrift erfasst; es liegt kein Hinweis auf Unzustellbarkeit vor.',
            en: 'No current address is recorded for the person; nothing indicates that mail is undeliverable.',
          },
        }
      : {
          code,
          met: true,
          explanation: {
            de: 'Zur Anschrift der Einladung liegen keine Angaben zur Zustellbarkeit vor.',
            en: 'Nothing is recorded about the deliverability of the invitation’s address.',
          },
        };
  }
  if (facts.mailboxPresent === false) {
    return {
      code,
      met: false,
      explanation: {
        de: `${what.de} hat laut Adressregister keinen Briefkasten: Post kann dort nicht sicher ankommen.`,
        en: `${what.en} has no mailbox according to the address register: post cannot reliably arrive there.`,
      },
    };
  }
  if (postRefused(facts)) {
    return {
      code,
      met: false,
      explanation: {
        de: `${what.de} ist im Adressregister als unzustellbar markiert.`,
        en: `${what.en} is flagged as undeliverable in the address register.`,
      },
    };
  }
  return {
    code,
    met: true,
    explanation: {
      de: `${what.de} ist nicht als unzustellbar markiert.`,
      en: `${what.en} is not flagged as undeliverable.`,
    },
  };
}

/** Evaluates the guard. `allowed` only when every finding is met. */
export function evaluateSanctionGuard(input: GuardInput): GuardResult {
  const findings: GuardFinding[] = [];
  const appt = input.appointment;

  findings.push(
    appt?.status === 'missed'
      ? {
          code: 'appointment_missed',
          met: true,
          explanation: {
            de: 'Der Termin ist als versäumt erfasst.',
            en: 'The appointment is recorded as missed.',
          },
        }
      : {
          code: 'appointment_missed',
          met: false,
          explanation: {
            de: 'Der Termin ist nicht als versäumt erfasst: Eine Leistungsminderung wegen eines Meldeversäumnisses kommt nicht in Betracht.',
            en: 'The appointment is not recorded as missed: a reduction for a missed appointment is not possible.',
          },
        },
  );

  const sent = input.letters.filter((l) => l.status !== 'draft');
  const startsAt = appt ? at(appt.startsAt) : null;
  const proven = sent
    .filter((l) => deliveryProven(l) && (startsAt === null || (at(l.deliveredAt) ?? Infinity) <= startsAt))
    .sort((a, b) => (at(b.deliveredAt) ?? 0) - (at(a.deliveredAt) ?? 0));
  const latestSent = [...sent].sort((a, b) => (at(b.sentAt) ?? 0) - (at(a.sentAt) ?? 0))[0] ?? null;
  const examined = proven[0] ?? latestSent;

  findings.push(
    sent.length > 0
      ? {
          code: 'invitation_sent',
          met: true,
          explanation: {
            de: 'Eine Einladung zu diesem Termin wurde versandt.',
            en: 'An invitation to this appointment was sent.',
          },
        }
      : {
          code: 'invitation_sent',
          met: false,
          explanation: {
            de: 'Zu diesem Termin wurde keine Einladung versandt (Schreiben „Einladung“ oder „Terminmitteilung“ mit diesem Termin).',
            en: 'No invitation to this appointment was sent (letter "invitation" or "appointment" naming it).',
          },
        },
  );

  if (proven[0]) {
    findings.push({
      code: 'delivery_proven',
      met: true,
      explanation: {
        de: 'Die Zustellung der Einladung ist vor dem Termin nachgewiesen.',
        en: 'Delivery of the invitation is proven before the appointment.',
      },
    });
  } else {
    const deliveredWithoutProof = sent.some((l) => l.status === 'delivered' && !deliveryProven(l));
    const provenLate = sent.some((l) => deliveryProven(l));
    findings.push({
      code: 'delivery_proven',
      met: false,
      explanation: provenLate
        ? {
            de: 'Die Zustellung ist erst nach dem Termin nachgewiesen: Die Person konnte die Einladung nicht rechtzeitig kennen.',
            en: 'Delivery is only proven after the appointment: the person could not know the invitation in time.',
          }
        : deliveredWithoutProof
          ? {
              de: 'Die Einladung ist als zugestellt erfasst, aber ohne passenden Nachweis (z. B. Postzustellungsurkunde, Unterschrift): Das ist kein Zustellungsnachweis.',
              en: 'The invitation is recorded as delivered but without a fitting proof (e.g. Postzustellungsurkunde, signature): that is no proof of delivery.',
            }
          : {
              de: 'Die Zustellung der Einladung ist nicht nachgewiesen.',
              en: 'Delivery of the invitation is not proven.',
            },
    });
  }

  const provenAt = proven[0] ? at(proven[0].deliveredAt) : null;
  const returnsAfterProof = sent.filter(
    (l) => isReturned(l) && (provenAt === null || (at(l.returnedAt) ?? Infinity) >= provenAt),
  );
  findings.push(
    returnsAfterProof.length === 0
      ? {
          code: 'no_return',
          met: true,
          explanation: {
            de: 'Keine Einladung kam als unzustellbar zurück.',
            en: 'No invitation came back as undeliverable.',
          },
        }
      : {
          code: 'no_return',
          met: false,
          explanation: {
            de: 'Eine Einladung zu diesem Termin kam als unzustellbar zurück.',
            en: 'An invitation to this appointment came back as undeliverable.',
          },
        },
  );

  const byPost = examined !== null && examined.channel === 'post';
  findings.push(addressFinding('letter_address_deliverable', examined?.address ?? null, byPost));
  findings.push(addressFinding('current_address_deliverable', input.currentAddress, true));

  const allowed = findings.every((f) => f.met);
  return {
    allowed,
    letterId: examined?.id ?? null,
    findings,
    proposals: allowed ? [] : proposals(input),
  };
}

function proposals(input: GuardInput): GuardProposal[] {
  const out: GuardProposal[] = [];
  const shared = input.currentAddress?.sharedAccommodation === true;
  out.push({
    channel: 'hand_delivery_accommodation',
    explanation: shared
      ? {
          de: 'Die Einladung persönlich in der Unterkunft übergeben (über die Unterkunftsleitung) und die Übergabe mit Unterschrift bestätigen lassen.',
          en: 'Hand the invitation over in person at the accommodation (through its management) and have the handover confirmed by signature.',
        }
      : {
          de: 'Die Einladung persönlich an der Wohnanschrift übergeben und die Übergabe mit Unterschrift bestätigen lassen.',
          en: 'Hand the invitation over in person at the home address and have the handover confirmed by signature.',
        },
  });
  if (input.possible.phone) {
    out.push({
      channel: 'phone',
      explanation: {
        de: 'Die Person anrufen (Telefonnummer mit Einwilligung erfasst), den neuen Termin mitteilen und das Gespräch vermerken.',
        en: 'Call the person (a phone number with consent is recorded), tell them the new appointment and record the call.',
      },
    });
  }
  if (input.possible.socialWorker) {
    out.push({
      channel: 'social_worker',
      explanation: {
        de: 'Die Einladung über die Sozialarbeit im Fallteam (Sozialamt oder Ehrenamtszentrale) überbringen lassen.',
        en: 'Have the social worker on the case team (Sozialamt or volunteer centre) pass on the invitation.',
      },
    });
  }
  return out;
}

/** The case task a blocked decision creates for the chosen second channel. */
export function secondChannelTaskTitle(channel: SecondChannel): string {
  switch (channel) {
    case 'hand_delivery_accommodation':
      return 'Einladung persönlich in der Unterkunft übergeben';
    case 'phone':
      return 'Person wegen des versäumten Termins anrufen';
    case 'social_worker':
      return 'Einladung über die Sozialarbeit überbringen lassen';
  }
}
