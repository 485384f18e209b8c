import { createHash } from 'node:crypto';
import type {
  LetterDeliveryRequest,
  LetterDeliveryState,
  LetterOutboxList,
  LetterOutboxQuery,
  LetterSendRequest,
} from '../../../shared/contracts/letter-delivery';
import type { ConsentChannelValue } from '../../../shared/contracts/communication-consents';
import { todayIn } from '../../../shared/domain/calendar-date';
import {
  channelConsentInForce,
  channelOptions,
  deliveryDecision,
  letterChannels,
  proofKindsFor,
  suggestedFacts,
  type ChannelOption,
  type LetterChannel,
  type LetterStatus,
} from '../../../shared/domain/correspondence/channels';
import type { Db } from '../../db/client';
import { check } from '../../platform/access/access';
import { accessToPerson, assertPersonCategory } from '../../platform/access/person-access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { AppError, fieldMessage } from '../../platform/errors/app-error';
import { etagOf, ifMatchVersion, type Versioned } from '../../platform/http/etag';
import { assertCaseCategory } from '../cases/case-categories';
import { factsOf, recordAddressCheck } from '../social-space/address-register';
import {
  addressById,
  addressOfPerson,
  agencyLetters,
  agencyNameOf,
  caseOfLetter,
  channelConsentsOf,
  currentAddressOf,
  findVisibleLetter,
  insertLetterEvent,
  lockLetter,
  mailOfLetter,
  updateLetter,
  type LetterRow,
} from './letter-delivery.repository';
import { presentDeliveryAddress, presentOutboxItem } from './letter-delivery.presenter';
import { lockConsent } from './communication-consents.repository';
import { enqueueMail } from './outbox';

/**
 * Sending a letter and recording its delivery (issue 8; docs/correspondence.md).
 *
 * A letter is a case record of category case_notes: the caller needs the case (case.read /
 * case.write), the category, and a confidentiality that admits them — otherwise 404. Only the
 * sending agency sends and records delivery (another agency of the case team sees the letter: 403).
 *
 * Sending fixes the PDF (rendered by the letters module, stored with its SHA-256), sets the
 * channel and the address or consent used, and — for e-mail — puts the mail with the PDF in the
 * outbox in the same transaction. Messenger has no gateway: the caseworker sends the PDF through
 * the agency's messenger and confirms it here; Lotse records it as sent.
 */

/** Renders the letter's PDF as it is sent (the letters module provides it). */
export type LetterRenderer = (tx: Db, letterId: string, now: Date) => Promise<Uint8Array>;

const viewerOf = (a: Actor) => ({ agencyId: a.agencyId, userId: a.userId });

function invalid(path: string, de: string, en: string): AppError {
  return new AppError('VALIDATION_FAILED', { fieldErrors: [{ path, message: fieldMessage(de, en) }] });
}

function notSendingAgency(): AppError {
  return new AppError('FORBIDDEN', {
    fieldErrors: [
      {
        path: 'id',
        message: fieldMessage(
          'Versand und Zustellung erfasst nur die Stelle, die den Brief geschrieben hat.',
          'Only the agency that wrote the letter sends it and records its delivery.',
        ),
      },
    ],
  });
}

function stale(current: number): AppError {
  return new AppError('PRECONDITION_FAILED', {
    fieldErrors: [
      {
        path: 'version',
        message: fieldMessage(
          `Der Brief wurde inzwischen geändert (jetzt Stand ${current}). Bitte laden Sie ihn neu und prüfen Sie ihn.`,
          `The letter was changed in the meantime (now version ${current}). Please reload and check it.`,
        ),
      },
    ],
  });
}

/** The letter the actor may see (case scope, category case_notes, confidentiality), else 404. */
async function visibleLetter(
  db: Db,
  actor: Actor | null,
  letterId: string,
  permission: 'case.read' | 'case.write',
  now: Date,
): Promise<{ a: Actor; letter: LetterRow }> {
  const a = await check(db, actor, permission);
  const caseId = await caseOfLetter(db, letterId);
  if (!caseId) throw new AppError('NOT_FOUND');
  await check(db, a, permission, [caseId]);
  await assertCaseCategory(db, a, caseId, 'case_notes', now);
  const letter = await findVisibleLetter(db, letterId, viewerOf(a));
  if (!letter) throw new AppError('NOT_FOUND');
  return { a, letter };
}

/** The instant of a reported day: now when it is today, else noon UTC of that day. */
function instantOf(day: string, now: Date): Date {
  return day === todayIn(now) ? now : new Date(`${day}T12:00:00Z`);
}

