import {
  channelAddressValid,
  type CommunicationConsent,
  type CommunicationConsentCreateRequest,
  type CommunicationConsentList,
  type CommunicationConsentWithdrawResult,
} from '../../../shared/contracts/communication-consents';
import { todayIn } from '../../../shared/domain/calendar-date';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { assertPersonCategory } from '../../platform/access/person-access';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage } from '../../platform/errors/app-error';
import {
  cancelMailOfConsent,
  consentsOfPerson,
  findConsentOfPerson,
  insertConsent,
  lockConsent,
  markWithdrawn,
} from './communication-consents.repository';
import { presentCommunicationConsent } from './communication-consents.presenter';

/**
 * The person's consent to be written to by e-mail or messenger (issue 8). The caller must see
 * the person and the category `contact` (the address is contact data). Post and hand delivery
 * need no consent. Withdrawal takes effect on the next request: the sending step reads the
 * consents afresh, and queued e-mail relying on the consent is cancelled in the same transaction.
 */

async function personWithContact(db: Db, actor: Actor, personId: string, now: Date): Promise<void> {
  await check(db, actor, 'person.read', [personId]);
  await assertPersonCategory(db, actor, personId, 'contact', now);
}

/** The person's channel consents (in force first). Audited. */
export async function listCommunicationConsents(
  db: Db,
  actor: Actor | null,
  personId: string,
  ctx: AuditContext,
): Promise<CommunicationConsentList> {
  const a = await check(db, actor, 'consent.read');
  await personWithContact(db, a, personId, ctx.now);
  const rows = await consentsOfPerson(db, personId);
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'communication_consent.listed',
      subjectType: 'person',
      subjectId: personId,
      details: { count: rows.length },
    });
  });
  return { items: rows.map((r) => presentCommunicationConsent(r, ctx.now)) };
}

/** Records a consent to a channel (given on a day not in the future). */
export async function recordCommunicationConsent(
  db: Db,
  actor: Actor | null,
  personId: string,
  input: CommunicationConsentCreateRequest,
  ctx: AuditContext,
): Promise<CommunicationConsent> {
  const a = await check(db, actor, 'consent.write');
  await personWithContact(db, a, personId, ctx.now);
  if (!channelAddressValid(input.channel, input.address)) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [
        {
          path: 'address',
          message:
            input.channel === 'email'
              ? fieldMessage('Bitte eine gültige E-Mail-Adresse angeben.', 'Please enter a valid e-mail address.')
              : fieldMessage(
                  'Bitte eine Telefonnummer (z. B. +49 170 1234567) oder einen Benutzernamen des Messengers angeben.',
                  'Please enter a phone number (e.g. +49 170 1234567) or a messenger user name.',
                ),
        },
      ],
    });
  }
  if (input.givenOn > todayIn(ctx.now)) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [
        {
          path: 'givenOn',
          message: fieldMessage(
            'Die Einwilligung kann nicht in der Zukunft erteilt worden sein.',
            'The consent cannot have been given in the future.',
          ),
        },
      ],
    });
  }
  if (input.evidenceKind === 'in_person' && !input.evidenceNote) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [
        {
          path: 'evidenceNote',
          message: fieldMessage(
            'Bei einer mündlichen Einwilligung bitte festhalten, wer sie wie entgegengenommen hat (z. B. mit Dolmetscherin).',
            'For a consent given in person, please record who took it and how (e.g. with an interpreter).',
          ),
        },
      ],
    });
  }
  const address = input.channel === 'email' ? input.address.toLowerCase() : input.address;
  const id = await db.transaction(async (tx) => {
    const consentId = await insertConsent(tx, {
      personId,
      channel: input.channel,
      address,
      service: input.channel === 'messenger' ? (input.service ?? null) : null,
      givenOn: input.givenOn,
      evidenceKind: input.evidenceKind,
      evidenceNote: input.evidenceNote ?? null,
      recordedByAgencyId: a.agencyId,
      recordedBy: a.userId,
      recordedAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      type: 'communication_consent.recorded',
      subjectType: 'person',
      subjectId: personId,
      details: { consentId, channel: input.channel, evidenceKind: input.evidenceKind },
    });
    return consentId;
  });
  const record = await findConsentOfPerson(db, personId, id);
  return presentCommunicationConsent(record!, ctx.now);
}

/**
 * Withdraws a consent: from now on nothing is sent by it, and its queued e-mail is cancelled in
 * the same transaction. Withdrawing twice is 409.
 */
export async function withdrawCommunicationConsent(
  db: Db,
  actor: Actor | null,
  personId: string,
  consentId: string,
  ctx: AuditContext,
): Promise<CommunicationConsentWithdrawResult> {
  const a = await check(db, actor, 'consent.write');
  await personWithContact(db, a, personId, ctx.now);
  const existing = await findConsentOfPerson(db, personId, consentId);
  if (!existing) throw new AppError('NOT_FOUND');
  const mailCancelled = await db.transaction(async (tx) => {
    const locked = await lockConsent(tx, consentId);
    if (!locked) throw new AppError('NOT_FOUND');
    if (!(await markWithdrawn(tx, consentId, ctx.now, a.userId))) {
      throw new AppError('CONFLICT', {
        fieldErrors: [
          {
            path: 'consentId',
            message: fieldMessage(
              'Die Einwilligung ist bereits widerrufen.',
              'The consent has already been withdrawn.',
            ),
          },
        ],
      });
    }
    const cancelled = await cancelMailOfConsent(tx, locked);
    await recordAudit(tx, ctx, {
      type: 'communication_consent.withdrawn',
      subjectType: 'person',
      subjectId: personId,
      details: { consentId, channel: locked.channel, mailCancelled: cancelled },
    });
    return cancelled;
  });
  const record = await findConsentOfPerson(db, personId, consentId);
  return { consent: presentCommunicationConsent(record!, ctx.now), mailCancelled };
}
