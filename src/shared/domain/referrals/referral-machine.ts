/**
 * The referral state machine (issue 9), pure: which side — the sending or the receiving agency —
 * may move a referral from which status to which, and what each move needs.
 *
 *   draft ──send──▶ sent ──▶ accepted ──▶ started ──▶ completed
 *     │              │  └──▶ rejected (reason code)  └──▶ dropped_out (note)
 *     └──────────────┴──────────┴──▶ revoked (by the sender, before started)
 *
 * Sending (draft → sent) has its own request (ground for the transfer, criteria check); every
 * other move is a transition. The receiver never sees drafts.
 */

export const referralStatuses = [
  'draft',
  'sent',
  'accepted',
  'rejected',
  'started',
  'completed',
  'dropped_out',
  'revoked',
] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** Targets of POST /referrals/:id/transition (sending is separate). */
export const transitionTargets = ['accepted', 'rejected', 'started', 'completed', 'dropped_out', 'revoked'] as const;
export type TransitionTarget = (typeof transitionTargets)[number];

export type ReferralSide = 'sender' | 'receiver';

/** Statuses from which nothing moves any more. */
export const finalStatuses: readonly ReferralStatus[] = ['rejected', 'completed', 'dropped_out', 'revoked'];

/** Statuses with a follow-up that can be overdue: the referral is still under way. */
export const openStatuses: readonly ReferralStatus[] = ['sent', 'accepted', 'started'];

const rules: Record<TransitionTarget, { from: readonly ReferralStatus[]; by: ReferralSide }> = {
  accepted: { from: ['sent'], by: 'receiver' },
  rejected: { from: ['sent'], by: 'receiver' },
  started: { from: ['accepted'], by: 'receiver' },
  completed: { from: ['started'], by: 'receiver' },
  dropped_out: { from: ['started'], by: 'receiver' },
  revoked: { from: ['draft', 'sent', 'accepted'], by: 'sender' },
};

export type TransitionInput = {
  reasonCode?: string | null | undefined;
  note?: string | null | undefined;
  /** 'YYYY-MM-DD': the day it started (required for started) or ended. */
  date?: string | null | undefined;
};

type Text = { de: string; en: string };
export type TransitionProblem = { path: string; message: Text };

export type TransitionDecision =
  | { ok: true }
  /** The move does not exist from this status (409). */
  | { ok: false; kind: 'not_allowed'; message: Text }
  /** The move exists but belongs to the other side (403). */
  | { ok: false; kind: 'wrong_side'; message: Text }
  /** Required fields are missing (400). */
  | { ok: false; kind: 'invalid'; problems: TransitionProblem[] };

export const statusLabels: Record<ReferralStatus, Text> = {
  draft: { de: 'Entwurf', en: 'Draft' },
  sent: { de: 'Gesendet', en: 'Sent' },
  accepted: { de: 'Angenommen', en: 'Accepted' },
  rejected: { de: 'Abgelehnt', en: 'Rejected' },
  started: { de: 'Begonnen', en: 'Started' },
  completed: { de: 'Abgeschlossen', en: 'Completed' },
  dropped_out: { de: 'Abgebrochen', en: 'Dropped out' },
  revoked: { de: 'Zurückgezogen', en: 'Revoked' },
};

/** The transitions `sides` may take from `status` (for the buttons). */
export function availableTransitions(status: ReferralStatus, sides: readonly ReferralSide[]): TransitionTarget[] {
  return transitionTargets.filter((to) => rules[to].from.includes(status) && sides.includes(rules[to].by));
}

/** Whether the sender may still send (only drafts). */
export function maySend(status: ReferralStatus, sides: readonly ReferralSide[]): boolean {
  return status === 'draft' && sides.includes('sender');
}

/** Whether the sender may still edit the referral (only drafts). */
export const mayEdit = maySend;

/** Decides one move: exists from this status, taken by the right side, with what it needs. */
export function decideTransition(
  from: ReferralStatus,
  to: TransitionTarget,
  sides: readonly ReferralSide[],
  input: TransitionInput,
): TransitionDecision {
  const rule = rules[to];
  if (!rule.from.includes(from))
    return {
      ok: false,
      kind: 'not_allowed',
      message: {
        de: `Eine Vermittlung im Status „${statusLabels[from].de}“ kann nicht in „${statusLabels[to].de}“ übergehen.`,
        en: `A referral in status "${statusLabels[from].en}" cannot move to "${statusLabels[to].en}".`,
      },
    };
  if (!sides.includes(rule.by))
    return {
      ok: false,
      kind: 'wrong_side',
      message:
        rule.by === 'sender'
          ? {
              de: 'Zurückziehen kann nur die Stelle, die vermittelt hat.',
              en: 'Only the referring agency can revoke.',
            }
          : {
              de: `„${statusLabels[to].de}“ hält die aufnehmende Stelle fest.`,
              en: `"${statusLabels[to].en}" is recorded by the receiving agency.`,
            },
    };
  const problems: TransitionProblem[] = [];
  const blank = (s: string | null | undefined) => s === undefined || s === null || s.trim() === '';
  if (to === 'rejected' && blank(input.reasonCode))
    problems.push({
      path: 'reasonCode',
      message: { de: 'Bitte einen Ablehnungsgrund wählen.', en: 'Please choose a reason for the rejection.' },
    });
  if (to === 'started' && blank(input.date))
    problems.push({
      path: 'date',
      message: { de: 'Bitte das Datum des Beginns angeben.', en: 'Please give the date it started.' },
    });
  if (to === 'dropped_out' && blank(input.note))
    problems.push({
      path: 'note',
      message: {
        de: 'Bitte kurz festhalten, warum die Maßnahme abgebrochen wurde.',
        en: 'Please note briefly why the measure was dropped.',
      },
    });
  if (problems.length > 0) return { ok: false, kind: 'invalid', problems };
  return { ok: true };
}

/** A follow-up is overdue when its day has passed while the referral is still under way. */
export function isOverdue(status: ReferralStatus, followUpOn: string | null, today: string): boolean {
  return followUpOn !== null && followUpOn < today && openStatuses.includes(status);
}