async function optionsFor(db: Db, personId: string, now: Date) {
  const today = todayIn(now);
  const consents = await channelConsentsOf(db, personId);
  const current = await currentAddressOf(db, personId, today);
  const options = channelOptions({
    consents: consents.map((c) => ({
      id: c.id,
      channel: c.channel as ConsentChannelValue,
      givenOn: c.givenOn,
      withdrawnAt: c.withdrawnAt,
    })),
    address: current ? factsOf(current.address) : null,
    today,
  });
  return { consents, current, options, today };
}

/** What the delivery panel shows: channel options now, the address, consents in force, proofs. Audited. */
export async function getDeliveryState(
  db: Db,
  actor: Actor | null,
  letterId: string,
  ctx: AuditContext,
): Promise<LetterDeliveryState> {
  const { a, letter } = await visibleLetter(db, actor, letterId, 'case.read', ctx.now);
  // Addresses and channel consents are contact data: without the category they are withheld.
  const contact = (await accessToPerson(db, a, letter.personId, ctx.now))?.categories.has('contact') ?? false;
  const { consents, current, options, today } = contact
    ? await optionsFor(db, letter.personId, ctx.now)
    : { consents: [], current: undefined, options: [], today: todayIn(ctx.now) };
  const used = contact && letter.addressId ? await addressById(db, letter.addressId, letter.personId) : undefined;
  const address = letter.status === 'draft' ? current : (used ?? undefined);
  const mail = await mailOfLetter(db, letterId);
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'letter.viewed_delivery',
      subjectType: 'letter',
      subjectId: letterId,
      details: { caseId: letter.caseId, status: letter.status },
    });
  });
  return {
    letterId,
    status: letter.status as LetterStatus,
    channel: letter.channel as LetterChannel,
    version: letter.version,
    canAct: letter.agencyId === a.agencyId && contact,
    options,
    address: address ? presentDeliveryAddress(address) : null,
    consents: consents
      .filter((c) => channelConsentInForce(c, today))
      .map((c) => ({ id: c.id, channel: c.channel as ConsentChannelValue, address: c.address, service: c.service })),
    proofKinds: Object.fromEntries(
      letterChannels.map((c) => [c, [...proofKindsFor(c)]]),
    ) as LetterDeliveryState['proofKinds'],
    mail: mail ?? null,
  };
}

function refusedChannel(option: ChannelOption | undefined): AppError {
  return new AppError('VALIDATION_FAILED', {
    fieldErrors: [
      {
        path: 'channel',
        message:
          option?.reason ?? fieldMessage('Dieser Versandweg ist nicht möglich.', 'This channel is not available.'),
      },
    ],
  });
}

function mailText(letter: LetterRow, agencyName: string): string {
  return [
    'Guten Tag,',
    '',
    `im Anhang erhalten Sie ein Schreiben von ${agencyName}: „${letter.subject}“.`,
    'Das Schreiben liegt in Ihrer Sprache und im deutschen Original bei.',
    '',
    'Diese Nachricht wurde automatisch versandt. Bei Fragen wenden Sie sich bitte an Ihre Ansprechperson.',
  ].join('\n');
}

/**
 * Sends a draft on a channel (If-Match). Post needs an address that is not flagged undeliverable
 * (the refusal names another channel); e-mail and messenger need a consent in force. In one
 * transaction: the PDF is fixed, the letter is sent, the event written, e-mail queued, audited.
 */
