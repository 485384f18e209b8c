import type { CommunicationConsent } from '../../../shared/contracts/communication-consents';
import type { ConsentChannelValue } from '../../../shared/contracts/communication-consents';
import { channelConsentInForce } from '../../../shared/domain/correspondence/channels';
import { todayIn } from '../../../shared/domain/calendar-date';
import type { CommunicationConsentRecord } from './communication-consents.repository';

/** Whitelist of what a channel consent shows (category contact of the person). */
export function presentCommunicationConsent(r: CommunicationConsentRecord, now: Date): CommunicationConsent {
  const c = r.consent;
  return {
    id: c.id,
    personId: c.personId,
    channel: c.channel as ConsentChannelValue,
    address: c.address,
    service: c.service,
    givenOn: c.givenOn,
    evidenceKind: c.evidenceKind as CommunicationConsent['evidenceKind'],
    evidenceNote: c.evidenceNote,
    recordedByAgencyName: r.agencyName,
    recordedByName: r.recordedByName,
    recordedAt: c.recordedAt.toISOString(),
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    inForce: channelConsentInForce(c, todayIn(now)),
    version: c.version,
  };
}
