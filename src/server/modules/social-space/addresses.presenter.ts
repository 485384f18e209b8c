import {
  addressCheckSourceSchema,
  deliverabilityFactsSchema,
  hasDeliveryProblem,
  type AddressCheck,
  type AddressDetail,
  type AddressSummary,
  type DeliverabilityFacts,
} from '../../../shared/contracts/addresses';
import { factsOf } from './address-register';
import type { AddressCheckRecord, AddressRecord } from './addresses.repository';

const sourceOf = (value: string | null) => {
  const parsed = addressCheckSourceSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
};

export function presentAddressSummary(r: AddressRecord): AddressSummary {
  const a = r.address;
  const facts = factsOf(a);
  return {
    id: a.id,
    version: a.version,
    street: a.street,
    houseNumber: a.houseNumber,
    postalCode: a.postalCode,
    city: a.city,
    district: r.district ? { id: r.district.id, name: r.district.name } : null,
    point: a.latitude !== null && a.longitude !== null ? { latitude: a.latitude, longitude: a.longitude } : null,
    facts,
    problem: hasDeliveryProblem(facts),
    lastCheckedAt: a.lastCheckedAt ? a.lastCheckedAt.toISOString() : null,
    lastCheckedSource: sourceOf(a.lastCheckedSource),
  };
}

/** Facts as stored in a check row (jsonb); anything unexpected reads as "not known". */
function checkFacts(raw: Record<string, unknown>): DeliverabilityFacts {
  const parsed = deliverabilityFactsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  return {
    mailboxPresent: null,
    namesOnMailbox: null,
    sharedAccommodation: null,
    mailDelivery: 'unknown',
    accessNotes: null,
  };
}

export function presentAddressCheck(r: AddressCheckRecord): AddressCheck {
  const facts = checkFacts(r.check.facts);
  return {
    id: r.check.id,
    checkedAt: r.check.checkedAt.toISOString(),
    checkedBy: r.checkedBy ? { id: r.checkedBy.id, displayName: r.checkedBy.displayName } : null,
    agency: r.agency ? { id: r.agency.id, name: r.agency.name } : null,
    source: sourceOf(r.check.source) ?? 'casework',
    sourceId: r.check.sourceId,
    facts,
    problem: hasDeliveryProblem(facts),
    note: r.check.note,
  };
}

export function presentAddressDetail(
  r: AddressRecord & { lastCheckedBy: { id: string; displayName: string } | null },
  checks: readonly AddressCheckRecord[],
): AddressDetail {
  return {
    ...presentAddressSummary(r),
    lastCheckedBy: r.lastCheckedBy ? { id: r.lastCheckedBy.id, displayName: r.lastCheckedBy.displayName } : null,
    checks: checks.map(presentAddressCheck),
  };
}