export async function sendLetter(
  db: Db,
  actor: Actor | null,
  letterId: string,
  ifMatch: string | undefined,
  input: LetterSendRequest,
  render: LetterRenderer,
  ctx: AuditContext,
): Promise<Versioned<{ id: string; status: LetterStatus; channel: LetterChannel; version: number }>> {
  const { a, letter } = await visibleLetter(db, actor, letterId, 'case.write', ctx.now);
  if (letter.agencyId !== a.agencyId) throw notSendingAgency();
  await assertPersonCategory(db, a, letter.personId, 'contact', ctx.now);
  const expected = ifMatchVersion(ifMatch, true);
  const { consents, current, options, today } = await optionsFor(db, letter.personId, ctx.now);
  const option = options.find((o) => o.channel === input.channel);

  let addressId: string | null = null;
  let consentId: string | null = null;
  let mailTo: string | null = null;
  if (input.channel === 'post' || input.channel === 'hand_delivery') {
    if (input.communicationConsentId) {
      throw invalid(
        'communicationConsentId',
        'Post und Übergabe brauchen keine Einwilligung.',
        'Post and hand delivery need no consent.',
      );
    }
    const chosen = input.addressId ? await addressOfPerson(db, letter.personId, input.addressId) : current;
    if (input.addressId && !chosen) {
      throw invalid(
        'addressId',
        'Diese Anschrift ist keine Anschrift der Person.',
        'This address is not an address of the person.',
      );
    }
    if (input.channel === 'post') {
      if (!chosen) throw refusedChannel(option);
      const facts = factsOf(chosen.address);
      const perAddress = channelOptions({
        consents: consents.map((c) => ({ ...c, channel: c.channel as ConsentChannelValue })),
        address: facts,
        today,
      }).find((o) => o.channel === 'post');
      if (!perAddress?.allowed) throw refusedChannel(perAddress);
    }
    addressId = chosen?.address.id ?? null;
  } else {
    if (input.addressId) {
      throw invalid(
        'addressId',
        'E-Mail und Messenger gehen an keine Postanschrift.',
        'E-mail and messenger go to no postal address.',
      );
    }
    if (!option?.allowed) throw refusedChannel(option);
    if (input.communicationConsentId) {
      if (!option.consentIds.includes(input.communicationConsentId)) {
        throw invalid(
          'communicationConsentId',
          'Für diese Adresse liegt keine geltende Einwilligung der Person zu diesem Versandweg vor.',
          'There is no consent of the person in force for this address and channel.',
        );
      }
      consentId = input.communicationConsentId;
    } else if (option.consentIds.length === 1) {
      consentId = option.consentIds[0]!;
    } else {
      throw invalid(
        'communicationConsentId',
        'Die Person hat mehrere Adressen für diesen Versandweg angegeben: Bitte eine wählen.',
        'The person gave several addresses for this channel: please choose one.',
      );
    }
    mailTo = consents.find((c) => c.id === consentId)!.address;
  }

  const result = await db.transaction(async (tx) => {
    const locked = await lockLetter(tx, letterId);
    if (!locked) throw new AppError('NOT_FOUND');
    if (locked.version !== expected) throw stale(locked.version);
    if (locked.status !== 'draft') {
      throw new AppError('CONFLICT', {
        fieldErrors: [
          {
            path: 'status',
            message: fieldMessage('Der Brief ist bereits versandt.', 'The letter has already been sent.'),
          },
        ],
      });
    }
    // A withdrawal committed since the options were read wins: re-read the consent under the lock.
    if (consentId) {
      const fresh = await lockConsent(tx, consentId);
      if (!fresh || !channelConsentInForce(fresh, today)) throw refusedChannel(undefined);
    }
    // The channel and address are set first: the letters module renders the letter as it is now.
    await updateLetter(tx, letterId, { channel: input.channel, addressId, communicationConsentId: consentId });
    const pdf = Buffer.from(await render(tx, letterId, ctx.now));
    const pdfSha256 = createHash('sha256').update(pdf).digest('hex');
    // Two updates in one transaction: the version moves by one for the client (set explicitly).
    const updated = await updateLetter(tx, letterId, {
      status: 'sent',
      sentAt: ctx.now,
      sentBy: a.userId,
      pdf,
      pdfSha256,
      updatedAt: ctx.now,
      updatedBy: a.userId,
      version: locked.version + 1,
    });
    await insertLetterEvent(tx, {
      letterId,
      kind: 'sent',
      occurredAt: ctx.now,
      recordedAt: ctx.now,
      recordedBy: a.userId,
      agencyId: a.agencyId,
      note:
        input.channel === 'messenger' ? 'Über den Messenger der Stelle versandt (von der Fachkraft bestätigt).' : null,
    });
    let mailId: string | null = null;
    if (input.channel === 'email') {
      const agency = await agencyNameOf(tx, a.agencyId);
      mailId = (
        await enqueueMail(
          tx,
          {
            letterId,
            to: mailTo!,
            subject: letter.subject,
            text: mailText(letter, agency ?? 'Stadt Mülheim an der Ruhr'),
            attachLetterPdf: true,
          },
          ctx.now,
        )
      ).id;
    }
    await recordAudit(tx, ctx, {
      type: 'letter.sent',
      subjectType: 'letter',
      subjectId: letterId,
      details: {
        caseId: letter.caseId,
        channel: input.channel,
        addressId,
        communicationConsentId: consentId,
        mailId,
        pdfSha256,
        version: updated.version,
      },
    });
    return updated;
  });
  return {
    value: {
      id: result.id,
      status: result.status as LetterStatus,
      channel: result.channel as LetterChannel,
      version: result.version,
    },
    etag: etagOf(result.version),
  };
}

/**
 * Records a delivery event (If-Match): delivered with a proof that fits the channel, returned or
 * undeliverable with a reason — which also records the address facts the caseworker confirmed in
 * the address register (same transaction) — or a later read receipt.
 */
