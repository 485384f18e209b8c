import type { DeliveryAddress, LetterOutboxItem } from '../../../shared/contracts/letter-delivery';
import type { LetterSummary } from '../../../shared/contracts/letters';
import { hasDeliveryProblem } from '../../../shared/contracts/addresses';
import { factsOf } from '../social-space/address-register';
import type { AddressRow, OutboxRecord } from './letter-delivery.repository';

/** The address a letter goes to, with its deliverability facts (whitelist). */
export function presentDeliveryAddress(a: { address: AddressRow; suffix: string | null }): DeliveryAddress {
  const facts = factsOf(a.address);
  return {
    id: a.address.id,
    street: a.address.street,
    houseNumber: a.address.houseNumber,
    postalCode: a.address.postalCode,
    city: a.address.city,
    suffix: a.suffix,
    facts,
    problem: hasDeliveryProblem(facts),
  };
}

/** A row of the agency's "Schriftverkehr" list (whitelist; never the PDF or the fields). */
export function presentOutboxItem(r: OutboxRecord): LetterOutboxItem {
  const l = r.letter;
  return {
    id: l.id,
    caseId: l.caseId,
    caseReference: r.caseReference,
    personId: l.personId,
    agencyId: l.agencyId,
    agencyName: r.agencyName,
    template: l.template as LetterSummary['template'],
    language: l.language as LetterSummary['language'],
    subject: l.subject,
    channel: l.channel as LetterSummary['channel'],
    status: l.status as LetterSummary['status'],
    confidentiality: l.confidentiality as LetterSummary['confidentiality'],
    sentAt: l.sentAt?.toISOString() ?? null,
    deliveredAt: l.deliveredAt?.toISOString() ?? null,
    returnedAt: l.returnedAt?.toISOString() ?? null,
    createdAt: l.createdAt.toISOString(),
    createdByName: r.createdByName,
    personName: `${r.familyName}, ${r.givenNames}`,
  };
}