export async function recordDelivery(
  db: Db,
  actor: Actor | null,
  letterId: string,
  ifMatch: string | undefined,
  input: LetterDeliveryRequest,
  ctx: AuditContext,
): Promise<Versioned<{ id: string; status: LetterStatus; version: number }>> {
  const { a, letter } = await visibleLetter(db, actor, letterId, 'case.write', ctx.now);
  if (letter.agencyId !== a.agencyId) throw notSendingAgency();
  await assertPersonCategory(db, a, letter.personId, 'contact', ctx.now);
  const expected = ifMatchVersion(ifMatch, true);
  const today = todayIn(ctx.now);
  if (input.occurredOn > today) {
    throw invalid('occurredOn', 'Das Datum liegt in der Zukunft.', 'The date lies in the future.');
  }
  if (letter.sentAt && input.occurredOn < todayIn(letter.sentAt)) {
    throw invalid('occurredOn', 'Das Datum liegt vor dem Versand.', 'The date lies before the letter was sent.');
  }
  if (input.addressFacts && (input.kind === 'delivered' || input.kind === 'read')) {
    throw invalid(
      'addressFacts',
      'Angaben zur Anschrift gehören zu einem Rückläufer.',
      'Address facts belong to returned mail.',
    );
  }
  const occurredAt = instantOf(input.occurredOn, ctx.now);

  const result = await db.transaction(async (tx) => {
    const locked = await lockLetter(tx, letterId);
    if (!locked) throw new AppError('NOT_FOUND');
    if (locked.version !== expected) throw stale(locked.version);
    const decision = deliveryDecision(
      { status: locked.status as LetterStatus, channel: locked.channel as LetterChannel },
      { kind: input.kind, proofKind: input.proofKind ?? null, reason: input.reason ?? null },
    );
    if (!decision.ok) {
      throw new AppError(decision.field === 'kind' ? 'CONFLICT' : 'VALIDATION_FAILED', {
        fieldErrors: [{ path: decision.field, message: decision.reason }],
      });
    }
    let addressChecked = false;
    const values: Parameters<typeof updateLetter>[2] = {
      status: decision.status,
      updatedAt: ctx.now,
      updatedBy: a.userId,
    };
    let proofKind = input.proofKind ?? null;
    if (input.kind === 'delivered' || (input.kind === 'read' && locked.status === 'sent')) {
      proofKind = proofKind ?? 'read_receipt';
      Object.assign(values, { deliveredAt: occurredAt, proofKind, proofNote: input.note ?? null });
    }
    if (input.kind === 'returned' || input.kind === 'undeliverable') {
      Object.assign(values, { returnedAt: occurredAt, returnReason: input.reason! });
      if (locked.addressId) {
        // The address the letter went to, even if the person has moved since.
        const entry = await addressById(tx, locked.addressId, locked.personId);
        if (entry) {
          const facts = { ...factsOf(entry.address), ...suggestedFacts(input.reason!), ...input.addressFacts };
          await recordAddressCheck(tx, ctx, {
            addressId: locked.addressId,
            facts,
            source: 'correspondence',
            sourceId: letterId,
            note: input.note ?? null,
          });
          addressChecked = true;
        }
      }
    }
    const updated = await updateLetter(tx, letterId, values);
    await insertLetterEvent(tx, {
      letterId,
      kind: input.kind,
      occurredAt,
      recordedAt: ctx.now,
      recordedBy: a.userId,
      agencyId: a.agencyId,
      proofKind,
      reason: input.reason ?? null,
      note: input.note ?? null,
    });
    await recordAudit(tx, ctx, {
      type: 'letter.delivery_recorded',
      subjectType: 'letter',
      subjectId: letterId,
      details: {
        caseId: locked.caseId,
        kind: input.kind,
        proofKind,
        reason: input.reason ?? null,
        addressChecked,
        status: decision.status,
        version: updated.version,
      },
    });
    return updated;
  });
  return {
    value: { id: result.id, status: result.status as LetterStatus, version: result.version },
    etag: etagOf(result.version),
  };
}

/** The letters of the actor's agency ("Schriftverkehr"), filtered, sorted and paged. Audited. */
export async function listAgencyLetters(
  db: Db,
  actor: Actor | null,
  query: LetterOutboxQuery & { page: number; pageSize: number },
  ctx: AuditContext,
): Promise<LetterOutboxList> {
  const a = await check(db, actor, 'case.read');
  const filter = {
    status: query.status,
    proofMissing: query.proofMissing === 'true',
    returned: query.returned === 'true',
    sort: query.sort ?? 'createdAt',
    dir: query.dir ?? 'desc',
  } as const;
  const { rows, total } = await agencyLetters(
    db,
    a,
    ctx.now,
    filter,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  const filters = [
    ...(query.status ? [`status:${query.status}`] : []),
    ...(filter.proofMissing ? ['proofMissing'] : []),
    ...(filter.returned ? ['returned'] : []),
  ];
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      type: 'letter.agency_listed',
      subjectType: 'agency',
      subjectId: a.agencyId,
      details: { resultCount: rows.length, total, filters },
    });
  });
  return { items: rows.map(presentOutboxItem), page: { page: query.page, pageSize: query.pageSize, total } };
}
